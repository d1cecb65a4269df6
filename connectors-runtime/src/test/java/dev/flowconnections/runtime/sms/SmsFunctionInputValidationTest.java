package dev.flowconnections.runtime.sms;

import static dev.flowconnections.runtime.testsupport.InputRejections.withNull;
import static org.assertj.core.api.Assertions.assertThat;

import dev.flowconnections.integration.IntegrationType;
import dev.flowconnections.runtime.testsupport.MessagingInputValidationTestBase;
import dev.flowconnections.runtime.testsupport.RecordingHttpServer.Reply;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Invalid task input or configuration fails with ConnectorInputException (an incident, no retries)
 * naming the field, before anything is sent. A Twilio connection makes "nothing sent" visible.
 */
@Tag("fast")
class SmsFunctionInputValidationTest extends MessagingInputValidationTestBase<SmsTestFixture> {

  SmsFunctionInputValidationTest() {
    super(server -> new SmsTestFixture().twilio(server.baseUrl(), "token-5678"));
  }

  @Test
  void aValidTaskIsSent() {
    server.respond(Reply.json(201, "{\"sid\":\"SM1\",\"status\":\"queued\"}"));

    assertThat(fixture.send(Map.of()).messageId()).isEqualTo("SM1");
    assertThat(server.requests()).hasSize(1);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "015112345678",
        "+49 151 12345678",
        "+0123456",
        "+1234567890123456",
        "+49-151",
        "call me"
      })
  void aRecipientThatIsNotE164IsNamed(String to) {
    assertRejected(
        Map.of("to", to),
        "to: Validation failed. Original message: must be a phone number in E.164 form such as +15551234567 (no spaces)");
  }

  @Test
  void recipientAndMessageAreRequired() {
    assertRejected(withNull("to"), "to");
    assertRejected(Map.of("message", " "), "message");
  }

  @Test
  void theMessageIsBounded() {
    server.respond(Reply.json(201, "{\"sid\":\"SM1\",\"status\":\"queued\"}"));
    fixture.send(Map.of("message", "x".repeat(1600)));

    server.reset();
    assertRejected(Map.of("message", "x".repeat(1601)), "message");
  }

  @Test
  void aSenderThatIsNotE164IsNamed() {
    assertRejected(
        Map.of("from", "ACME"),
        "from: Validation failed. Original message: must be a phone number in E.164 form");
  }

  @Test
  void anIntegrationSenderThatIsNotE164NamesTheSetting() {
    fixture.resolver.connection(
        SmsTestFixture.KEY,
        IntegrationType.SMS,
        Map.of(
            "provider",
            "TWILIO",
            "baseUrl",
            server.baseUrl(),
            "fromNumber",
            "0151 123",
            "accountSid",
            "AC1"),
        Map.of("authToken", "token-5678"));

    assertRejected(
        Map.of(),
        "connection 'alerts-sms' has a 'fromNumber' in DEVELOPMENT that is not a phone number in E.164 form");
  }

  @Test
  void twilioWithoutAnySenderSaysWhatToSet() {
    fixture.resolver.connection(
        SmsTestFixture.KEY,
        IntegrationType.SMS,
        Map.of("provider", "TWILIO", "baseUrl", server.baseUrl(), "accountSid", "AC1"),
        Map.of("authToken", "token-5678"));

    assertRejected(
        Map.of(),
        "no sender: set 'from' on the task or 'fromNumber' on the integration of connection 'alerts-sms'");
  }

  @Test
  void anAccountSidThatCouldLeaveTheAccountPathIsRefused() {
    fixture.resolver.connection(
        SmsTestFixture.KEY,
        IntegrationType.SMS,
        Map.of(
            "provider",
            "TWILIO",
            "baseUrl",
            server.baseUrl(),
            "fromNumber",
            "+15550001111",
            "accountSid",
            "../../evil"),
        Map.of("authToken", "t"));

    assertRejected(
        Map.of(),
        "connection 'alerts-sms' has an 'accountSid' in DEVELOPMENT that is not letters and digits");
  }

  @Test
  void snsNeedsARegion() {
    fixture.resolver.connection(
        SmsTestFixture.KEY,
        IntegrationType.SMS,
        Map.of("provider", "AWS_SNS", "accessKeyId", "AKIA1"),
        Map.of("secretAccessKey", "s"));

    assertRejected(Map.of(), "connection 'alerts-sms' has no value for 'region' in DEVELOPMENT");
  }

  @Test
  void anUnknownProviderOrAnotherTypeIsAnInputError() {
    fixture.resolver.connection(
        SmsTestFixture.KEY, IntegrationType.SMS, Map.of("provider", "CARRIER_PIGEON"), Map.of());
    assertRejected(
        Map.of(),
        "connection 'alerts-sms' has an unknown 'provider' in DEVELOPMENT; expected one of [TWILIO, AWS_SNS]");

    fixture.resolver.connection(SmsTestFixture.KEY, IntegrationType.EMAIL, Map.of(), Map.of());
    assertRejected(
        Map.of(),
        "connection 'alerts-sms' is of type Email; the SMS worker only serves SMS connections");
  }
}
