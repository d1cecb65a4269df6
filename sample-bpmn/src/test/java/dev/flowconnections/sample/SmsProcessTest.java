package dev.flowconnections.sample;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flowconnections.connection.ConnectionView;
import dev.flowconnections.environment.Environment;
import dev.flowconnections.fields.FieldCatalog;
import dev.flowconnections.integration.AuthScheme;
import dev.flowconnections.integration.IntegrationType;
import dev.flowconnections.runtime.testsupport.RecordingHttpServer;
import dev.flowconnections.runtime.testsupport.RecordingHttpServer.RecordedRequest;
import dev.flowconnections.runtime.testsupport.RecordingHttpServer.Reply;
import dev.flowconnections.sample.support.ProcessTestRuntime;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * {@code bpmn/sms-connection-example.bpmn} in a DEVELOPMENT runtime, sending through a Twilio
 * connection to a local Twilio-like server.
 */
class SmsProcessTest extends ExampleProcessTestBase {

  static final ProcessTestRuntime RUNTIME = ProcessTestRuntime.start(Environment.DEVELOPMENT);

  /** Stands in for api.twilio.com: the connection's integration points its baseUrl here. */
  static final RecordingHttpServer TWILIO = RUNTIME.server();

  static final String ACCOUNT_SID = "AC00000000000000000000000000000e2e";

  @DynamicPropertySource
  static void properties(DynamicPropertyRegistry registry) {
    RUNTIME.register(registry);
  }

  SmsProcessTest() {
    super(RUNTIME, "sms-connection-example");
  }

  @BeforeEach
  void twilioAcceptsMessages() {
    TWILIO.reset();
    TWILIO.respond(
        request ->
            request.rawPath().endsWith("/Messages.json")
                ? Reply.json(201, "{\"sid\":\"SM42\",\"status\":\"queued\"}")
                : Reply.json(404, "{\"code\":20404,\"message\":\"not found\"}"));
  }

  @Test
  void sendsTheSmsWithTheDevelopmentTokenAndReturnsSidAndStatus() {
    ConnectionView connection = twilioConnection("e2e-dev-twilio-token-51");
    connections.credentials(
        connection,
        Environment.PRODUCTION,
        Map.of("accountSid", ACCOUNT_SID, "authToken", secret("e2e-prod-twilio-token-52")));

    long instance =
        start(
            Map.of(
                "connection",
                keyOf(connection),
                "to",
                "+4915112345678",
                "message",
                "Your code is 4711"));

    records.awaitCompleted(instance);
    RecordedRequest request = TWILIO.lastRequest();
    assertThat(request.rawPath())
        .isEqualTo("/2010-04-01/Accounts/" + ACCOUNT_SID + "/Messages.json");
    assertThat(request.header("Authorization"))
        .isEqualTo("Basic " + basic("e2e-dev-twilio-token-51"));
    assertThat(form(request.body()))
        .isEqualTo(
            Map.of("To", "+4915112345678", "From", "+15550001111", "Body", "Your code is 4711"));
    assertThat(records.variables(instance))
        .containsEntry("smsProvider", "\"TWILIO\"")
        .containsEntry("smsMessageId", "\"SM42\"")
        .containsEntry("smsStatus", "\"queued\"");
  }

  @Test
  void aNumberThatIsNotE164IsAnIncidentNamingToAndNothingIsSent() {
    ConnectionView connection = twilioConnection("e2e-dev-twilio-token-53");

    long instance =
        start(Map.of("connection", keyOf(connection), "to", "0151 12345678", "message", "Hi"));

    assertThat(records.awaitIncident(instance))
        .endsWith(
            "- Property: to: Validation failed. Original message: must be a phone number in E.164 form such as +15551234567"
                + " (no spaces)");
    assertThat(TWILIO.requests()).isEmpty();
  }

  /**
   * A Twilio integration pointing at the local server, and a connection with a DEVELOPMENT token.
   */
  private ConnectionView twilioConnection(String developmentToken) {
    ConnectionView connection =
        connections.connection(
            IntegrationType.SMS,
            AuthScheme.NONE,
            Map.of(
                "provider",
                "TWILIO",
                FieldCatalog.BASE_URL,
                TWILIO.baseUrl(),
                "fromNumber",
                "+15550001111"));
    secret(basic(developmentToken));
    connections.credentials(
        connection,
        Environment.DEVELOPMENT,
        Map.of("accountSid", ACCOUNT_SID, "authToken", secret(developmentToken)));
    return connection;
  }

  private static String basic(String token) {
    return Base64.getEncoder()
        .encodeToString((ACCOUNT_SID + ":" + token).getBytes(StandardCharsets.UTF_8));
  }

  private static Map<String, String> form(String body) {
    return Arrays.stream(body.split("&"))
        .map(pair -> pair.split("=", 2))
        .collect(
            Collectors.toMap(
                p -> URLDecoder.decode(p[0], StandardCharsets.UTF_8),
                p -> URLDecoder.decode(p[1], StandardCharsets.UTF_8)));
  }
}
