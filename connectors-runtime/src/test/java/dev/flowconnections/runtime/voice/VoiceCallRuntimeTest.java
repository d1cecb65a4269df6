package dev.flowconnections.runtime.voice;

import static dev.flowconnections.runtime.testsupport.ApiFixtures.createConnection;
import static dev.flowconnections.runtime.testsupport.ApiFixtures.createIntegration;
import static dev.flowconnections.runtime.testsupport.ApiFixtures.credentials;
import static dev.flowconnections.runtime.testsupport.ApiFixtures.tag;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.flowconnections.runtime.sms.TwilioMessages;
import dev.flowconnections.runtime.testsupport.ApiTestBase;
import dev.flowconnections.runtime.testsupport.RecordingHttpServer;
import dev.flowconnections.runtime.testsupport.RecordingHttpServer.Reply;
import dev.flowconnections.runtime.testsupport.WorkerTestContext;
import dev.flowconnections.runtime.worker.ProviderHttp;
import dev.flowconnections.runtime.worker.WorkerConnections;
import io.camunda.connector.api.error.ConnectorInputException;
import io.camunda.connector.jackson.ConnectorsObjectMapperSupplier;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.util.unit.DataSize;

/**
 * The Voice Call worker in the running runtime: both connections stored through the API and
 * resolved by the real resolver on PostgreSQL, the function bean as the runtime wires it, and the
 * provider's speech fetched over HTTP, without a login, the way Twilio fetches it.
 */
class VoiceCallRuntimeTest extends ApiTestBase {

  static final String AUTH_TOKEN = "twilio-token-7c21e9a4";
  static final String API_KEY = "sk-voice-dev-key-4e1b";

  @Autowired VoiceCallFunction function;
  @Autowired WorkerConnections connections;
  @Autowired VoiceAudio audio;

  private FakeTwilioVoice twilio;
  private final RecordingHttpServer speech = RecordingHttpServer.start();
  private final HttpClient http = HttpClient.newHttpClient();
  private String phoneKey;
  private String speechKey;

  @BeforeEach
  void connections() {
    twilio = new FakeTwilioVoice("ringing", "completed");
    String sms =
        createIntegration(
            admin,
            Map.of(
                "name",
                "Twilio " + tag(),
                "type",
                "SMS",
                "authScheme",
                "NONE",
                "config",
                Map.of(
                    "provider",
                    "TWILIO",
                    "baseUrl",
                    twilio.baseUrl(),
                    "fromNumber",
                    "+15550001111")));
    var phone = createConnection(modeler, sms, "Phone " + tag(), "ORGANIZATION");
    phoneKey = phone.text("/key");
    modeler.put(
        "/api/connections/" + phone.text("/id") + "/environments/DEVELOPMENT",
        credentials(Map.of("accountSid", VoiceTestFixture.ACCOUNT_SID, "authToken", AUTH_TOKEN)));
    String ai =
        createIntegration(
            admin,
            Map.of(
                "name",
                "OpenAI " + tag(),
                "type",
                "AI_PROVIDER",
                "authScheme",
                "BEARER",
                "config",
                Map.of("provider", "OPENAI", "baseUrl", speech.baseUrl())));
    var voice = createConnection(modeler, ai, "Voice " + tag(), "ORGANIZATION");
    speechKey = voice.text("/key");
    modeler.put(
        "/api/connections/" + voice.text("/id") + "/environments/DEVELOPMENT",
        credentials(Map.of("token", API_KEY)));
  }

  @AfterEach
  void stop() {
    twilio.close();
    speech.close();
  }

  @Test
  void theRuntimesWorkerCallsWithTheStoredTwilioConnection() {
    VoiceCallResult result =
        (VoiceCallResult)
            function.execute(new WorkerTestContext(VoiceCallFunction.TYPE, task(Map.of())));

    assertThat(result)
        .isEqualTo(new VoiceCallResult(FakeTwilioVoice.CALL_SID, "completed", 21, null, null));
    assertThat(FakeTwilioVoice.form(twilio.placed().body()))
        .containsEntry("From", "+15550001111")
        .containsEntry("Twiml", "<Response><Say>Your parcel arrives today.</Say></Response>");
  }

  @Test
  void withoutAPublicAddressTheRuntimesWorkerRefusesTheProvidersSpeech() {
    assertThatThrownBy(
            () ->
                function.execute(
                    new WorkerTestContext(
                        VoiceCallFunction.TYPE, task(Map.of("speech", "provider")))))
        .isExactlyInstanceOf(ConnectorInputException.class)
        .hasMessageContaining(VoiceSettings.PUBLIC_BASE_URL);
    assertThat(twilio.server.requests()).isEmpty();
  }

  @Test
  void twilioFetchesTheProvidersSpeechFromTheRuntimeWithoutALogin() throws Exception {
    speech.respond(new Reply(200, Map.of("Content-Type", "audio/mpeg"), "ID3-runtime-mp3"));
    List<HttpResponse<String>> fetched = new ArrayList<>();
    List<String> urls = new ArrayList<>();
    twilio.onPlaced =
        request -> {
          String twiml = FakeTwilioVoice.form(request.body()).get("Twiml");
          String url = twiml.replaceAll("^<Response><Play>(.*)</Play></Response>$", "$1");
          urls.add(url);
          fetched.add(get(url));
        };
    VoiceSettings settings =
        new VoiceSettings(
            URI.create("http://127.0.0.1:" + port),
            Duration.ofMinutes(10),
            Duration.ofMillis(5),
            Duration.ofMillis(20),
            Duration.ofSeconds(20),
            DataSize.ofMegabytes(1));
    ProviderHttp providerHttp = new ProviderHttp();
    VoiceCallService service =
        new VoiceCallService(
            connections,
            new TwilioMessages(providerHttp, ConnectorsObjectMapperSupplier.getCopy()),
            new SpeechClient(providerHttp, ConnectorsObjectMapperSupplier.getCopy()),
            audio,
            settings,
            Clock.systemUTC(),
            duration -> Thread.sleep(duration));

    VoiceCallResult result =
        (VoiceCallResult)
            new VoiceCallFunction(service)
                .execute(
                    new WorkerTestContext(
                        VoiceCallFunction.TYPE, task(Map.of("speech", "provider"))));

    assertThat(result.status()).isEqualTo("completed");
    assertThat(speech.lastRequest().header("Authorization")).isEqualTo("Bearer " + API_KEY);
    assertThat(urls)
        .singleElement()
        .asString()
        .startsWith("http://127.0.0.1:" + port + "/voice/audio/");
    HttpResponse<String> during = fetched.getFirst();
    assertThat(during.statusCode()).isEqualTo(200);
    assertThat(during.headers().firstValue("Content-Type")).hasValue("audio/mpeg");
    assertThat(during.headers().firstValue("Cache-Control")).hasValue("no-store");
    assertThat(during.body()).isEqualTo("ID3-runtime-mp3");
    assertThat(get(urls.getFirst()).statusCode()).as("gone once the call ended").isEqualTo(404);
  }

  @Test
  void anUnknownOrMalformedTokenIsANotFoundThatSaysNothing() {
    String base = "http://127.0.0.1:" + port + "/voice/audio/";
    assertThat(get(base + "A".repeat(43)).statusCode()).isEqualTo(404);
    assertThat(get(base + "..%2F..%2Fapi%2Fconnections").statusCode()).isIn(400, 404);
    assertThat(get(base + "short").body()).doesNotContain("Exception");
  }

  private Map<String, Object> task(Map<String, Object> changes) {
    Map<String, Object> task = new HashMap<>(VoiceTestFixture.validTask());
    task.put("connection", speechKey);
    task.put("telephonyConnection", phoneKey);
    task.putAll(changes);
    return task;
  }

  private HttpResponse<String> get(String url) {
    try {
      return http.send(
          HttpRequest.newBuilder(URI.create(url)).GET().build(),
          HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
