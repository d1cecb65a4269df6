package dev.flowconnections.runtime.voice;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.flowconnections.runtime.testsupport.RecordingHttpServer;
import dev.flowconnections.runtime.testsupport.RecordingHttpServer.RecordedRequest;
import dev.flowconnections.runtime.testsupport.RecordingHttpServer.Reply;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The Voice Call worker against local stand-ins of Twilio's Calls API and the providers' speech
 * endpoints: the exact requests, the TwiML, the served audio, the call's end and its transcript.
 */
@Tag("fast")
class VoiceCallTest {

  static final String AUTH_TOKEN = "twilio-token-1234";
  static final String API_KEY = "sk-speech-key-9876";
  static final String CALL = FakeTwilioVoice.ACCOUNT + "/Calls/" + FakeTwilioVoice.CALL_SID;
  static final ObjectMapper JSON = new ObjectMapper();

  private FakeTwilioVoice twilio;
  private final RecordingHttpServer speech = RecordingHttpServer.start();
  private final VoiceTestFixture fixture = new VoiceTestFixture();

  private void start(String... statuses) {
    twilio = new FakeTwilioVoice(statuses);
    fixture.twilio(twilio.baseUrl(), AUTH_TOKEN).speech("OPENAI", speech.baseUrl(), API_KEY);
  }

  @AfterEach
  void stop() {
    if (twilio != null) {
      twilio.close();
    }
    speech.close();
  }

  @Test
  void placesTheCallWithTheExactFormAndSaysTheMessageInTwiliosVoice() {
    start("ringing", "in-progress", "completed");

    VoiceCallResult result = fixture.call(Map.of());

    assertThat(result)
        .isEqualTo(new VoiceCallResult(FakeTwilioVoice.CALL_SID, "completed", 21, null, null));
    RecordedRequest placed = twilio.placed();
    assertThat(placed.header("Authorization"))
        .isEqualTo(
            "Basic "
                + Base64.getEncoder()
                    .encodeToString(
                        (VoiceTestFixture.ACCOUNT_SID + ":" + AUTH_TOKEN)
                            .getBytes(StandardCharsets.UTF_8)));
    assertThat(placed.header("Content-Type")).isEqualTo("application/x-www-form-urlencoded");
    assertThat(FakeTwilioVoice.form(placed.body()))
        .containsExactly(
            Map.entry("To", "+4915112345678"),
            Map.entry("From", "+15550001111"),
            Map.entry("Twiml", "<Response><Say>Your parcel arrives today.</Say></Response>"),
            Map.entry("Timeout", "30"));
    assertThat(twilio.calls())
        .containsExactly(
            "POST " + FakeTwilioVoice.ACCOUNT + "/Calls.json",
            "GET " + CALL + ".json",
            "GET " + CALL + ".json",
            "GET " + CALL + ".json");
    assertThat(twilio.server.requests())
        .allSatisfy(
            r -> assertThat(r.header("Authorization")).isEqualTo(placed.header("Authorization")));
    assertThat(speech.requests()).as("Twilio speaks; the provider is not asked").isEmpty();
  }

  @Test
  void voiceLanguageRingTimeoutAndCallerIdComeFromTheTask() {
    start("completed");

    fixture.call(
        Map.of(
            "voice", "Polly.Joanna",
            "language", "en-US",
            "ringTimeoutSeconds", 45,
            "from", "+15559998888"));

    assertThat(FakeTwilioVoice.form(twilio.placed().body()))
        .containsEntry(
            "Twiml",
            "<Response><Say voice=\"Polly.Joanna\" language=\"en-US\">Your parcel arrives"
                + " today.</Say></Response>")
        .containsEntry("Timeout", "45")
        .containsEntry("From", "+15559998888");
  }

  @Test
  void aMessageCannotAddVerbsToTheCall() throws Exception {
    start("completed");
    String attack = "Hi</Say><Dial>+19005550123</Dial><Say>& \"bye\"";

    fixture.call(Map.of("message", attack));

    String twiml = FakeTwilioVoice.form(twilio.placed().body()).get("Twiml");
    assertThat(twiml)
        .isEqualTo(
            "<Response><Say>Hi&lt;/Say&gt;&lt;Dial&gt;+19005550123&lt;/Dial&gt;&lt;Say&gt;&amp;"
                + " &quot;bye&quot;</Say></Response>");
    var document =
        javax.xml.parsers.DocumentBuilderFactory.newInstance()
            .newDocumentBuilder()
            .parse(new java.io.ByteArrayInputStream(twiml.getBytes(StandardCharsets.UTF_8)));
    var response = document.getDocumentElement();
    assertThat(response.getTagName()).isEqualTo("Response");
    assertThat(response.getChildNodes().getLength()).isEqualTo(1);
    assertThat(response.getFirstChild().getNodeName()).isEqualTo("Say");
    assertThat(response.getFirstChild().getTextContent()).isEqualTo(attack);
    assertThat(document.getElementsByTagName("Dial").getLength()).isZero();
  }

  @ParameterizedTest
  @ValueSource(strings = {"no-answer", "busy", "failed", "canceled"})
  void aCallNobodyAnsweredIsAResultWithItsStatus(String status) {
    start("ringing", status);

    VoiceCallResult result = fixture.call(Map.of("record", true));

    assertThat(result)
        .isEqualTo(new VoiceCallResult(FakeTwilioVoice.CALL_SID, status, null, null, null));
    assertThat(twilio.calls()).noneMatch(call -> call.contains("/Recordings"));
    assertThat(speech.requests()).isEmpty();
  }

  @Test
  void theProvidersSpeechIsServedAtAnUnguessableUrlWhileTheCallRuns() throws Exception {
    start("in-progress", "completed");
    speech.respond(new Reply(200, Map.of("Content-Type", "audio/mpeg"), "ID3-fake-mp3"));
    AtomicReference<String> token = new AtomicReference<>();
    List<SpeechAudio> servedDuringTheCall = new ArrayList<>();
    twilio.onPlaced =
        request -> {
          String twiml = FakeTwilioVoice.form(request.body()).get("Twiml");
          Matcher play =
              Pattern.compile(
                      "<Response><Play>"
                          + Pattern.quote(VoiceTestFixture.PUBLIC_BASE_URL + "/voice/audio/")
                          + "("
                          + VoiceAudio.TOKEN
                          + ")</Play></Response>")
                  .matcher(twiml);
          assertThat(play.matches()).as(twiml).isTrue();
          token.set(play.group(1));
          fixture.audio.get(play.group(1)).ifPresent(servedDuringTheCall::add);
        };

    VoiceCallResult result = fixture.call(Map.of("speech", "provider"));

    assertThat(result.status()).isEqualTo("completed");
    RecordedRequest tts = speech.lastRequest();
    assertThat(tts.method()).isEqualTo("POST");
    assertThat(tts.rawPath()).isEqualTo("/v1/audio/speech");
    assertThat(tts.header("Authorization")).isEqualTo("Bearer " + API_KEY);
    assertThat(tts.header("Content-Type")).isEqualTo("application/json");
    assertThat(JSON.readTree(tts.body()))
        .isEqualTo(
            JSON.readTree(
                "{\"model\":\"gpt-4o-mini-tts\",\"input\":\"Your parcel arrives today.\","
                    + "\"voice\":\"alloy\",\"response_format\":\"mp3\"}"));
    assertThat(servedDuringTheCall).hasSize(1);
    assertThat(new String(servedDuringTheCall.getFirst().bytes(), StandardCharsets.UTF_8))
        .isEqualTo("ID3-fake-mp3");
    assertThat(servedDuringTheCall.getFirst().contentType()).isEqualTo("audio/mpeg");
    assertThat(fixture.audio.get(token.get())).as("gone once the call ended").isEmpty();
  }

  @Test
  void aRecordedCallIsTranscribedByOpenAi() {
    start("in-progress", "completed");
    speech.respond(Reply.json(200, "{\"text\":\"Yes, I will be home.\"}"));

    VoiceCallResult result =
        fixture.call(Map.of("record", true, "listenSeconds", 10, "language", "de-DE"));

    assertThat(result)
        .isEqualTo(
            new VoiceCallResult(
                FakeTwilioVoice.CALL_SID, "completed", 21, "Yes, I will be home.", 14));
    assertThat(FakeTwilioVoice.form(twilio.placed().body()))
        .containsEntry(
            "Twiml",
            "<Response><Say language=\"de-DE\">Your parcel arrives today.</Say>"
                + "<Pause length=\"10\"/></Response>")
        .containsEntry("Record", "true");
    assertThat(twilio.calls())
        .endsWith(
            "GET " + CALL + ".json",
            "GET " + CALL + "/Recordings.json",
            "GET "
                + FakeTwilioVoice.ACCOUNT
                + "/Recordings/"
                + FakeTwilioVoice.RECORDING_SID
                + ".wav");
    RecordedRequest stt = speech.lastRequest();
    assertThat(stt.rawPath()).isEqualTo("/v1/audio/transcriptions");
    assertThat(stt.header("Authorization")).isEqualTo("Bearer " + API_KEY);
    String boundary =
        stt.header("Content-Type").replaceFirst("^multipart/form-data; boundary=", "");
    assertThat(boundary).matches("flow-[0-9a-f]{24}");
    assertThat(multipart(stt.body(), boundary))
        .containsExactly(
            Map.entry("form-data; name=\"model\"", "gpt-4o-mini-transcribe"),
            Map.entry("form-data; name=\"response_format\"", "json"),
            Map.entry("form-data; name=\"language\"", "de"),
            Map.entry(
                "form-data; name=\"file\"; filename=\"recording.wav\"\r\nContent-Type: audio/wav",
                FakeTwilioVoice.RECORDING_AUDIO));
  }

  @Test
  void googleSpeaksWithGeminiTtsAndTranscribesWithInlineAudio() throws Exception {
    twilio = new FakeTwilioVoice("completed");
    fixture.twilio(twilio.baseUrl(), AUTH_TOKEN).speech("GOOGLE", speech.baseUrl(), API_KEY);
    byte[] pcm = {1, 2, 3, 4, 5, 6};
    speech.respond(
        request ->
            request.rawPath().contains("-tts:")
                ? Reply.json(
                    200,
                    "{\"candidates\":[{\"content\":{\"parts\":[{\"inlineData\":{\"mimeType\":"
                        + "\"audio/L16;codec=pcm;rate=24000\",\"data\":\""
                        + Base64.getEncoder().encodeToString(pcm)
                        + "\"}}]}}]}")
                : Reply.json(
                    200,
                    "{\"candidates\":[{\"content\":{\"parts\":[{\"text\":\"Yes, \"},"
                        + "{\"text\":\"see you.\"}]}}]}"));
    List<SpeechAudio> served = new ArrayList<>();
    twilio.onPlaced =
        request -> {
          String twiml = FakeTwilioVoice.form(request.body()).get("Twiml");
          String token = twiml.replaceAll("^.*/voice/audio/([^<]+)</Play>.*$", "$1");
          fixture.audio.get(token).ifPresent(served::add);
        };

    VoiceCallResult result =
        fixture.call(Map.of("speech", "provider", "voice", "Puck", "record", true));

    assertThat(result.transcript()).isEqualTo("Yes, see you.");
    List<RecordedRequest> requests = speech.requests();
    assertThat(requests).hasSize(2);
    RecordedRequest tts = requests.get(0);
    assertThat(tts.rawPath())
        .isEqualTo("/v1beta/models/gemini-2.5-flash-preview-tts:generateContent");
    assertThat(tts.header("x-goog-api-key")).isEqualTo(API_KEY);
    assertThat(tts.header("Authorization")).isNull();
    assertThat(JSON.readTree(tts.body()))
        .isEqualTo(
            JSON.readTree(
                "{\"contents\":[{\"parts\":[{\"text\":\"Your parcel arrives today.\"}]}],"
                    + "\"generationConfig\":{\"responseModalities\":[\"AUDIO\"],\"speechConfig\":"
                    + "{\"voiceConfig\":{\"prebuiltVoiceConfig\":{\"voiceName\":\"Puck\"}}}}}"));
    assertThat(served).hasSize(1);
    byte[] wav = served.getFirst().bytes();
    assertThat(served.getFirst().contentType()).isEqualTo("audio/wav");
    assertThat(new String(wav, 0, 4, StandardCharsets.US_ASCII)).isEqualTo("RIFF");
    assertThat(ByteBuffer.wrap(wav, 24, 4).order(ByteOrder.LITTLE_ENDIAN).getInt())
        .isEqualTo(24_000);
    assertThat(java.util.Arrays.copyOfRange(wav, 44, wav.length)).isEqualTo(pcm);

    RecordedRequest stt = requests.get(1);
    assertThat(stt.rawPath()).isEqualTo("/v1beta/models/gemini-2.5-flash:generateContent");
    JsonNode parts = JSON.readTree(stt.body()).path("contents").path(0).path("parts");
    assertThat(parts.path(0).path("text").asText()).isEqualTo(SpeechClient.TRANSCRIBE_PROMPT);
    assertThat(parts.path(1).path("inlineData").path("mimeType").asText()).isEqualTo("audio/wav");
    assertThat(parts.path(1).path("inlineData").path("data").asText())
        .isEqualTo(
            Base64.getEncoder()
                .encodeToString(FakeTwilioVoice.RECORDING_AUDIO.getBytes(StandardCharsets.UTF_8)));
  }

  @Test
  void aCallStillRunningAtTheLimitIsHungUpAndReportedAsItWas() {
    start("in-progress");
    fixture.maxCallTime(Duration.ofMillis(300));

    VoiceCallResult result = fixture.call(Map.of("record", true));

    assertThat(result)
        .isEqualTo(new VoiceCallResult(FakeTwilioVoice.CALL_SID, "in-progress", null, null, null));
    RecordedRequest hangUp = twilio.server.lastRequest();
    assertThat(hangUp.method() + " " + hangUp.rawPath()).isEqualTo("POST " + CALL + ".json");
    assertThat(FakeTwilioVoice.form(hangUp.body()))
        .containsExactly(Map.entry("Status", "completed"));
  }

  @Test
  void aRecordingTwilioNeverCompletedLeavesTheTranscriptEmpty() {
    start("completed");
    twilio.recordings = "{\"recordings\":[{\"sid\":\"RE1\",\"status\":\"failed\"}]}";

    VoiceCallResult result = fixture.call(Map.of("record", true));

    assertThat(result)
        .isEqualTo(new VoiceCallResult(FakeTwilioVoice.CALL_SID, "completed", 21, null, null));
    assertThat(speech.requests()).isEmpty();
  }

  /** Parts of a multipart body: headers after Content-Disposition's "form-data" → content. */
  static Map<String, String> multipart(String body, String boundary) {
    Map<String, String> parts = new LinkedHashMap<>();
    assertThat(body).endsWith("--" + boundary + "--\r\n");
    for (String part : body.split("--" + Pattern.quote(boundary))) {
      if (part.isEmpty() || part.startsWith("--")) {
        continue;
      }
      String[] headAndContent = part.substring(2, part.length() - 2).split("\r\n\r\n", 2);
      parts.put(headAndContent[0].replaceFirst("^Content-Disposition: ", ""), headAndContent[1]);
    }
    return parts;
  }
}
