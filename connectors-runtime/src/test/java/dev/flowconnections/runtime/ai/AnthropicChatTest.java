package dev.flowconnections.runtime.ai;

import static dev.flowconnections.runtime.ai.AiTestFixture.body;
import static dev.flowconnections.runtime.ai.AiTestFixture.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.flowconnections.runtime.testsupport.RecordingHttpServer;
import dev.flowconnections.runtime.testsupport.RecordingHttpServer.RecordedRequest;
import dev.flowconnections.runtime.testsupport.RecordingHttpServer.Reply;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The AI Agent against a local server speaking Anthropic Messages, with its documented response
 * shapes.
 */
@Tag("fast")
class AnthropicChatTest {

  static final String API_KEY = "sk-ant-api03-anthropic-key-5678";

  /** The documented shape of a message (docs.anthropic.com/en/api/messages). */
  static final String MESSAGE =
      """
      {"id":"msg_013Zva2CMHLNnXjNJJKqJ2EF","type":"message","role":"assistant","model":"claude-sonnet-4-5",
       "content":[{"type":"text","text":"%s"}],
       "stop_reason":"end_turn","stop_sequence":null,
       "usage":{"input_tokens":2095,"output_tokens":503,"cache_creation_input_tokens":0,"cache_read_input_tokens":0}}""";

  @AutoClose private final RecordingHttpServer server = RecordingHttpServer.start();
  private final AiTestFixture fixture =
      new AiTestFixture().provider("ANTHROPIC", server.baseUrl(), API_KEY);

  static Reply message(String text) {
    return Reply.json(200, MESSAGE.formatted(AiTestFixture.escaped(text)));
  }

  @Test
  void postsMessagesWithXApiKeyVersionHeaderTopLevelSystemAndRequiredMaxTokens() {
    server.respond(message("HARDWARE"));

    AiResult result = fixture.ask(Map.of("model", "claude-sonnet-4-5", "temperature", 0.5));

    RecordedRequest request = server.lastRequest();
    assertThat(request.rawPath()).isEqualTo("/v1/messages");
    assertThat(request.header("x-api-key")).isEqualTo(API_KEY);
    assertThat(request.header("anthropic-version")).isEqualTo("2023-06-01");
    assertThat(request.header("Authorization")).isNull();
    assertThat(body(request))
        .isEqualTo(
            json(
                """
        {"model":"claude-sonnet-4-5","max_tokens":1024,"system":"You sort support tickets.","temperature":0.5,
         "messages":[{"role":"user","content":"Printer on fire, please help"}]}"""));
    assertThat(result)
        .isEqualTo(
            new AiResult(
                "ANTHROPIC",
                "claude-sonnet-4-5",
                "HARDWARE",
                null,
                new TokenUsage(2095, 503, 2598),
                "end_turn",
                List.of()));
  }

  @Test
  void theSchemaBecomesAnInstructionAndAFencedAnswerIsStillValidated() {
    server.respond(message("```json\n{\"category\":\"HARDWARE\"}\n```"));
    String schema =
        "{\"type\":\"object\",\"properties\":{\"category\":{\"type\":\"string\"}},\"required\":[\"category\"]}";

    AiResult result = fixture.ask(Map.of("outputSchema", schema, "maxTokens", 64));

    JsonNode sent = body(server.lastRequest());
    assertThat(sent.path("max_tokens").asInt()).isEqualTo(64);
    assertThat(sent.path("system").asText())
        .startsWith("You sort support tickets.\n\nAnswer with a single JSON value")
        .endsWith(json(schema).toString());
    assertThat(result.structured()).isEqualTo(Map.of("category", "HARDWARE"));
  }

  @Test
  void toolUseBlocksAreAnsweredWithToolResultBlocksInAUserMessage() {
    fixture.tools = new RecordingTools();
    String toolUse =
        """
        {"id":"msg_01","type":"message","role":"assistant","model":"claude-sonnet-4-5",
         "content":[{"type":"text","text":"Let me look that up."},
                    {"type":"tool_use","id":"toolu_01A09q90qw90lq917835lq9","name":"get_order","input":{"orderId":"A-1"}},
                    {"type":"tool_use","id":"toolu_02","name":"cancel_order","input":{"orderId":"A-1"}}],
         "stop_reason":"tool_use","stop_sequence":null,"usage":{"input_tokens":400,"output_tokens":60}}""";
    server.respond(AiTestFixture.inOrder(Reply.json(200, toolUse), message("It has shipped.")));

    AiResult result = fixture.ask(Map.of("mcpConnection", "orders-mcp"));

    JsonNode first = body(server.requests().get(0));
    assertThat(first.path("tools").get(0))
        .isEqualTo(
            json(
                """
        {"name":"get_order","description":"Reads an order by id","input_schema":
          {"$schema":"http://json-schema.org/draft-07/schema#","type":"object",
           "properties":{"orderId":{"type":"string"}},"required":["orderId"],"additionalProperties":false}}"""));
    JsonNode messages = body(server.requests().get(1)).path("messages");
    assertThat(messages).hasSize(3);
    assertThat(messages.get(1))
        .isEqualTo(
            json("{\"role\":\"assistant\",\"content\":" + json(toolUse).path("content") + "}"));
    assertThat(messages.get(2))
        .isEqualTo(
            json(
                """
        {"role":"user","content":[
          {"type":"tool_result","tool_use_id":"toolu_01A09q90qw90lq917835lq9",
           "content":"{\\"orderId\\":\\"A-1\\",\\"status\\":\\"SHIPPED\\"}"},
          {"type":"tool_result","tool_use_id":"toolu_02","content":"cancelling is not allowed","is_error":true}]}"""));
    assertThat(result.text()).isEqualTo("It has shipped.");
    assertThat(result.usage()).isEqualTo(new TokenUsage(2495, 563, 3058));
    assertThat(result.stopReason()).isEqualTo("end_turn");
  }
}
