package dev.flowconnections.templates;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.flowconnections.access.Actor;
import dev.flowconnections.connection.ConnectionDraft;
import dev.flowconnections.connection.ConnectionView;
import dev.flowconnections.connection.Visibility;
import dev.flowconnections.integration.AuthScheme;
import dev.flowconnections.integration.Integration;
import dev.flowconnections.integration.IntegrationType;
import dev.flowconnections.testsupport.IntegrationDrafts;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;

/**
 * A dropdown of connections of another type (an MCP tool server of an AI node) as published and
 * downloaded, in an organization of its own.
 */
@Import(FixtureWorkers.class)
class ConnectionPickerPublicationTest extends OwnOrganizationTest {

  static final String ADVISOR = FixtureWorkers.AI;

  @Autowired TemplatePublisher publisher;
  @Autowired TemplateCatalog catalog;

  @Test
  void aNewMcpConnectionBumpsTheAiAgentTemplateAndIsOfferedForTools() {
    publisher.publish(orgAdmin);
    ConnectionView tools = mcpConnection(alice, Visibility.ORGANIZATION);

    publisher.publish(orgAdmin);

    JsonNode template = catalog.get(bob, ADVISOR, null);
    assertThat(template.get("version").asInt()).isEqualTo(2);
    assertThat(toolChoices(template)).containsExactly("", tools.connection().key());
    assertThat(toolChoices(catalog.get(bob, ADVISOR, 1))).containsExactly("");
  }

  @Test
  void personalMcpConnectionsAppearOnlyInTheirOwnersDownload() {
    ConnectionView shared = mcpConnection(alice, Visibility.ORGANIZATION);
    ConnectionView personal = mcpConnection(alice, Visibility.PERSONAL);
    publisher.publish(orgAdmin);

    assertThat(toolChoices(catalog.get(alice, ADVISOR, null)))
        .containsExactly("", shared.connection().key(), personal.connection().key());
    assertThat(toolChoices(catalog.get(bob, ADVISOR, null)))
        .containsExactly("", shared.connection().key());
    // the Connection dropdown keeps offering only AI Provider connections
    assertThat(
            ElementTemplateGeneratorTest.property(
                    catalog.get(alice, ADVISOR, null), "zeebe:input", "connection")
                .get("choices")
                .findValuesAsText("value"))
        .containsExactly("");
  }

  private ConnectionView mcpConnection(Actor owner, Visibility visibility) {
    Integration integration =
        integrations.create(
            orgAdmin,
            IntegrationDrafts.ofType(
                unique("Tools"),
                IntegrationType.MCP,
                AuthScheme.NONE,
                Map.of("transport", "HTTP", "url", "https://tools.example.com/mcp")));
    return connections.create(
        owner, new ConnectionDraft(integration.id(), unique("Tools"), null, visibility, null));
  }

  private static List<String> toolChoices(JsonNode template) {
    return ElementTemplateGeneratorTest.property(template, "zeebe:input", "toolServer")
        .get("choices")
        .findValuesAsText("value");
  }
}
