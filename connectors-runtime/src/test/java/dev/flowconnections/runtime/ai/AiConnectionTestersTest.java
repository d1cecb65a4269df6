package dev.flowconnections.runtime.ai;

import static dev.flowconnections.runtime.ai.AiTestFixture.body;
import static org.assertj.core.api.Assertions.assertThat;

import dev.flowconnections.fields.FieldCatalog;
import dev.flowconnections.integration.AuthScheme;
import dev.flowconnections.integration.IntegrationType;
import dev.flowconnections.runtime.connectiontest.TestOutcome;
import dev.flowconnections.runtime.testsupport.RecordingHttpServer;
import dev.flowconnections.runtime.testsupport.RecordingHttpServer.RecordedRequest;
import dev.flowconnections.runtime.testsupport.RecordingHttpServer.Reply;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * "Test connection" of each AI provider: the read-only (or one-token) call it makes and what it
 * reports.
 */
@Tag("fast")
class AiConnectionTestersTest {

  private final RecordingHttpServer server = RecordingHttpServer.start();
  private final AiTestFixture fixture = new AiTestFixture();

  @AfterEach
  void stop() {
    server.close();
  }

  @Test
  void openAiListsModelsWithTheBearerKey() {
    fixture.provider("OPENAI", server.baseUrl(), "sk-test-openai-1");
    server.respond(
        Reply.json(
            200,
            "{\"object\":\"list\",\"data\":[{\"id\":\"gpt-4.1\",\"object\":\"model\","
                + "\"created\":1686935002,\"owned_by\":\"openai\"},{\"id\":\"default-model-1\",\"object\":\"model\"}]}"));

    TestOutcome outcome = test();

    RecordedRequest request = server.lastRequest();
    assertThat(request.method() + " " + request.rawPath()).isEqualTo("GET /v1/models");
    assertThat(request.header("Authorization")).isEqualTo("Bearer sk-test-openai-1");
    assertThat(outcome)
        .isEqualTo(
            TestOutcome.succeeded(
                "OpenAI at "
                    + server.baseUrl()
                    + " accepted the credentials and lists 2 models, including the default model default-model-1"));
  }

  @Test
  void anthropicListsModelsWithKeyAndVersion() {
    fixture.provider("ANTHROPIC", server.baseUrl(), "sk-ant-test-2");
    server.respond(
        Reply.json(
            200,
            "{\"data\":[{\"type\":\"model\",\"id\":\"claude-sonnet-4-5\","
                + "\"display_name\":\"Claude Sonnet 4.5\",\"created_at\":\"2025-09-29T00:00:00Z\"}],"
                + "\"has_more\":false,\"first_id\":\"claude-sonnet-4-5\",\"last_id\":\"claude-sonnet-4-5\"}"));

    TestOutcome outcome = test();

    RecordedRequest request = server.lastRequest();
    assertThat(request.method() + " " + request.rawPath()).isEqualTo("GET /v1/models");
    assertThat(request.header("x-api-key")).isEqualTo("sk-ant-test-2");
    assertThat(request.header("anthropic-version")).isEqualTo("2023-06-01");
    assertThat(outcome.ok()).isTrue();
    assertThat(outcome.message())
        .endsWith("lists 1 models; the default model default-model-1 is not among them");
  }

  @Test
  void geminiListsModelsWithTheGoogApiKey() {
    fixture.provider("GOOGLE", server.baseUrl(), "AIza-test-3");
    server.respond(
        Reply.json(
            200,
            "{\"models\":[{\"name\":\"models/default-model-1\",\"version\":\"001\","
                + "\"displayName\":\"Gemini\",\"supportedGenerationMethods\":[\"generateContent\"]}]}"));

    TestOutcome outcome = test();

    assertThat(server.lastRequest().rawPath()).isEqualTo("/v1beta/models");
    assertThat(server.lastRequest().header("x-goog-api-key")).isEqualTo("AIza-test-3");
    assertThat(outcome.message()).endsWith("including the default model default-model-1");
  }

  @Test
  void ollamaTellsWhetherTheDefaultModelIsPulled() {
    fixture.resolver.connection(
        AiTestFixture.KEY,
        IntegrationType.AI_PROVIDER,
        AuthScheme.NONE,
        Map.of(
            "provider",
            "OLLAMA",
            FieldCatalog.BASE_URL,
            server.baseUrl(),
            "defaultModel",
            "llama3.2"),
        Map.of());
    server.respond(
        Reply.json(
            200,
            "{\"models\":[{\"name\":\"llama3.2:latest\",\"model\":\"llama3.2:latest\","
                + "\"size\":2019393189,\"digest\":\"a80c4f17acd5\"}]}"));

    assertThat(test())
        .isEqualTo(
            TestOutcome.succeeded(
                "Ollama at " + server.baseUrl() + " answers and has the default model llama3.2"));
    assertThat(server.lastRequest().rawPath()).isEqualTo("/api/tags");

    server.respond(Reply.json(200, "{\"models\":[{\"name\":\"mistral:latest\"}]}"));
    assertThat(test())
        .isEqualTo(
            TestOutcome.failed(
                "Ollama at "
                    + server.baseUrl()
                    + " answers but has no model llama3.2 (ollama pull llama3.2)"));
  }

  @Test
  void huggingFaceAsksTheDefaultModelForOneToken() {
    fixture.provider(
        "HUGGINGFACE", server.baseUrl(), AuthScheme.BEARER, Map.of(FieldCatalog.TOKEN, "hf_test4"));
    server.respond(OpenAiChatTest.completion("p"));

    TestOutcome outcome = test();

    assertThat(server.lastRequest().rawPath()).isEqualTo("/v1/chat/completions");
    assertThat(server.lastRequest().header("Authorization")).isEqualTo("Bearer hf_test4");
    assertThat(body(server.lastRequest()).path("max_tokens").asInt()).isEqualTo(1);
    assertThat(body(server.lastRequest()).path("model").asText()).isEqualTo("default-model-1");
    assertThat(outcome)
        .isEqualTo(
            TestOutcome.succeeded(
                "Hugging Face at "
                    + server.baseUrl()
                    + " accepted the credentials and answered with default-model-1"));
  }

  @Test
  void aRefusedKeyIsAFailedOutcomeNamingConnectionAndEnvironment() {
    fixture.provider("OPENAI", server.baseUrl(), "sk-wrong-5");
    server.respond(
        Reply.json(
            401,
            "{\"error\":{\"message\":\"Incorrect API key provided\",\"type\":\"invalid_request_error\","
                + "\"code\":\"invalid_api_key\"}}"));

    assertThat(test())
        .isEqualTo(
            TestOutcome.failed(
                "OpenAI at "
                    + server.baseUrl()
                    + " rejected the credentials of"
                    + " connection 'assistant-ai' in DEVELOPMENT (HTTP 401: Incorrect API key provided)"));
  }

  @Test
  void anUnreachableProviderIsAFailedOutcome() {
    fixture.provider("GOOGLE", server.baseUrl(), "AIza-test-6");
    server.close();

    TestOutcome outcome = test();

    assertThat(outcome.ok()).isFalse();
    assertThat(outcome.message()).startsWith("GET " + server.baseUrl() + "/v1beta/models failed: ");
  }

  private TestOutcome test() {
    AiConnectionTester tester = fixture.tester();
    assertThat(tester.supports(fixture.resolver.current())).isTrue();
    return tester.test(fixture.resolver.current());
  }
}
