package dev.flowconnections.runtime.ai;

import static dev.flowconnections.runtime.ai.AiTestFixture.answer;
import static dev.flowconnections.runtime.ai.AiTestFixture.body;
import static dev.flowconnections.runtime.ai.AiTestFixture.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.flowconnections.integration.AuthScheme;
import dev.flowconnections.runtime.testsupport.RecordingHttpServer;
import dev.flowconnections.runtime.testsupport.RecordingHttpServer.RecordedRequest;
import dev.flowconnections.runtime.testsupport.RecordingHttpServer.Reply;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The AI Agent against a local server speaking Ollama's /api/chat, with its documented response
 * shapes.
 */
@Tag("fast")
class OllamaChatTest {

  /** The documented shape of a non-streamed chat answer (docs.ollama.com/api). */
  static final String RESPONSE =
      """
      {"model":"llama3.2","created_at":"2025-07-08T20:11:44.123Z",
       "message":{"role":"assistant","content":"%s"},
       "done_reason":"stop","done":true,"total_duration":4883583458,"load_duration":1334875,
       "prompt_eval_count":26,"prompt_eval_duration":342546000,"eval_count":282,"eval_duration":4535599000}""";

  @AutoClose private final RecordingHttpServer server = RecordingHttpServer.start();
  private final AiTestFixture fixture =
      new AiTestFixture().provider("OLLAMA", server.baseUrl(), AuthScheme.NONE, Map.of());

  @Test
  void postsApiChatWithoutAuthNotStreamedWithOptions() {
    server.respond(answer(RESPONSE, "HARDWARE"));

    AiResult result = fixture.ask(Map.of("model", "llama3.2", "temperature", 0, "maxTokens", 100));

    RecordedRequest request = server.lastRequest();
    assertThat(request.rawPath()).isEqualTo("/api/chat");
    assertThat(request.header("Authorization")).isNull();
    assertThat(body(request))
        .isEqualTo(
            json(
                """
        {"model":"llama3.2","stream":false,
         "messages":[{"role":"system","content":"You sort support tickets."},
                     {"role":"user","content":"Printer on fire, please help"}],
         "options":{"temperature":0.0,"num_predict":100}}"""));
    assertThat(result)
        .isEqualTo(
            new AiResult(
                "OLLAMA",
                "llama3.2",
                "HARDWARE",
                null,
                new TokenUsage(26, 282, 308),
                "stop",
                List.of()));
  }

  @Test
  void theSchemaIsSentAsFormat() {
    server.respond(answer(RESPONSE, "{\"category\":\"HARDWARE\"}"));
    String schema = "{\"type\":\"object\",\"properties\":{\"category\":{\"type\":\"string\"}}}";

    AiResult result = fixture.ask(Map.of("outputSchema", schema));

    assertThat(body(server.lastRequest()).path("format")).isEqualTo(json(schema));
    assertThat(result.structured()).isEqualTo(Map.of("category", "HARDWARE"));
  }

  @Test
  void toolCallsAreAnsweredWithToolMessagesNamingTheTool() {
    fixture.tools = new RecordingTools();
    String call =
        """
        {"model":"llama3.2","created_at":"2025-07-08T20:11:44Z","message":{"role":"assistant","content":"",
          "tool_calls":[{"function":{"name":"get_order","arguments":{"orderId":"A-1"}}}]},
         "done_reason":"stop","done":true,"prompt_eval_count":90,"eval_count":20}""";
    server.respond(AiTestFixture.inOrder(Reply.json(200, call), answer(RESPONSE, "Shipped.")));

    AiResult result = fixture.ask(Map.of("mcpConnection", "orders-mcp"));

    JsonNode first = body(server.requests().get(0));
    assertThat(first.path("tools").get(0).path("type").asText()).isEqualTo("function");
    assertThat(first.path("tools").get(0).path("function").path("name").asText())
        .isEqualTo("get_order");
    JsonNode messages = body(server.requests().get(1)).path("messages");
    assertThat(messages).hasSize(4);
    assertThat(messages.get(2)).isEqualTo(json(call).path("message"));
    assertThat(messages.get(3))
        .isEqualTo(
            json(
                "{\"role\":\"tool\",\"tool_name\":\"get_order\",\"content\":\"{\\\"orderId\\\":\\\"A-1\\\",\\\"status\\\":\\\"SHIPPED\\\"}\"}"));
    assertThat(result.usage()).isEqualTo(new TokenUsage(116, 302, 418));
  }
}
