package dev.flowconnections.runtime.voice;

import static dev.flowconnections.runtime.testsupport.InputRejections.assertInputRejected;
import static dev.flowconnections.runtime.testsupport.InputRejections.withNull;

import dev.flowconnections.runtime.testsupport.RecordingHttpServer;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** A task the worker refuses before it calls anyone: an incident naming the field. */
@Tag("fast")
class VoiceCallInputValidationTest {

  private final RecordingHttpServer server = RecordingHttpServer.start();
  private final VoiceTestFixture fixture =
      new VoiceTestFixture()
          .twilio(server.baseUrl(), "twilio-token-1234")
          .speech("OPENAI", server.baseUrl(), "sk-key-1234");

  @AfterEach
  void stop() {
    server.close();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {"015112345678", "+49 151 12345678", "+0123456", "+1234567890123456", "+1"})
  void aCalleeNotInE164FormIsRefusedNamingTheField(String to) {
    assertInputRejected(
        () -> fixture.call(Map.of("to", to)),
        "to: Validation failed. Original message: must be a phone number in E.164 form such as +15551234567 (no spaces)",
        server);
  }

  @Test
  void aCallerIdNotInE164FormIsRefusedNamingTheField() {
    assertInputRejected(
        () -> fixture.call(Map.of("from", "5550001111")),
        "from: Validation failed. Original message: must be a phone number",
        server);
  }

  @Test
  void aCalleeIsRequired() {
    assertInputRejected(() -> fixture.call(withNull("to")), "to:", server);
  }

  @Test
  void theTelephonyConnectionIsRequired() {
    assertInputRejected(
        () -> fixture.call(withNull("telephonyConnection")), "telephonyConnection:", server);
  }

  @Test
  void aMessageIsRequiredAndBounded() {
    assertInputRejected(() -> fixture.call(Map.of("message", " ")), "message:", server);
    assertInputRejected(
        () -> fixture.call(Map.of("message", "x".repeat(3501))), "message:", server);
  }

  @Test
  void aMessageTooLongForTwilioOnceEscapedIsRefused() {
    assertInputRejected(
        () -> fixture.call(Map.of("message", "&".repeat(3500))),
        "message: too long for Twilio once written as TwiML (17532 of at most 4000 characters;",
        server);
  }

  @Test
  void theRingTimeoutIsBounded() {
    assertInputRejected(
        () -> fixture.call(Map.of("ringTimeoutSeconds", 61)), "ringTimeoutSeconds:", server);
    assertInputRejected(
        () -> fixture.call(Map.of("ringTimeoutSeconds", 4)), "ringTimeoutSeconds:", server);
  }

  @Test
  void anUnknownSpeechIsRefused() {
    assertInputRejected(() -> fixture.call(Map.of("speech", "robot")), "robot", server);
  }

  @ParameterizedTest
  @ValueSource(strings = {"../../files", "a/b", "alloy\" onload=\"x", "models/x?y"})
  void voiceAndModelNamesCannotBecomePathsOrAttributes(String name) {
    assertInputRejected(() -> fixture.call(Map.of("voice", name)), "voice:", server);
    assertInputRejected(() -> fixture.call(Map.of("speechModel", name)), "speechModel:", server);
    assertInputRejected(
        () -> fixture.call(Map.of("transcriptionModel", name)), "transcriptionModel:", server);
  }

  @Test
  void aConfiguredSenderNotInE164FormIsAConfigurationIncident() {
    var settings = new java.util.LinkedHashMap<String, Object>();
    settings.put("provider", "TWILIO");
    settings.put("baseUrl", server.baseUrl());
    settings.put("fromNumber", "555 000");
    settings.put("accountSid", VoiceTestFixture.ACCOUNT_SID);
    fixture.connection(
        VoiceTestFixture.PHONE,
        dev.flowconnections.integration.IntegrationType.SMS,
        dev.flowconnections.integration.AuthScheme.NONE,
        settings,
        Map.of("authToken", "twilio-token-1234"));

    assertInputRejected(
        () -> fixture.call(Map.of()),
        "connection 'alerts-phone' has a 'fromNumber' in DEVELOPMENT that is not a phone number",
        server);
  }
}
