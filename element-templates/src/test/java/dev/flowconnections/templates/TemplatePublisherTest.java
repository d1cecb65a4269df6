package dev.flowconnections.templates;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.flowconnections.access.AccessDeniedException;
import dev.flowconnections.connection.ConnectionView;
import dev.flowconnections.connection.Visibility;
import dev.flowconnections.environment.Environment;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;

/** Each test publishes in an organization of its own, so versions start at 1. */
@Import(FixtureWorkers.class)
class TemplatePublisherTest extends OwnOrganizationTest {

  @Autowired TemplatePublisher publisher;
  @Autowired TemplateCatalog catalog;

  @Test
  void aFirstPublicationCreatesVersionOneOfEveryTemplateAndARepeatChangesNothing() {
    TemplatePublisher.Publication first = publisher.publish(orgAdmin);
    TemplatePublisher.Publication again = publisher.publish(orgAdmin);

    assertThat(first.templates())
        .hasSize(FixtureWorkers.CATALOG.all().size())
        .allMatch(e -> e.version() == 1 && e.changed());
    assertThat(again.templates()).allMatch(e -> e.version() == 1 && !e.changed());
    assertThat(catalog.latest(alice)).hasSize(FixtureWorkers.CATALOG.all().size());
  }

  @Test
  void aNewConnectionBumpsOnlyTheTemplatesThatOfferIt() {
    publisher.publish(orgAdmin);
    ConnectionView crm = crmConnection(alice, Visibility.ORGANIZATION);

    Map<String, TemplatePublisher.Publication.Entry> entries = byId(publisher.publish(orgAdmin));

    assertThat(entries.get(FixtureWorkers.REST).version()).isEqualTo(2);
    assertThat(entries.get(FixtureWorkers.REST_TOOL).version()).isEqualTo(2);
    assertThat(entries.get(FixtureWorkers.SQL).version()).isEqualTo(1);
    JsonNode v2 = catalog.get(bob, FixtureWorkers.REST, null);
    JsonNode v1 = catalog.get(bob, FixtureWorkers.REST, 1);
    assertThat(v2.get("version").asInt()).isEqualTo(2);
    assertThat(dropdownValues(v2)).containsExactly(crm.connection().key());
    assertThat(dropdownValues(v1)).containsExactly("");
    assertThat(catalog.history(bob, FixtureWorkers.REST))
        .extracting(PublishedTemplate::version)
        .containsExactly(1, 2);
  }

  @Test
  void personalConnectionsAppearOnlyInTheirOwnersDownload() {
    ConnectionView shared = crmConnection(alice, Visibility.ORGANIZATION);
    ConnectionView personal = crmConnection(alice, Visibility.PERSONAL);
    publisher.publish(orgAdmin);

    assertThat(dropdownValues(catalog.get(alice, FixtureWorkers.REST, null)))
        .containsExactly(shared.connection().key(), personal.connection().key());
    assertThat(dropdownValues(catalog.get(bob, FixtureWorkers.REST, null)))
        .containsExactly(shared.connection().key());
    assertThat(catalog.latest(bob).toString()).doesNotContain(personal.connection().key());
  }

  @Test
  void noCredentialEverReachesATemplate() {
    ConnectionView crm = crmConnection(alice, Visibility.ORGANIZATION);
    putCredentials(alice, crm, Environment.PRODUCTION, Map.of("token", "tok-never-in-templates"));
    publisher.publish(orgAdmin);

    assertThat(catalog.latest(alice).toString())
        .contains(crm.connection().key())
        .doesNotContain("tok-never-in-templates");
  }

  @Test
  void onlyAdministratorsPublish() {
    assertThatThrownBy(() -> publisher.publish(alice)).isInstanceOf(AccessDeniedException.class);
  }

  private static List<String> dropdownValues(JsonNode template) {
    return ElementTemplateGeneratorTest.property(template, "zeebe:input", "connection")
        .get("choices")
        .findValuesAsText("value");
  }

  private static Map<String, TemplatePublisher.Publication.Entry> byId(
      TemplatePublisher.Publication publication) {
    return publication.templates().stream()
        .collect(
            Collectors.toMap(TemplatePublisher.Publication.Entry::templateId, Function.identity()));
  }
}
