package dev.flowconnections.runtime.voice;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.flowconnections.runtime.testsupport.RecordingHttpServer;
import dev.flowconnections.runtime.testsupport.RecordingHttpServer.Reply;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** Neither connection's credentials reach the result, the TwiML or a failure's message. */
@Tag("fast")
class VoiceCallSecretsTest {

  static final String AUTH_TOKEN = "twilio-token-5a9c3e71";
  static final String API_KEY = "sk-speech-key-0d8f2b64";
  static final String BASIC =
      Base64.getEncoder()
          .encodeToString(
              (VoiceTestFixture.ACCOUNT_SID + ":" + AUTH_TOKEN).getBytes(StandardCharsets.UTF_8));

  private FakeTwilioVoice twilio = new FakeTwilioVoice("completed");
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
  void noSecretInTheResultOrTheTwiml() throws Exception {
    // a provider that echoes what it got (the key) into the transcript
    speech.respond(
        request ->
            request.rawPath().endsWith("/speech")
                ? new Reply(200, Map.of("Content-Type", "audio/mpeg"), "ID3-audio")
                : Reply.json(200, "{\"text\":\"heard " + API_KEY + " and " + AUTH_TOKEN + "\"}"));

    VoiceCallResult result = fixture.call(Map.of("speech", "provider", "record", true));

    String json = new ObjectMapper().writeValueAsString(result);
    assertThat(json).doesNotContain(AUTH_TOKEN, API_KEY, BASIC);
    assertThat(result.transcript()).isEqualTo("heard **** and ****");
    assertThat(twilio.placed().body()).doesNotContain(AUTH_TOKEN, API_KEY, BASIC);
  }

  @Test
  void refusalsThatEchoCredentialsAreMasked() {
    twilio.server.respond(
        Reply.json(
            400,
            "{\"code\":21210,\"message\":\"bad request from "
                + BASIC
                + " / "
                + AUTH_TOKEN
                + "\"}"));

    Throwable failure = catchThrowable(() -> fixture.call(Map.of()));

    assertThat(failure)
        .hasMessage("Twilio answered HTTP 400: bad request from **** / **** (error 21210)");
    assertThat(failure.getCause()).isNull();
  }

  @Test
  void theTokensAccountAndKeysNeverPrintThemselves() {
    assertThat(fixture.connections.values().toString()).doesNotContain(AUTH_TOKEN, API_KEY);
    assertThat(
            dev.flowconnections.runtime.sms.TwilioAccount.of(
                    fixture.connections.get(VoiceTestFixture.PHONE))
                .toString())
        .doesNotContain(AUTH_TOKEN);
    assertThat(
            dev.flowconnections.runtime.ai.AiAccount.of(
                    fixture.connections.get(VoiceTestFixture.SPEECH))
                .toString())
        .doesNotContain(API_KEY);
  }
}
