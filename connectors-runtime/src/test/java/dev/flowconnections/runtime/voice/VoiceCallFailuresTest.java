package dev.flowconnections.runtime.voice;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.flowconnections.runtime.testsupport.RecordingHttpServer;
import dev.flowconnections.runtime.testsupport.RecordingHttpServer.Reply;
import dev.flowconnections.runtime.worker.ConnectionProblem;
import dev.flowconnections.runtime.worker.JobFailures;
import io.camunda.connector.api.error.ConnectorInputException;
import io.camunda.connector.api.error.ConnectorRetryException;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** How a Voice Call fails, in the workers' one vocabulary (docs/workers/failures.md). */
@Tag("fast")
class VoiceCallFailuresTest {

  static final String AUTH_TOKEN = "twilio-token-1234";
  static final String API_KEY = "sk-speech-key-9876";

  private final RecordingHttpServer twilio = RecordingHttpServer.start();
  private final RecordingHttpServer speech = RecordingHttpServer.start();
  private final VoiceTestFixture fixture =
      new VoiceTestFixture()
          .twilio(twilio.baseUrl(), AUTH_TOKEN)
          .speech("OPENAI", speech.baseUrl(), API_KEY);

  @AfterEach
  void stop() {
    twilio.close();
    speech.close();
  }

  @Test
  void twilioRefusingTheCredentialsIsAnIncidentAtOnce() {
    twilio.respond(Reply.json(401, "{\"code\":20003,\"message\":\"Authenticate\"}"));

    assertThatThrownBy(() -> fixture.call(Map.of()))
        .isExactlyInstanceOf(ConnectionProblem.class)
        .hasMessage(
            "Twilio rejected the credentials of connection 'alerts-phone' in DEVELOPMENT (HTTP 401)");
  }

  @Test
  void theProviderRefusingTheCredentialsIsAnIncidentAtOnceAndNoCallIsPlaced() {
    speech.respond(Reply.json(403, "{\"error\":{\"message\":\"Invalid key " + API_KEY + "\"}}"));

    assertThatThrownBy(() -> fixture.call(Map.of("speech", "provider")))
        .isExactlyInstanceOf(ConnectionProblem.class)
        .hasMessage(
            "OpenAI at "
                + speech.baseUrl()
                + " rejected the credentials of connection 'speech-ai' in DEVELOPMENT (HTTP 403:"
                + " Invalid key ****)");
    assertThat(twilio.requests()).isEmpty();
  }

  @Test
  void twilioThrottlingIsRetriedAfterItsRetryAfter() {
    twilio.respond(
        Reply.json(429, "{\"message\":\"Too Many Requests\"}").withHeader("Retry-After", "7"));

    assertThatThrownBy(() -> fixture.call(Map.of()))
        .isInstanceOfSatisfying(
            ConnectorRetryException.class,
            e -> {
              assertThat(e.getErrorCode()).isEqualTo("429");
              assertThat(e.getBackoffDuration()).isEqualTo(Duration.ofSeconds(7));
            })
        .hasMessage("Twilio answered HTTP 429: Too Many Requests");
  }

  @Test
  void aFailingProviderIsRetriedAfterItsRetryAfter() {
    speech.respond(
        Reply.json(503, "{\"error\":{\"message\":\"overloaded\"}}").withHeader("Retry-After", "7"));

    assertThatThrownBy(() -> fixture.call(Map.of("speech", "provider")))
        .isInstanceOfSatisfying(
            ConnectorRetryException.class,
            e -> {
              assertThat(e.getErrorCode()).isEqualTo("503");
              assertThat(e.getBackoffDuration()).isEqualTo(Duration.ofSeconds(7));
            });
  }

  @Test
  void anUnreachableTwilioIsARetryableConnectionFailure() {
    String baseUrl = twilio.baseUrl();
    twilio.close();

    assertThatThrownBy(() -> fixture.call(Map.of()))
        .isInstanceOfSatisfying(
            ConnectorRetryException.class,
            e -> assertThat(e.getErrorCode()).isEqualTo(JobFailures.CONNECTION_FAILED))
        .hasMessageStartingWith(
            "POST "
                + baseUrl
                + "/2010-04-01/Accounts/"
                + VoiceTestFixture.ACCOUNT_SID
                + "/Calls.json failed: ");
  }

  @Test
  void anUnreachableProviderIsARetryableConnectionFailure() {
    speech.close();

    assertThatThrownBy(() -> fixture.call(Map.of("speech", "provider")))
        .isInstanceOfSatisfying(
            ConnectorRetryException.class,
            e -> assertThat(e.getErrorCode()).isEqualTo(JobFailures.CONNECTION_FAILED));
    assertThat(twilio.requests()).isEmpty();
  }

  @Test
  void providerSpeechWithoutAPublicAddressIsRefusedBeforeAnythingIsAsked() {
    fixture.withoutPublicBaseUrl();

    assertThatThrownBy(() -> fixture.call(Map.of("speech", "provider")))
        .isExactlyInstanceOf(ConnectorInputException.class)
        .hasMessageContaining("flow-connections.voice.public-base-url");
    assertThat(twilio.requests()).isEmpty();
    assertThat(speech.requests()).isEmpty();
  }

  @Test
  void twiliosOwnVoiceNeedsNoPublicAddress() {
    fixture.withoutPublicBaseUrl();
    twilio.respond(
        request ->
            Reply.json(200, "{\"sid\":\"CA1\",\"status\":\"completed\",\"duration\":\"3\"}"));

    assertThat(fixture.call(Map.of()).status()).isEqualTo("completed");
  }

  @Test
  void anSnsConnectionCannotPlaceCalls() {
    fixture.connection(
        VoiceTestFixture.PHONE,
        dev.flowconnections.integration.IntegrationType.SMS,
        dev.flowconnections.integration.AuthScheme.NONE,
        Map.of("provider", "AWS_SNS", "region", "eu-central-1", "accessKeyId", "AKIAEXAMPLE"),
        Map.of("secretAccessKey", "sns-secret-1234"));

    assertThatThrownBy(() -> fixture.call(Map.of()))
        .isExactlyInstanceOf(ConnectorInputException.class)
        .hasMessage(
            "connection 'alerts-phone' is an SMS connection of AWS_SNS; the Voice Call worker"
                + " places calls through Twilio only");
  }

  @Test
  void aProviderWithoutASpeechApiIsRefusedClearly() {
    fixture.speech("ANTHROPIC", speech.baseUrl(), API_KEY);

    assertThatThrownBy(() -> fixture.call(Map.of("speech", "provider")))
        .isExactlyInstanceOf(ConnectorInputException.class)
        .hasMessage(
            "Anthropic has no speech API this worker uses; the Voice Call node speaks and"
                + " transcribes with OpenAI or Google Gemini connections");
    assertThat(twilio.requests()).isEmpty();
    assertThat(speech.requests()).isEmpty();
  }

  @Test
  void anAiConnectionAsTelephonyIsRefusedAsTheWrongType() {
    assertThatThrownBy(() -> fixture.call(Map.of("telephonyConnection", VoiceTestFixture.SPEECH)))
        .isExactlyInstanceOf(ConnectionProblem.class)
        .hasMessage(
            "connection 'speech-ai' is of type AI Provider; the Voice Call worker only serves SMS"
                + " connections");
  }
}
