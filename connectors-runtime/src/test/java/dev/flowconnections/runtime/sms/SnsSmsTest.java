package dev.flowconnections.runtime.sms;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.flowconnections.runtime.testsupport.RecordingHttpServer;
import dev.flowconnections.runtime.testsupport.RecordingHttpServer.RecordedRequest;
import dev.flowconnections.runtime.testsupport.RecordingHttpServer.Reply;
import io.camunda.connector.api.error.ConnectorException;
import io.camunda.connector.api.error.ConnectorInputException;
import io.camunda.connector.api.error.ConnectorRetryException;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The SMS worker against a local server standing in for AWS SNS (the SDK's endpoint override): the
 * signed Query API request and the documented XML answers.
 */
@Tag("fast")
class SnsSmsTest {

  static final String SECRET_ACCESS_KEY = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY";
  static final String PUBLISH_RESPONSE =
      """
      <PublishResponse xmlns="https://sns.amazonaws.com/doc/2010-03-31/">
        <PublishResult><MessageId>567910cd-659e-55d4-8ccb-5aaf14679dc0</MessageId></PublishResult>
        <ResponseMetadata><RequestId>d74b8436-ae13-5ab4-a9ff-ce54dfea72a0</RequestId></ResponseMetadata>
      </PublishResponse>""";
  private static final Pattern CREDENTIAL =
      Pattern.compile(
          "AWS4-HMAC-SHA256 Credential=([^,]+), SignedHeaders=([^,]+), Signature=([0-9a-f]{64})");

  private final RecordingHttpServer server = RecordingHttpServer.start();
  private final SmsTestFixture fixture =
      new SmsTestFixture().sns(server.baseUrl(), SECRET_ACCESS_KEY);

  @AfterEach
  void stop() {
    server.close();
  }

  @Test
  void publishesToThePhoneNumberSignedWithTheConnectionsKeyForItsRegion() {
    server.respond(new Reply(200, Map.of("Content-Type", "text/xml"), PUBLISH_RESPONSE));

    SmsResult result = fixture.send(Map.of("message", "Code 4711 & more"));

    assertThat(result)
        .isEqualTo(new SmsResult("AWS_SNS", "567910cd-659e-55d4-8ccb-5aaf14679dc0", null));
    RecordedRequest request = server.lastRequest();
    assertThat(request.method()).isEqualTo("POST");
    assertThat(TwilioSmsTest.form(request.body()))
        .containsEntry("Action", "Publish")
        .containsEntry("PhoneNumber", "+4915112345678")
        .containsEntry("Message", "Code 4711 & more")
        .doesNotContainKey("MessageAttributes.entry.1.Name");
    Matcher authorization = CREDENTIAL.matcher(request.header("Authorization"));
    assertThat(authorization.matches())
        .as("a SigV4 Authorization header: %s", request.header("Authorization"))
        .isTrue();
    String date = request.header("X-Amz-Date").substring(0, 8);
    assertThat(authorization.group(1))
        .isEqualTo(SmsTestFixture.ACCESS_KEY_ID + "/" + date + "/eu-central-1/sns/aws4_request");
    assertThat(date).isIn(today(-1), today(0), today(1)); // signed now, in UTC
    assertThat(authorization.group(2)).contains("host").contains("x-amz-date");
    assertThat(request.headers().toString() + request.body()).doesNotContain(SECRET_ACCESS_KEY);
  }

  @Test
  void aSenderNumberGoesAsOriginationNumberAttribute() {
    server.respond(new Reply(200, Map.of("Content-Type", "text/xml"), PUBLISH_RESPONSE));

    fixture.send(Map.of("from", "+15559998888"));

    assertThat(TwilioSmsTest.form(server.lastRequest().body()))
        .containsEntry("MessageAttributes.entry.1.Name", "AWS.MM.SMS.OriginationNumber")
        .containsEntry("MessageAttributes.entry.1.Value.DataType", "String")
        .containsEntry("MessageAttributes.entry.1.Value.StringValue", "+15559998888");
  }

  @Test
  void refusedCredentialsAreAnIncidentAtOnceWithAwsReason() {
    server.respond(
        new Reply(
            403,
            Map.of("Content-Type", "text/xml"),
            error(
                "Sender",
                "InvalidClientTokenId",
                "The security token included in the request is invalid.")));

    assertThatThrownBy(() -> fixture.send(Map.of()))
        .isInstanceOf(ConnectorInputException.class)
        .hasMessage(
            "AWS SNS in eu-central-1 at "
                + server.baseUrl()
                + " rejected the credentials of connection"
                + " 'alerts-sms' in DEVELOPMENT (InvalidClientTokenId: The security token included in the request is invalid.)");
  }

  @Test
  void serverErrorsAreLeftToTheJobsRetriesNotRetriedByTheSdk() {
    server.respond(
        new Reply(
            503,
            Map.of("Content-Type", "text/xml", "Retry-After", "20"),
            error("Receiver", "ServiceUnavailable", "busy")));

    assertThatThrownBy(() -> fixture.send(Map.of()))
        .isInstanceOfSatisfying(
            ConnectorRetryException.class,
            e -> {
              assertThat(e.getErrorCode()).as("the status, as in every worker").isEqualTo("503");
              assertThat(e.getBackoffDuration()).isEqualTo(java.time.Duration.ofSeconds(20));
            })
        .hasMessageContaining("ServiceUnavailable: busy");
    assertThat(server.requests()).as("one call per job attempt").hasSize(1);
  }

  @Test
  void otherRefusalsAreCodedWithAwsErrorCode() {
    server.respond(
        new Reply(
            400,
            Map.of("Content-Type", "text/xml"),
            error(
                "Sender",
                "InvalidParameter",
                "Invalid parameter: PhoneNumber Reason: +4915112345678 is not valid to publish to")));

    assertThatThrownBy(() -> fixture.send(Map.of()))
        .isInstanceOfSatisfying(
            ConnectorException.class,
            e -> assertThat(e.getErrorCode()).isEqualTo("InvalidParameter"))
        .hasMessage(
            "AWS SNS in eu-central-1 at "
                + server.baseUrl()
                + " refused Publish (HTTP 400) InvalidParameter:"
                + " Invalid parameter: PhoneNumber Reason: +4915112345678 is not valid to publish to");
  }

  @Test
  void anUnreachableEndpointIsARetryableConnectionFailure() {
    server.close();

    assertThatThrownBy(() -> fixture.send(Map.of()))
        .isInstanceOfSatisfying(
            ConnectorRetryException.class,
            e -> assertThat(e.getErrorCode()).isEqualTo("CONNECTION_FAILED"))
        .hasMessageStartingWith(
            "Publish to AWS SNS in eu-central-1 at " + server.baseUrl() + " failed: ");
  }

  static String error(String type, String code, String message) {
    return "<ErrorResponse xmlns=\"https://sns.amazonaws.com/doc/2010-03-31/\"><Error><Type>"
        + type
        + "</Type><Code>"
        + code
        + "</Code><Message>"
        + message
        + "</Message></Error><RequestId>r-1</RequestId></ErrorResponse>";
  }

  private static String today(int plusDays) {
    return LocalDate.now(ZoneOffset.UTC)
        .plusDays(plusDays)
        .format(DateTimeFormatter.BASIC_ISO_DATE);
  }
}
