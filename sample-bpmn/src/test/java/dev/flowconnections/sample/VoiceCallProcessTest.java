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
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * {@code bpmn/voice-call-example.bpmn} in a DEVELOPMENT runtime: the Voice Call task places a call
 * through a local stand-in of Twilio's Calls API with the Development account of the telephony
 * connection, and a call nobody answers ends the task with that status, not an incident.
 */
class VoiceCallProcessTest extends ExampleProcessTestBase {

  static final ProcessTestRuntime RUNTIME = ProcessTestRuntime.start(Environment.DEVELOPMENT);

  /** Stands in for api.twilio.com. */
  static final RecordingHttpServer TWILIO = RUNTIME.server();

  static final String ACCOUNT_SID = "AC0123456789abcdef0123456789abcd01";
  static final String CALL_SID = "CA0123456789abcdef0123456789abcd02";
  static final String CALLS = "/2010-04-01/Accounts/" + ACCOUNT_SID + "/Calls";

  @DynamicPropertySource
  static void properties(DynamicPropertyRegistry registry) {
    RUNTIME.register(registry);
    registry.add("flow-connections.voice.poll-interval", () -> "50ms");
  }

  VoiceCallProcessTest() {
    super(RUNTIME, "voice-call-example");
  }

  @BeforeEach
  void reset() {
    TWILIO.reset();
  }

  @Test
  void placesTheCallWithTheDevelopmentAccountAndSpeaksTheMessage() {
    twilioEnds("completed", "\"21\"");
    ConnectionView phone =
        phoneConnection(secret("twilio-dev-token-93"), secret("twilio-prod-token-94"));

    long instance = start(variables(phone, "Your parcel & letter arrive today."));

    records.awaitCompleted(instance);
    assertThat(records.variables(instance))
        .containsEntry("callStatus", "\"completed\"")
        .containsEntry("callDuration", "21");
    RecordedRequest placed = TWILIO.requests().get(0);
    assertThat(placed.method()).isEqualTo("POST");
    assertThat(placed.rawPath()).isEqualTo(CALLS + ".json");
    assertThat(placed.header("Authorization"))
        .isEqualTo(
            "Basic "
                + Base64.getEncoder()
                    .encodeToString(
                        (ACCOUNT_SID + ":twilio-dev-token-93").getBytes(StandardCharsets.UTF_8)));
    Map<String, String> form = form(placed.body());
    assertThat(form)
        .containsEntry("To", "+15550009999")
        .containsEntry("From", "+15550001111")
        .containsEntry(
            "Twiml", "<Response><Say>Your parcel &amp; letter arrive today.</Say></Response>");
  }

  @Test
  void aCallNobodyAnswersIsAStatusNotAnIncident() {
    twilioEnds("no-answer", "null");
    ConnectionView phone =
        phoneConnection(secret("twilio-dev-token-95"), secret("twilio-prod-token-96"));

    long instance = start(variables(phone, "Hello?"));

    records.awaitCompleted(instance);
    assertThat(records.variables(instance)).containsEntry("callStatus", "\"no-answer\"");
    assertThat(records.incidentMessage(instance)).isEmpty();
  }

  /** Twilio accepts the call, then reports {@code status} when the worker reads it. */
  private void twilioEnds(String status, String duration) {
    TWILIO.respond(
        request -> {
          if (request.method().equals("POST") && request.rawPath().equals(CALLS + ".json")) {
            return Reply.json(201, "{\"sid\":\"" + CALL_SID + "\",\"status\":\"queued\"}");
          }
          if (request.rawPath().equals(CALLS + "/" + CALL_SID + ".json")) {
            return Reply.json(
                200,
                "{\"sid\":\""
                    + CALL_SID
                    + "\",\"status\":\""
                    + status
                    + "\",\"duration\":"
                    + duration
                    + "}");
          }
          return Reply.json(404, "{\"code\":20404,\"message\":\"not found\"}");
        });
  }

  private Map<String, Object> variables(ConnectionView phone, String message) {
    ConnectionView speech =
        connections.openAiConnection(TWILIO.baseUrl(), secret("sk-voice-dev-key-97"));
    return Map.of(
        "speechConnection",
        keyOf(speech),
        "phoneConnection",
        keyOf(phone),
        "phone",
        "+15550009999",
        "message",
        message);
  }

  private ConnectionView phoneConnection(String developmentToken, String productionToken) {
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
    connections.credentials(
        connection,
        Environment.DEVELOPMENT,
        Map.of("accountSid", ACCOUNT_SID, "authToken", developmentToken));
    connections.credentials(
        connection,
        Environment.PRODUCTION,
        Map.of("accountSid", ACCOUNT_SID, "authToken", productionToken));
    return connection;
  }

  private static Map<String, String> form(String body) {
    Map<String, String> form = new java.util.LinkedHashMap<>();
    for (String pair : body.split("&")) {
      String[] parts = pair.split("=", 2);
      form.put(
          URLDecoder.decode(parts[0], StandardCharsets.UTF_8),
          URLDecoder.decode(parts.length > 1 ? parts[1] : "", StandardCharsets.UTF_8));
    }
    return form;
  }
}
