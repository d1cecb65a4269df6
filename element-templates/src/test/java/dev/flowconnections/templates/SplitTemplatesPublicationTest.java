package dev.flowconnections.templates;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.flowconnections.connection.ConnectionDraft;
import dev.flowconnections.connection.ConnectionView;
import dev.flowconnections.connection.Visibility;
import dev.flowconnections.integration.AuthScheme;
import dev.flowconnections.integration.Integration;
import dev.flowconnections.integration.IntegrationType;
import dev.flowconnections.templates.node.Node;
import dev.flowconnections.testsupport.IntegrationDrafts;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.TestPropertySource;

/**
 * Publication, download, status and shrinking of templates split per integration, with a dropdown
 * threshold of two connections so that three make an organization "large".
 */
@Import(FixtureWorkers.class)
@TestPropertySource(
    properties = {
      "flow-connections.templates.auto-publish=false",
      "flow-connections.templates.max-dropdown-choices=2"
    })
class SplitTemplatesPublicationTest extends OwnOrganizationTest {

  private static final Node REST = FixtureWorkers.node(FixtureWorkers.REST);

  @Autowired TemplatePublisher publisher;
  @Autowired TemplateCatalog catalog;
  @Autowired TemplateStatus status;

  @Test
  void aboveTheThresholdEachIntegrationGetsItsTemplateAndShrinkingDeprecatesThem() {
    Integration crm = rest("CRM");
    Integration billing = rest("Billing");
    ConnectionView crm1 = connection(crm, Visibility.ORGANIZATION);
    ConnectionView crm2 = connection(crm, Visibility.ORGANIZATION);
    ConnectionView bill = connection(billing, Visibility.ORGANIZATION);
    ConnectionView mine = connection(crm, Visibility.PERSONAL);

    publisher.publish(orgAdmin);
    String crmTemplate = TemplateTarget.splitId(REST, crm.id());
    String billingTemplate = TemplateTarget.splitId(REST, billing.id());
    assertThat(catalog.latest(alice))
        .extracting(t -> t.get("id").asText())
        .contains(FixtureWorkers.REST, crmTemplate, billingTemplate);
    assertThat(connectionValues(catalog.get(bob, crmTemplate, null)))
        .containsExactlyInAnyOrder(crm1.connection().key(), crm2.connection().key());
    assertThat(connectionValues(catalog.get(bob, billingTemplate, null)))
        .containsExactly(bill.connection().key());
    // the node's own template takes a key now; a download adds nothing to it
    assertThat(connection(catalog.get(alice, FixtureWorkers.REST, null)).has("choices")).isFalse();

    // personal connections: only in their owner's download, only in their integration's template
    assertThat(connectionValues(catalog.get(alice, crmTemplate, null)))
        .contains(mine.connection().key());
    assertThat(connectionValues(catalog.get(alice, billingTemplate, null)))
        .doesNotContain(mine.connection().key());
    assertThat(connectionValues(catalog.get(bob, crmTemplate, null)))
        .doesNotContain(mine.connection().key());

    // where a connection can be picked: its integration's template, and the key input
    TemplateStatus.Availability places = status.availability(alice, crm1.connection().id());
    assertThat(places.places())
        .filteredOn(p -> p.templateId().equals(crmTemplate))
        .singleElement()
        .matches(p -> p.published() && p.templateName().equals(REST.label() + " · " + crm.name()));
    assertThat(places.places())
        .filteredOn(p -> p.templateId().equals(FixtureWorkers.REST))
        .singleElement()
        .matches(TemplateStatus.Availability.Place::published);
    assertThat(status.availability(alice, bill.connection().id()).places())
        .extracting(TemplateStatus.Availability.Place::templateId)
        .contains(billingTemplate)
        .doesNotContain(crmTemplate);
    assertThat(status.overview(orgAdmin).templates())
        .extracting(TemplateStatus.Overview.Entry::templateId)
        .contains(crmTemplate, billingTemplate);
    assertThat(publisher.publish(orgAdmin).changedCount()).isZero();

    // below the threshold again: the node's dropdown is back, the split templates are deprecated
    connections.delete(orgAdmin, crm2.connection().id());
    assertThat(status.overview(orgAdmin).templates())
        .filteredOn(e -> e.templateId().equals(crmTemplate))
        .singleElement()
        .matches(TemplateStatus.Overview.Entry::changed);
    Map<String, TemplatePublisher.Publication.Entry> shrunk =
        publisher.publish(orgAdmin).templates().stream()
            .collect(
                Collectors.toMap(
                    TemplatePublisher.Publication.Entry::templateId, Function.identity()));
    assertThat(shrunk.get(crmTemplate).changed()).isTrue();
    assertThat(shrunk.get(FixtureWorkers.REST).changed()).isTrue();
    JsonNode retired = catalog.get(bob, crmTemplate, null);
    assertThat(retired.get("version").asInt()).isEqualTo(2);
    assertThat(retired.path("deprecated").path("message").asText()).contains("No longer published");
    assertThat(catalog.history(bob, crmTemplate)).hasSize(2);
    assertThat(connectionValues(catalog.get(bob, FixtureWorkers.REST, null)))
        .containsExactlyInAnyOrder(bill.connection().key(), crm1.connection().key());
    assertThat(status.availability(alice, crm1.connection().id()).places())
        .extracting(TemplateStatus.Availability.Place::templateId)
        .doesNotContain(crmTemplate);
    assertThat(status.overview(orgAdmin).templates()).noneMatch(e -> e.changed());
    assertThat(publisher.publish(orgAdmin).changedCount()).isZero();

    // above it once more: a new, undeprecated version
    connection(crm, Visibility.ORGANIZATION);
    publisher.publish(orgAdmin);
    JsonNode back = catalog.get(bob, crmTemplate, null);
    assertThat(back.get("version").asInt()).isEqualTo(3);
    assertThat(back.has("deprecated")).isFalse();
  }

  private Integration rest(String name) {
    return integrations.create(
        orgAdmin,
        IntegrationDrafts.ofType(
            unique(name),
            IntegrationType.REST_API,
            AuthScheme.BEARER,
            Map.of("baseUrl", "https://crm.example.com")));
  }

  private ConnectionView connection(Integration integration, Visibility visibility) {
    return connections.create(
        alice, new ConnectionDraft(integration.id(), unique("Conn"), null, visibility, null));
  }

  private static JsonNode connection(JsonNode template) {
    return StreamSupport.stream(template.get("properties").spliterator(), false)
        .filter(p -> "connection".equals(p.path("binding").path("name").asText()))
        .findFirst()
        .orElseThrow();
  }

  private static List<String> connectionValues(JsonNode template) {
    return connection(template).get("choices").findValuesAsText("value");
  }
}
