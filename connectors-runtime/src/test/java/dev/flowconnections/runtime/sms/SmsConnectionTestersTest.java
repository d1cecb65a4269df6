package dev.flowconnections.runtime.sms;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flowconnections.integration.IntegrationType;
import dev.flowconnections.runtime.connectiontest.TestOutcome;
import dev.flowconnections.runtime.testsupport.RecordingHttpServer;
import dev.flowconnections.runtime.testsupport.RecordingHttpServer.Reply;
import java.util.Map;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** The connection testers of SMS connections: authenticated read-only calls that send nothing. */
@Tag("fast")
class SmsConnectionTestersTest {

  @AutoClose private final RecordingHttpServer server = RecordingHttpServer.start();
  private final SmsTestFixture fixture = new SmsTestFixture();

  @Test
  void eachTesterServesItsOwnProviderOnly() {
    fixture.twilio(server.baseUrl(), "token-1234");
    assertThat(fixture.twilioTester().supports(fixture.resolver.current())).isTrue();
    assertThat(fixture.snsTester().supports(fixture.resolver.current())).isFalse();

    fixture.sns(server.baseUrl(), "secret-1234");
    assertThat(fixture.twilioTester().supports(fixture.resolver.current())).isFalse();
    assertThat(fixture.snsTester().supports(fixture.resolver.current())).isTrue();

    fixture.resolver.connection(
        SmsTestFixture.KEY, IntegrationType.EMAIL, Map.of("provider", "TWILIO"), Map.of());
    assertThat(fixture.twilioTester().supports(fixture.resolver.current()))
        .as("another type")
        .isFalse();
  }

  @Test
  void twilioReadsTheAccount() {
    server.respond(
        Reply.json(200, "{\"sid\":\"" + SmsTestFixture.ACCOUNT_SID + "\",\"status\":\"active\"}"));
    fixture.twilio(server.baseUrl(), "token-1234");

    TestOutcome outcome = fixture.twilioTester().test(fixture.resolver.current());

    assertThat(outcome)
        .isEqualTo(
            TestOutcome.succeeded(
                "Twilio accepted the credentials of account " + SmsTestFixture.ACCOUNT_SID));
    assertThat(server.requests())
        .singleElement()
        .satisfies(
            request -> {
              assertThat(request.method()).isEqualTo("GET");
              assertThat(request.rawPath())
                  .isEqualTo("/2010-04-01/Accounts/" + SmsTestFixture.ACCOUNT_SID + ".json");
              assertThat(request.header("Authorization")).startsWith("Basic ");
            });
  }

  @Test
  void twilioReportsRefusedCredentials() {
    server.respond(Reply.json(401, "{\"code\":20003,\"message\":\"Authenticate\"}"));
    fixture.twilio(server.baseUrl(), "revoked-token");

    assertThat(fixture.twilioTester().test(fixture.resolver.current()))
        .isEqualTo(
            TestOutcome.failed(
                "Twilio rejected the credentials of connection 'alerts-sms' in DEVELOPMENT (HTTP 401)"));
  }

  @Test
  void snsCallsTheSignedReadOnlyGetSmsAttributes() {
    server.respond(
        new Reply(
            200,
            Map.of("Content-Type", "text/xml"),
            """
        <GetSMSAttributesResponse xmlns="https://sns.amazonaws.com/doc/2010-03-31/">
          <GetSMSAttributesResult><attributes/></GetSMSAttributesResult>
          <ResponseMetadata><RequestId>r-1</RequestId></ResponseMetadata>
        </GetSMSAttributesResponse>"""));
    fixture.sns(server.baseUrl(), "secret-1234");

    TestOutcome outcome = fixture.snsTester().test(fixture.resolver.current());

    assertThat(outcome)
        .isEqualTo(
            TestOutcome.succeeded(
                "AWS SNS in eu-central-1 at "
                    + server.baseUrl()
                    + " accepted the credentials of access key "
                    + SmsTestFixture.ACCESS_KEY_ID));
    assertThat(server.requests())
        .singleElement()
        .satisfies(
            request -> {
              assertThat(TwilioSmsTest.form(request.body()))
                  .containsEntry("Action", "GetSMSAttributes");
              assertThat(request.header("Authorization"))
                  .startsWith("AWS4-HMAC-SHA256 Credential=" + SmsTestFixture.ACCESS_KEY_ID + "/")
                  .contains("/eu-central-1/sns/aws4_request");
            });
  }

  @Test
  void snsReportsRefusedCredentialsWithAwsReason() {
    server.respond(
        new Reply(
            403,
            Map.of("Content-Type", "text/xml"),
            SnsSmsTest.error(
                "Sender",
                "SignatureDoesNotMatch",
                "The request signature we calculated does not match")));
    fixture.sns(server.baseUrl(), "wrong-secret");

    TestOutcome outcome = fixture.snsTester().test(fixture.resolver.current());

    assertThat(outcome.ok()).isFalse();
    assertThat(outcome.message())
        .isEqualTo(
            "AWS SNS in eu-central-1 at "
                + server.baseUrl()
                + " rejected the credentials"
                + " of connection 'alerts-sms' in DEVELOPMENT (SignatureDoesNotMatch: The request signature we calculated does not match)");
  }
}
