package dev.flowconnections.runtime.sms;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.flowconnections.runtime.testsupport.RecordingHttpServer;
import dev.flowconnections.runtime.testsupport.RecordingHttpServer.RecordedRequest;
import dev.flowconnections.runtime.testsupport.RecordingHttpServer.Reply;
import io.camunda.connector.api.error.ConnectorException;
import io.camunda.connector.api.error.ConnectorInputException;
import io.camunda.connector.api.error.ConnectorRetryException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.Base64;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The SMS worker against a local server speaking Twilio's Messages API: the exact request and each
 * kind of answer.
 */
@Tag("fast")
class TwilioSmsTest {

  static final String AUTH_TOKEN = "twilio-token-1234";

  private final RecordingHttpServer server = RecordingHttpServer.start();
  private final SmsTestFixture fixture = new SmsTestFixture().twilio(server.baseUrl(), AUTH_TOKEN);

  @AfterEach
  void stop() {
    server.close();
  }

  @Test
  void postsTheFormToTheAccountsMessagesWithBasicAuth() {
    server.respond(
        Reply.json(201, "{\"sid\":\"SM0123\",\"status\":\"queued\",\"to\":\"+4915112345678\"}"));

    SmsResult result = fixture.send(Map.of("message", "Code 4711 & more: ünïcode ✓"));

    assertThat(result).isEqualTo(new SmsResult("TWILIO", "SM0123", "queued"));
    RecordedRequest request = server.lastRequest();
    assertThat(request.method()).isEqualTo("POST");
    assertThat(request.rawPath())
        .isEqualTo("/2010-04-01/Accounts/" + SmsTestFixture.ACCOUNT_SID + "/Messages.json");
    assertThat(request.header("Authorization"))
        .isEqualTo(
            "Basic "
                + Base64.getEncoder()
                    .encodeToString(
                        (SmsTestFixture.ACCOUNT_SID + ":" + AUTH_TOKEN)
                            .getBytes(StandardCharsets.UTF_8)));
    assertThat(request.header("Content-Type")).isEqualTo("application/x-www-form-urlencoded");
    assertThat(form(request.body()))
        .isEqualTo(
            Map.of(
                "To",
                "+4915112345678",
                "From",
                "+15550001111",
                "Body",
                "Code 4711 & more: ünïcode ✓"));
  }

  @Test
  void theTasksSenderReplacesTheIntegrationsNumber() {
    server.respond(Reply.json(201, "{\"sid\":\"SM1\",\"status\":\"queued\"}"));

    fixture.send(Map.of("from", "+15559998888"));

    assertThat(form(server.lastRequest().body())).containsEntry("From", "+15559998888");
  }

  @Test
  void refusedCredentialsAreAnIncidentAtOnce() {
    server.respond(Reply.json(401, "{\"code\":20003,\"message\":\"Authenticate\",\"status\":401}"));

    assertThatThrownBy(() -> fixture.send(Map.of()))
        .isInstanceOf(ConnectorInputException.class)
        .hasMessage(
            "Twilio rejected the credentials of connection 'alerts-sms' in DEVELOPMENT (HTTP 401)");
  }

  @Test
  void otherRefusalsCarryTwiliosMessageAndErrorCodeCodedWithTheStatus() {
    server.respond(
        Reply.json(
            400,
            "{\"code\":21211,\"message\":\"The 'To' number +4915112345678 is not a valid phone"
                + " number.\",\"more_info\":\"https://www.twilio.com/docs/errors/21211\",\"status\":400}"));

    assertThatThrownBy(() -> fixture.send(Map.of()))
        .isInstanceOfSatisfying(
            ConnectorException.class, e -> assertThat(e.getErrorCode()).isEqualTo("400"))
        .hasMessage(
            "Twilio answered HTTP 400: The 'To' number +4915112345678 is not a valid phone number. (error 21211)");
  }

  @Test
  void anOverloadedApiIsRetriedAfterItsRetryAfter() {
    server.respond(
        Reply.json(503, "{\"message\":\"Service unavailable\"}").withHeader("Retry-After", "30"));

    assertThatThrownBy(() -> fixture.send(Map.of()))
        .isInstanceOfSatisfying(
            ConnectorRetryException.class,
            e -> {
              assertThat(e.getErrorCode()).isEqualTo("503");
              assertThat(e.getBackoffDuration()).isEqualTo(Duration.ofSeconds(30));
            })
        .hasMessage("Twilio answered HTTP 503: Service unavailable");
  }

  @Test
  void anUnreachableApiIsARetryableConnectionFailure() {
    String baseUrl = server.baseUrl();
    server.close();

    assertThatThrownBy(() -> fixture.send(Map.of()))
        .isInstanceOfSatisfying(
            ConnectorRetryException.class,
            e -> assertThat(e.getErrorCode()).isEqualTo("CONNECTION_FAILED"))
        .hasMessageStartingWith(
            "POST "
                + baseUrl
                + "/2010-04-01/Accounts/"
                + SmsTestFixture.ACCOUNT_SID
                + "/Messages.json failed: ");
  }

  static Map<String, String> form(String body) {
    return Arrays.stream(body.split("&"))
        .map(pair -> pair.split("=", 2))
        .collect(
            Collectors.toMap(
                p -> URLDecoder.decode(p[0], StandardCharsets.UTF_8),
                p -> URLDecoder.decode(p[1], StandardCharsets.UTF_8)));
  }
}
