package dev.flowconnections.runtime.ai;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.flowconnections.integration.IntegrationType;
import dev.flowconnections.templates.ConnectionChoice;
import dev.flowconnections.templates.ElementTemplateGenerator;
import dev.flowconnections.templates.ElementTemplateSchema;
import dev.flowconnections.templates.node.Node;
import dev.flowconnections.templates.node.WorkerDescriptors;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The AI Agent template: its worker's inputs, and a second dropdown for the MCP connection of its
 * tools.
 */
@Tag("fast")
class AiAgentTemplateTest {

  private static final ElementTemplateSchema SCHEMA = new ElementTemplateSchema();
  private static final Node AI_AGENT = WorkerDescriptors.nodesOf(AiFunction.class).get(0);
  private final ElementTemplateGenerator generator =
      new ElementTemplateGenerator(new ObjectMapper());

  private final Map<IntegrationType, List<ConnectionChoice>> offered =
      Map.of(
          IntegrationType.AI_PROVIDER,
              List.of(new ConnectionChoice("openai-prod", "OpenAI", false)),
          IntegrationType.MCP,
              List.of(
                  new ConnectionChoice("orders-mcp", "Orders MCP", false),
                  new ConnectionChoice("my-mcp", "My MCP", true)));

  @Test
  void isAvailableBoundToTheAiWorkerAndValid() {
    JsonNode template = generator.generate(AI_AGENT, offered, 2);

    assertThat(SCHEMA.validate(template)).isEmpty();
    assertThat(property(template, "zeebe:taskDefinition", "type").get("value").asText())
        .isEqualTo("io.flowconnections:ai:1");
    assertThat(
            property(template, "zeebe:input", "connection")
                .get("choices")
                .get(0)
                .get("value")
                .asText())
        .isEqualTo("openai-prod");
  }

  @Test
  void bindsEveryInputTheWorkerReads() {
    JsonNode template = generator.generate(AI_AGENT, offered, 1);

    for (String input :
        List.of(
            "model",
            "systemPrompt",
            "userPrompt",
            "temperature",
            "maxTokens",
            "outputSchema",
            "mcpConnection",
            "maxToolIterations")) {
      assertThat(property(template, "zeebe:input", input)).as(input).isNotNull();
    }
    assertThat(
            property(template, "zeebe:input", "userPrompt")
                .get("constraints")
                .get("notEmpty")
                .asBoolean())
        .isTrue();
    assertThat(property(template, "zeebe:input", "maxToolIterations").get("value").asInt())
        .isEqualTo(5);
  }

  @Test
  void theToolsDropdownOffersMcpConnectionsAfterNone() {
    JsonNode tools =
        property(generator.generate(AI_AGENT, offered, 1), "zeebe:input", "mcpConnection");

    assertThat(tools.get("type").asText()).isEqualTo("Dropdown");
    assertThat(tools.get("value").asText()).isEmpty();
    assertThat(tools.get("choices").findValuesAsText("value"))
        .containsExactly("", "orders-mcp", "my-mcp");
  }

  @Test
  void withoutMcpConnectionsTheToolsDropdownOnlyOffersNone() {
    JsonNode template = generator.generate(AI_AGENT, List.of(), 1);

    assertThat(SCHEMA.validate(template)).isEmpty();
    assertThat(
            property(template, "zeebe:input", "mcpConnection")
                .get("choices")
                .findValuesAsText("name"))
        .containsExactly("None");
  }

  private static JsonNode property(JsonNode template, String bindingType, String name) {
    return StreamSupport.stream(template.get("properties").spliterator(), false)
        .filter(p -> p.get("binding").get("type").asText().equals(bindingType))
        .filter(
            p ->
                name.equals(p.get("binding").path("name").asText(null))
                    || name.equals(p.get("binding").path("property").asText(null)))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no property bound to " + bindingType + " " + name));
  }
}
