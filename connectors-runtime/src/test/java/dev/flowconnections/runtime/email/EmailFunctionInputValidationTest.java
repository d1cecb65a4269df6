package dev.flowconnections.runtime.email;

import static dev.flowconnections.runtime.testsupport.InputRejections.withNull;
import static org.assertj.core.api.Assertions.assertThat;

import dev.flowconnections.integration.IntegrationType;
import dev.flowconnections.runtime.testsupport.MessagingInputValidationTestBase;
import dev.flowconnections.runtime.testsupport.RecordingHttpServer.Reply;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Invalid task input or configuration fails with ConnectorInputException (an incident, no retries)
 * naming the field, before anything is sent. A SendGrid connection makes "nothing sent" visible.
 */
@Tag("fast")
class EmailFunctionInputValidationTest extends MessagingInputValidationTestBase<EmailTestFixture> {

  EmailFunctionInputValidationTest() {
    super(server -> new EmailTestFixture().sendGrid(server.baseUrl(), "SG.key-1234"));
  }

  @Test
  void aValidTaskIsSent() {
    server.respond(new Reply(202, Map.of(), null));

    assertThat(fixture.send(Map.of()).provider()).isEqualTo("SENDGRID");
    assertThat(server.requests()).hasSize(1);
  }

  @Test
  void connectionIsRequired() {
    assertRejected(Map.of("connection", " "), "connection");
  }

  @Test
  void atLeastOneRecipientIsRequired() {
    assertRejected(Map.of("to", List.of()), "to");
    assertRejected(withNull("to"), "to");
    assertRejected(Map.of("to", " , "), "to must name at least one recipient");
  }

  @ParameterizedTest
  @ValueSource(strings = {"to", "cc", "bcc"})
  void malformedAddressesAreNamedWithTheirField(String field) {
    assertRejected(
        Map.of(field, List.of("ok@example.com", "ann.example.com")),
        field + " contains an invalid email address 'ann.example.com': Missing final '@domain'");
  }

  @Test
  void aLineBreakCannotSmuggleAnotherRecipientOrHeader() {
    assertRejected(
        Map.of("to", "ann@example.com\r\nBcc: eve@example.com"),
        "to contains an invalid email address");
  }

  @Test
  void malformedSenderIsNamed() {
    assertRejected(Map.of("from", "robot@"), "from contains an invalid email address 'robot@'");
    assertRejected(
        Map.of("from", "a@example.com, b@example.com"), "from must be exactly one email address");
  }

  @Test
  void withoutTaskSenderOrIntegrationDefaultTheTaskSaysWhatToSet() {
    fixture.resolver.connection(
        EmailTestFixture.KEY,
        IntegrationType.EMAIL,
        Map.of("provider", "SENDGRID", "baseUrl", server.baseUrl()),
        Map.of("apiKey", "SG.key-1234"));

    assertRejected(
        Map.of(),
        "no sender: set 'from' on the task or 'fromAddress' on the integration of connection 'team-mail'");
  }

  @Test
  void tooManyRecipientsAreRefused() {
    List<String> many = IntStream.range(0, 101).mapToObj(i -> "user" + i + "@example.com").toList();
    assertRejected(Map.of("cc", many), "cc");
  }

  @Test
  void subjectIsRequiredAndASingleLine() {
    assertRejected(Map.of("subject", " "), "subject");
    assertRejected(Map.of("subject", "Hello\r\nBcc: eve@example.com"), "must be a single line");
  }

  @Test
  void aTextOrHtmlBodyIsRequired() {
    Map<String, Object> noBody = withNull("textBody");
    noBody.put("htmlBody", " ");
    assertRejected(noBody, "needs a textBody or an htmlBody");
  }

  @Test
  void inlineAttachmentsNeedAPlainFileNameAndValidBase64() {
    assertRejected(
        Map.of("attachments", List.of(Map.of("fileName", "../etc/passwd", "base64", "AAAA"))),
        "fileName");
    assertRejected(Map.of("attachments", List.of(Map.of("base64", "AAAA"))), "fileName");
    assertRejected(
        Map.of("attachments", List.of(Map.of("fileName", "a.pdf", "base64", "not base64!"))),
        "attachments[0].base64 is not valid base64");
    assertRejected(
        Map.of(
            "attachments",
            List.of(Map.of("fileName", "a.pdf", "contentType", "pdf please", "base64", "AAAA"))),
        "attachments[0].contentType is not a MIME type such as application/pdf");
  }

  @Test
  void unknownAttachmentPropertiesAreNotSilentlyIgnored() {
    // e.g. "content" instead of "base64": better an incident than an email with an empty file
    assertRejected(
        Map.of("attachments", List.of(Map.of("fileName", "a.pdf", "content", "AAAA"))), "base64");
  }

  @Test
  void aConnectionOfAnotherTypeIsAnInputError() {
    fixture.resolver.connection(EmailTestFixture.KEY, IntegrationType.SMS, Map.of(), Map.of());

    assertRejected(
        Map.of(),
        "connection 'team-mail' is of type SMS; the email worker only serves Email connections");
  }

  @Test
  void anUnknownProviderOrTlsModeNamesTheField() {
    fixture.resolver.connection(
        EmailTestFixture.KEY, IntegrationType.EMAIL, Map.of("provider", "PIGEON"), Map.of());
    assertRejected(
        Map.of(),
        "connection 'team-mail' has an unknown 'provider' in DEVELOPMENT; expected one of [SMTP, SENDGRID]");

    fixture.resolver.connection(
        EmailTestFixture.KEY,
        IntegrationType.EMAIL,
        Map.of("provider", "SMTP", "host", "127.0.0.1", "tlsMode", "SSL3"),
        Map.of());
    assertRejected(
        Map.of(),
        "connection 'team-mail' has an invalid 'tlsMode' in DEVELOPMENT; expected NONE, STARTTLS or TLS");
  }
}
