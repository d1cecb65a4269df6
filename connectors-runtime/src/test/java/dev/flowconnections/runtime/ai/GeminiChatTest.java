package dev.flowconnections.runtime.ai;

import static dev.flowconnections.runtime.ai.AiTestFixture.answer;
import static dev.flowconnections.runtime.ai.AiTestFixture.body;
import static dev.flowconnections.runtime.ai.AiTestFixture.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.flowconnections.runtime.testsupport.RecordingHttpServer;
import dev.flowconnections.runtime.testsupport.RecordingHttpServer.RecordedRequest;
import dev.flowconnections.runtime.testsupport.RecordingHttpServer.Reply;
import io.camunda.connector.api.error.ConnectorInputException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The AI Agent against a local server speaking Gemini generateContent, with its documented response
 * shapes.
 */
@Tag("fast")
class GeminiChatTest {

  static final String API_KEY = "AIzaSyGeminiKey-9012";

  /** The documented shape of a GenerateContentResponse (ai.google.dev/api/generate-content). */
  static final String RESPONSE =
      """
      {"candidates":[{"content":{"parts":[{"text":"%s"}],"role":"model"},"finishReason":"STOP","index":0}],
       "usageMetadata":{"promptTokenCount":8,"candidatesTokenCount":12,"totalTokenCount":20,
                        "promptTokensDetails":[{"modality":"TEXT","tokenCount":8}]},
       "modelVersion":"gemini-2.5-flash","responseId":"abc123"}""";

  @AutoClose private final RecordingHttpServer server = RecordingHttpServer.start();
  private final AiTestFixture fixture =
      new AiTestFixture().provider("GOOGLE", server.baseUrl(), API_KEY);

  @Test
  void postsGenerateContentOfTheModelWithGoogApiKeySystemInstructionAndGenerationConfig() {
    server.respond(answer(RESPONSE, "HARDWARE"));

    AiResult result =
        fixture.ask(Map.of("model", "gemini-2.5-flash", "temperature", 1.0, "maxTokens", 200));

    RecordedRequest request = server.lastRequest();
    assertThat(request.rawPath()).isEqualTo("/v1beta/models/gemini-2.5-flash:generateContent");
    assertThat(request.rawQuery()).isNull(); // the key is a header, never in the URL
    assertThat(request.header("x-goog-api-key")).isEqualTo(API_KEY);
    assertThat(body(request))
        .isEqualTo(
            json(
                """
        {"systemInstruction":{"parts":[{"text":"You sort support tickets."}]},
         "contents":[{"role":"user","parts":[{"text":"Printer on fire, please help"}]}],
         "generationConfig":{"temperature":1.0,"maxOutputTokens":200}}"""));
    assertThat(result)
        .isEqualTo(
            new AiResult(
                "GOOGLE",
                "gemini-2.5-flash",
                "HARDWARE",
                null,
                new TokenUsage(8, 12, 20),
                "STOP",
                List.of()));
  }

  @Test
  void anOutputSchemaIsResponseSchemaWithJsonMimeTypeWithoutKeywordsGeminiRefuses() {
    server.respond(answer(RESPONSE, "{\"category\":\"BILLING\"}"));

    AiResult result =
        fixture.ask(
            Map.of(
                "outputSchema",
                Map.of(
                    "$schema",
                    "https://json-schema.org/draft/2020-12/schema",
                    "type",
                    "object",
                    "additionalProperties",
                    false,
                    "properties",
                    Map.of(
                        "category",
                        Map.of("type", "string"),
                        "additionalProperties",
                        Map.of("type", "string")))));

    JsonNode config = body(server.lastRequest()).path("generationConfig");
    assertThat(config.path("responseMimeType").asText()).isEqualTo("application/json");
    assertThat(config.path("responseSchema"))
        .isEqualTo(
            json(
                "{\"type\":\"object\",\"properties\":{\"category\":{\"type\":\"string\"},\"additionalProperties\":{\"type\":\"string\"}}}"));
    assertThat(result.structured()).isEqualTo(Map.of("category", "BILLING"));
  }

  @Test
  void functionCallsAreAnsweredWithFunctionResponsePartsAfterTheModelTurn() {
    fixture.tools = new RecordingTools();
    String call =
        """
        {"candidates":[{"content":{"role":"model","parts":[
            {"functionCall":{"name":"get_order","args":{"orderId":"A-1"}}},
            {"functionCall":{"name":"cancel_order","args":{"orderId":"A-1"}}}]},"finishReason":"STOP"}],
         "usageMetadata":{"promptTokenCount":30,"candidatesTokenCount":10,"totalTokenCount":40}}""";
    server.respond(AiTestFixture.inOrder(Reply.json(200, call), answer(RESPONSE, "Shipped.")));

    AiResult result = fixture.ask(Map.of("mcpConnection", "orders-mcp"));

    JsonNode first = body(server.requests().get(0));
    assertThat(first.path("tools"))
        .isEqualTo(
            json(
                """
        [{"functionDeclarations":[
          {"name":"get_order","description":"Reads an order by id","parameters":
            {"type":"object","properties":{"orderId":{"type":"string"}},"required":["orderId"]}},
          {"name":"cancel_order","description":"Cancels an order","parameters":
            {"type":"object","properties":{"orderId":{"type":"string"}}}}]}]"""));
    JsonNode contents = body(server.requests().get(1)).path("contents");
    assertThat(contents).hasSize(3);
    assertThat(contents.get(1)).isEqualTo(json(call).path("candidates").get(0).path("content"));
    assertThat(contents.get(2))
        .isEqualTo(
            json(
                """
        {"role":"user","parts":[
          {"functionResponse":{"name":"get_order","response":{"result":"{\\"orderId\\":\\"A-1\\",\\"status\\":\\"SHIPPED\\"}"}}},
          {"functionResponse":{"name":"cancel_order","response":{"error":"cancelling is not allowed"}}}]}"""));
    assertThat(result.text()).isEqualTo("Shipped.");
    assertThat(result.usage()).isEqualTo(new TokenUsage(38, 22, 60));
  }

  @Test
  void withToolsTheSchemaIsAnInstructionSinceGeminiRefusesJsonModeWithFunctions() {
    fixture.tools = new RecordingTools();
    server.respond(answer(RESPONSE, "{\"status\":\"SHIPPED\"}"));

    fixture.ask(Map.of("mcpConnection", "orders-mcp", "outputSchema", "{\"type\":\"object\"}"));

    JsonNode sent = body(server.lastRequest());
    assertThat(sent.path("generationConfig").has("responseSchema")).isFalse();
    assertThat(sent.path("systemInstruction").path("parts").get(0).path("text").asText())
        .contains("Answer with a single JSON value")
        .endsWith("{\"type\":\"object\"}");
  }

  @Test
  void aModelIdThatWouldChangeTheUrlPathIsRefusedBeforeAnythingIsSent() {
    assertThatThrownBy(() -> fixture.ask(Map.of("model", "../../v1/files")))
        .isInstanceOf(ConnectorInputException.class)
        .hasMessage("model: '../../v1/files' is not a Gemini model id such as gemini-2.5-flash");
    assertThat(server.requests()).isEmpty();
  }
}
