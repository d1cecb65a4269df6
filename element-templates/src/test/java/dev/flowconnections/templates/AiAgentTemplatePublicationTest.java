package dev.flowconnections.templates;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.flowconnections.access.Actor;
import dev.flowconnections.access.Role;
import dev.flowconnections.connection.ConnectionDraft;
import dev.flowconnections.connection.ConnectionView;
import dev.flowconnections.connection.Visibility;
import dev.flowconnections.integration.AuthScheme;
import dev.flowconnections.integration.Integration;
import dev.flowconnections.integration.IntegrationDraft;
import dev.flowconnections.integration.IntegrationType;
import dev.flowconnections.testsupport.DatabaseTest;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The AI Agent template's MCP tools dropdown as published and downloaded, in an organization of its own. */
class AiAgentTemplatePublicationTest extends DatabaseTest {

  static final String AI_AGENT = "io.flowconnections.ai-agent";

  @Autowired TemplatePublisher publisher;
  @Autowired TemplateCatalog catalog;

  private final String org = "org-" + UUID.randomUUID();
  private final Actor orgAdmin = new Actor("admin", org, Set.of(Role.ADMIN));
  private final Actor alice = new Actor("alice", org, Set.of(Role.USER));
  private final Actor bob = new Actor("bob", org, Set.of(Role.USER));

  @Test
  void aNewMcpConnectionBumpsTheAiAgentTemplateAndIsOfferedForTools() {
    publisher.publish(orgAdmin);
    ConnectionView tools = mcpConnection(alice, Visibility.ORGANIZATION);

    publisher.publish(orgAdmin);

    JsonNode template = catalog.get(bob, AI_AGENT, null);
    assertThat(template.get("version").asInt()).isEqualTo(2);
    assertThat(toolChoices(template)).containsExactly("", tools.connection().key());
    assertThat(toolChoices(catalog.get(bob, AI_AGENT, 1))).containsExactly("");
  }

  @Test
  void personalMcpConnectionsAppearOnlyInTheirOwnersDownload() {
    ConnectionView shared = mcpConnection(alice, Visibility.ORGANIZATION);
    ConnectionView personal = mcpConnection(alice, Visibility.PERSONAL);
    publisher.publish(orgAdmin);

    assertThat(toolChoices(catalog.get(alice, AI_AGENT, null)))
        .containsExactly("", shared.connection().key(), personal.connection().key());
    assertThat(toolChoices(catalog.get(bob, AI_AGENT, null))).containsExactly("", shared.connection().key());
    // the Connection dropdown keeps offering only AI Provider connections
    assertThat(ElementTemplateGeneratorTest.property(catalog.get(alice, AI_AGENT, null), "zeebe:input", "connection")
        .get("choices").findValuesAsText("value")).containsExactly("");
  }

  private ConnectionView mcpConnection(Actor owner, Visibility visibility) {
    Integration integration = integrations.create(orgAdmin, new IntegrationDraft(unique("Tools"), null, null,
        IntegrationType.MCP, null, null, AuthScheme.NONE, null, null,
        Map.of("transport", "HTTP", "url", "https://tools.example.com/mcp"), null, null));
    return connections.create(owner, new ConnectionDraft(integration.id(), unique("Tools"), null, visibility, null));
  }

  private static List<String> toolChoices(JsonNode template) {
    return ElementTemplateGeneratorTest.property(template, "zeebe:input", "mcpConnection").get("choices")
        .findValuesAsText("value");
  }
}
