package dev.flowconnections.runtime.ai;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.flowconnections.runtime.testsupport.RecordingHttpServer;
import dev.flowconnections.runtime.testsupport.RecordingHttpServer.Reply;
import io.camunda.connector.api.error.ConnectorException;
import io.camunda.connector.api.error.ConnectorInputException;
import io.camunda.connector.api.error.ConnectorRetryException;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** How each kind of provider failure ends the job: incident at once, retry, or a coded error. */
@Tag("fast")
class AiFailuresTest {

  static final String API_KEY = "sk-failures-key-7777";

  private final RecordingHttpServer server = RecordingHttpServer.start();
  private final AiTestFixture fixture =
      new AiTestFixture().provider("ANTHROPIC", server.baseUrl(), API_KEY);

  @AfterEach
  void stop() {
    server.close();
  }

  @Test
  void aRefusedKeyIsAnIncidentNamingConnectionAndEnvironment() {
    server.respond(
        Reply.json(
            401,
            "{\"type\":\"error\",\"error\":{\"type\":\"authentication_error\",\"message\":\"invalid x-api-key\"}}"));

    assertThatThrownBy(() -> fixture.ask(Map.of()))
        .isInstanceOf(ConnectorInputException.class)
        .hasMessage(
            "Anthropic at "
                + server.baseUrl()
                + " rejected the credentials of connection 'assistant-ai' in"
                + " DEVELOPMENT (HTTP 401: invalid x-api-key)");
  }

  @Test
  void aForbiddenKeyToo() {
    server.respond(
        Reply.json(
            403,
            "{\"type\":\"error\",\"error\":{\"type\":\"permission_error\",\"message\":\"no\"}}"));

    assertThatThrownBy(() -> fixture.ask(Map.of()))
        .isInstanceOf(ConnectorInputException.class)
        .hasMessageContaining(
            "rejected the credentials of connection 'assistant-ai' in DEVELOPMENT (HTTP 403: no)");
  }

  @Test
  void aRateLimitIsRetriedAfterRetryAfter() {
    server.respond(
        Reply.json(
                429,
                "{\"type\":\"error\",\"error\":{\"type\":\"rate_limit_error\",\"message\":\"slow down\"}}")
            .withHeader("Retry-After", "17"));

    assertThatThrownBy(() -> fixture.ask(Map.of()))
        .isInstanceOfSatisfying(
            ConnectorRetryException.class,
            e -> {
              assertThat(e.getErrorCode()).isEqualTo("429");
              assertThat(e.getBackoffDuration()).isEqualTo(Duration.ofSeconds(17));
            })
        .hasMessage("Anthropic at " + server.baseUrl() + " answered HTTP 429: slow down");
  }

  @Test
  void anOverloadedProviderIsRetriedWithTheJobsBackoff() {
    server.respond(
        Reply.json(
            529,
            "{\"type\":\"error\",\"error\":{\"type\":\"overloaded_error\",\"message\":\"Overloaded\"}}"));

    assertThatThrownBy(() -> fixture.ask(Map.of()))
        .isInstanceOfSatisfying(
            ConnectorRetryException.class,
            e -> {
              assertThat(e.getErrorCode()).isEqualTo("529");
              assertThat(e.getBackoffDuration()).isNull();
            });
  }

  @Test
  void otherRefusalsCarryTheProvidersMessageCodedWithTheStatus() {
    server.respond(
        Reply.json(
            400,
            "{\"type\":\"error\",\"error\":{\"type\":\"invalid_request_error\","
                + "\"message\":\"max_tokens: 9999999 > 64000, which is the maximum allowed\"}}"));

    assertThatThrownBy(() -> fixture.ask(Map.of()))
        .isInstanceOfSatisfying(
            ConnectorException.class, e -> assertThat(e.getErrorCode()).isEqualTo("400"))
        .isNotInstanceOf(ConnectorRetryException.class)
        .hasMessageEndingWith(
            "answered HTTP 400: max_tokens: 9999999 > 64000, which is the maximum allowed");
  }

  @Test
  void anUnreachableProviderIsARetryableConnectionFailure() {
    String baseUrl = server.baseUrl();
    server.close();

    assertThatThrownBy(() -> fixture.ask(Map.of()))
        .isInstanceOfSatisfying(
            ConnectorRetryException.class,
            e -> assertThat(e.getErrorCode()).isEqualTo("CONNECTION_FAILED"))
        .hasMessageStartingWith("POST " + baseUrl + "/v1/messages failed: ");
  }

  @Test
  void anAnswerThatDoesNotMatchTheSchemaIsCodedSoRetriesAskAgain() {
    server.respond(AnthropicChatTest.message("{\"category\":42}"));

    assertThatThrownBy(
            () ->
                fixture.ask(
                    Map.of(
                        "outputSchema",
                        "{\"type\":\"object\",\"properties\":{\"category\":{\"type\":\"string\"}},\"required\":[\"category\"]}")))
        .isInstanceOfSatisfying(
            ConnectorException.class,
            e -> assertThat(e.getErrorCode()).isEqualTo("INVALID_STRUCTURED_OUTPUT"))
        .isNotInstanceOf(ConnectorInputException.class)
        .hasMessage(
            "the model's answer does not match outputSchema: $.category: integer found, string expected");
  }

  @Test
  void anAnswerThatIsNotJsonIsCodedTheSameWay() {
    server.respond(AnthropicChatTest.message("I think it is hardware."));

    assertThatThrownBy(() -> fixture.ask(Map.of("outputSchema", "{\"type\":\"object\"}")))
        .isInstanceOfSatisfying(
            ConnectorException.class,
            e -> assertThat(e.getErrorCode()).isEqualTo("INVALID_STRUCTURED_OUTPUT"))
        .hasMessage("the model's answer is not JSON: I think it is hardware.");
  }

  @Test
  void anOpenAiRefusalIsTheAnswerAndFailsTheSchemaWithItsReason() {
    fixture.provider("OPENAI", server.baseUrl(), API_KEY);
    server.respond(
        Reply.json(
            200,
            "{\"id\":\"c\",\"object\":\"chat.completion\",\"model\":\"gpt-4.1\","
                + "\"choices\":[{\"index\":0,\"finish_reason\":\"stop\",\"message\":{\"role\":\"assistant\","
                + "\"content\":null,\"refusal\":\"I'm sorry, I cannot help with that.\"}}],"
                + "\"usage\":{\"prompt_tokens\":5,\"completion_tokens\":9,\"total_tokens\":14}}"));

    assertThatThrownBy(() -> fixture.ask(Map.of("outputSchema", "{\"type\":\"object\"}")))
        .isInstanceOfSatisfying(
            ConnectorException.class,
            e -> assertThat(e.getErrorCode()).isEqualTo("INVALID_STRUCTURED_OUTPUT"))
        .hasMessage("the model's answer is not JSON: I'm sorry, I cannot help with that.");
  }

  @Test
  void aResponseWithoutAnAnswerIsAnInvalidResponse() {
    server.respond(Reply.json(200, "{\"id\":\"msg_1\",\"type\":\"message\"}"));

    assertThatThrownBy(() -> fixture.ask(Map.of()))
        .isInstanceOfSatisfying(
            ConnectorException.class,
            e -> assertThat(e.getErrorCode()).isEqualTo("INVALID_RESPONSE"))
        .hasMessageEndingWith(": the answer has no content blocks");
  }
}
