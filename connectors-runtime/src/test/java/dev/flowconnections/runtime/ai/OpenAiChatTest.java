package dev.flowconnections.runtime.ai;

import static dev.flowconnections.runtime.ai.AiTestFixture.body;
import static dev.flowconnections.runtime.ai.AiTestFixture.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.flowconnections.runtime.ai.AiResult.ToolCallRecord;
import dev.flowconnections.runtime.testsupport.RecordingHttpServer;
import dev.flowconnections.runtime.testsupport.RecordingHttpServer.RecordedRequest;
import dev.flowconnections.runtime.testsupport.RecordingHttpServer.Reply;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The AI Agent against a local server speaking OpenAI Chat Completions, with its documented
 * response shapes.
 */
@Tag("fast")
class OpenAiChatTest {

  static final String API_KEY = "sk-proj-openai-key-1234";

  /**
   * The documented shape of a chat completion (platform.openai.com/docs/api-reference/chat/object).
   */
  static final String COMPLETION =
      """
      {"id":"chatcmpl-B9MBs8CjcvOU2jLn4n570S5qMJKcT","object":"chat.completion","created":1741569952,
       "model":"gpt-4.1-2025-04-14",
       "choices":[{"index":0,"message":{"role":"assistant","content":"%s","refusal":null,"annotations":[]},
                   "logprobs":null,"finish_reason":"stop"}],
       "usage":{"prompt_tokens":19,"completion_tokens":10,"total_tokens":29,
                "prompt_tokens_details":{"cached_tokens":0,"audio_tokens":0},
                "completion_tokens_details":{"reasoning_tokens":0,"audio_tokens":0}},
       "service_tier":"default"}""";

  @AutoClose private final RecordingHttpServer server = RecordingHttpServer.start();
  private final AiTestFixture fixture =
      new AiTestFixture().provider("OPENAI", server.baseUrl(), API_KEY);

  static Reply completion(String content) {
    return Reply.json(200, COMPLETION.formatted(AiTestFixture.escaped(content)));
  }

  @Test
  void postsChatCompletionsWithBearerKeyAndMapsTextAndUsage() {
    server.respond(completion("Category: HARDWARE"));

    AiResult result = fixture.ask(Map.of("model", "gpt-4.1", "temperature", 0.2, "maxTokens", 300));

    RecordedRequest request = server.lastRequest();
    assertThat(request.method()).isEqualTo("POST");
    assertThat(request.rawPath()).isEqualTo("/v1/chat/completions");
    assertThat(request.header("Authorization")).isEqualTo("Bearer " + API_KEY);
    assertThat(request.header("Content-Type")).isEqualTo("application/json");
    assertThat(body(request))
        .isEqualTo(
            json(
                """
        {"model":"gpt-4.1",
         "messages":[{"role":"system","content":"You sort support tickets."},
                     {"role":"user","content":"Printer on fire, please help"}],
         "temperature":0.2,"max_completion_tokens":300}"""));
    assertThat(result)
        .isEqualTo(
            new AiResult(
                "OPENAI",
                "gpt-4.1",
                "Category: HARDWARE",
                null,
                new TokenUsage(19, 10, 29),
                "stop",
                List.of()));
  }

  @Test
  void withoutModelTheIntegrationsDefaultModelIsAsked() {
    server.respond(completion("ok"));

    AiResult result = fixture.ask(Map.of());

    assertThat(body(server.lastRequest()).path("model").asText()).isEqualTo("default-model-1");
    assertThat(result.model()).isEqualTo("default-model-1");
    assertThat(body(server.lastRequest()).has("temperature")).isFalse();
  }

  @Test
  void numbersTypedIntoTheTemplatesTextFieldsAreNumbers() {
    server.respond(completion("ok"));

    fixture.ask(Map.of("temperature", "0.3", "maxTokens", "42"));

    assertThat(body(server.lastRequest()).path("temperature").asDouble()).isEqualTo(0.3);
    assertThat(body(server.lastRequest()).path("max_completion_tokens").asInt()).isEqualTo(42);
  }

  @Test
  void anOutputSchemaIsSentAsResponseFormatJsonSchemaAndTheAnswerIsValidated() {
    server.respond(completion("{\"category\":\"HARDWARE\",\"urgent\":true}"));
    String schema =
        "{\"type\":\"object\",\"properties\":{\"category\":{\"enum\":[\"HARDWARE\",\"BILLING\"]},"
            + "\"urgent\":{\"type\":\"boolean\"}},\"required\":[\"category\",\"urgent\"]}";

    AiResult result = fixture.ask(Map.of("outputSchema", schema));

    JsonNode format = body(server.lastRequest()).path("response_format");
    assertThat(format.path("type").asText()).isEqualTo("json_schema");
    assertThat(format.path("json_schema").path("name").asText()).isEqualTo("result");
    assertThat(format.path("json_schema").path("schema")).isEqualTo(json(schema));
    assertThat(result.structured()).isEqualTo(Map.of("category", "HARDWARE", "urgent", true));
  }

  @Test
  void toolCallsGoBackAsToolMessagesWithTheirIdsAfterTheAssistantMessage() {
    RecordingTools tools = new RecordingTools();
    fixture.tools = tools;
    String toolCall =
        """
        {"id":"chatcmpl-1","object":"chat.completion","created":1,"model":"gpt-4.1",
         "choices":[{"index":0,"message":{"role":"assistant","content":null,"tool_calls":[
           {"id":"call_abc","type":"function","function":{"name":"get_order","arguments":"{\\"orderId\\":\\"A-1\\"}"}},
           {"id":"call_def","type":"function","function":{"name":"cancel_order","arguments":"{\\"orderId\\":\\"A-1\\"}"}}]},
           "finish_reason":"tool_calls"}],
         "usage":{"prompt_tokens":50,"completion_tokens":20,"total_tokens":70}}""";
    server.respond(
        AiTestFixture.inOrder(Reply.json(200, toolCall), completion("Order A-1 has shipped")));

    AiResult result = fixture.ask(Map.of("mcpConnection", "orders-mcp"));

    JsonNode first = body(server.requests().get(0));
    assertThat(first.path("tools"))
        .isEqualTo(
            json(
                """
        [{"type":"function","function":{"name":"get_order","description":"Reads an order by id","parameters":
           {"$schema":"http://json-schema.org/draft-07/schema#","type":"object",
            "properties":{"orderId":{"type":"string"}},"required":["orderId"],"additionalProperties":false}}},
         {"type":"function","function":{"name":"cancel_order","description":"Cancels an order","parameters":
           {"type":"object","properties":{"orderId":{"type":"string"}}}}}]"""));
    JsonNode messages = body(server.requests().get(1)).path("messages");
    assertThat(messages).hasSize(5);
    assertThat(messages.get(2)).isEqualTo(json(toolCall).path("choices").get(0).path("message"));
    assertThat(messages.get(3))
        .isEqualTo(
            json(
                "{\"role\":\"tool\",\"tool_call_id\":\"call_abc\",\"content\":\"{\\\"orderId\\\":\\\"A-1\\\",\\\"status\\\":\\\"SHIPPED\\\"}\"}"));
    assertThat(messages.get(4))
        .isEqualTo(
            json(
                "{\"role\":\"tool\",\"tool_call_id\":\"call_def\",\"content\":\"Error: cancelling is not allowed\"}"));
    assertThat(result.text()).isEqualTo("Order A-1 has shipped");
    assertThat(result.usage()).isEqualTo(new TokenUsage(69, 30, 99));
    assertThat(result.toolCalls())
        .containsExactly(
            new ToolCallRecord("get_order", Map.of("orderId", "A-1"), false),
            new ToolCallRecord("cancel_order", Map.of("orderId", "A-1"), true));
    assertThat(fixture.openedToolConnections).containsExactly("orders-mcp");
    assertThat(tools.closed).isTrue();
  }
}
