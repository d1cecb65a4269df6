package dev.flowconnections.runtime.email;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import dev.flowconnections.runtime.testsupport.WorkerTestContext;
import io.camunda.connector.api.error.ConnectorException;
import io.camunda.connector.api.error.ConnectorInputException;
import io.camunda.connector.api.error.ConnectorRetryException;
import jakarta.mail.BodyPart;
import jakarta.mail.Message.RecipientType;
import jakarta.mail.Multipart;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The email worker against a real SMTP server (GreenMail): plain, STARTTLS and TLS, with and
 * without login.
 */
@Tag("fast")
class SmtpEmailTest {

  static final String USER = "svc-mailer";
  static final String PASSWORD = "smtp-password-4711";

  @RegisterExtension
  static final GreenMailExtension GREEN_MAIL =
      new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort())
          .withConfiguration(
              GreenMailConfiguration.aConfig().withUser("robot@example.com", USER, PASSWORD));

  private final EmailTestFixture fixture = new EmailTestFixture();

  @Test
  void deliversRecipientsSubjectBothBodiesAndAttachmentsOverPlainSmtpWithLogin() throws Exception {
    fixture.smtp(smtpPort(), "NONE", USER, PASSWORD);
    byte[] pdf = "%PDF-1.4 invoice 42".getBytes(StandardCharsets.UTF_8);
    byte[] notes = "packed by Kim".getBytes(StandardCharsets.UTF_8);

    EmailResult result =
        fixture.send(
            Map.of(
                "to", List.of("Ann Example <ann@example.com>", "bob@example.com"),
                "cc", "carol@example.com",
                "bcc", "dave@example.com",
                "subject", "Order 42 shipped ✓",
                "textBody", "Your order is on its way.",
                "htmlBody", "<p>Your order is <b>on its way</b>.</p>",
                "attachments",
                    List.of(
                        Map.of(
                            "fileName",
                            "invoice-42.pdf",
                            "contentType",
                            "application/pdf",
                            "base64",
                            Base64.getEncoder().encodeToString(pdf)),
                        WorkerTestContext.document(notes, "notes.txt", "text/plain"))));

    MimeMessage[] received = GREEN_MAIL.getReceivedMessages();
    assertThat(received).as("one copy per recipient, Bcc included").hasSize(4);
    MimeMessage mail = received[0];
    assertThat(result).isEqualTo(new EmailResult("SMTP", mail.getMessageID()));
    assertThat(mail.getFrom()).extracting(Object::toString).containsExactly("robot@example.com");
    assertThat(mail.getRecipients(RecipientType.TO))
        .extracting(Object::toString)
        .containsExactly("Ann Example <ann@example.com>", "bob@example.com");
    assertThat(mail.getRecipients(RecipientType.CC))
        .extracting(Object::toString)
        .containsExactly("carol@example.com");
    assertThat(mail.getHeader("Bcc")).as("Bcc recipients stay hidden").isNull();
    assertThat(mail.getSubject()).isEqualTo("Order 42 shipped ✓");

    Multipart mixed = (Multipart) mail.getContent();
    assertThat(mixed.getContentType()).startsWith("multipart/mixed");
    Multipart alternative = (Multipart) mixed.getBodyPart(0).getContent();
    assertThat(alternative.getContentType()).startsWith("multipart/alternative");
    assertThat(alternative.getBodyPart(0).getContentType()).startsWith("text/plain");
    assertThat(alternative.getBodyPart(0).getContent()).isEqualTo("Your order is on its way.");
    assertThat(alternative.getBodyPart(1).getContentType()).startsWith("text/html");
    assertThat(alternative.getBodyPart(1).getContent())
        .isEqualTo("<p>Your order is <b>on its way</b>.</p>");
    assertAttachment(mixed.getBodyPart(1), "invoice-42.pdf", "application/pdf", pdf);
    assertAttachment(mixed.getBodyPart(2), "notes.txt", "text/plain", notes);
  }

  @Test
  void aSingleHtmlBodyIsSentAsHtmlWithTheTasksSender() throws Exception {
    fixture.smtp(smtpPort(), "NONE", USER, PASSWORD);

    fixture.send(
        Map.of(
            "from", "Shipping <shipping@example.com>", "textBody", " ", "htmlBody", "<p>Hi</p>"));

    MimeMessage mail = GREEN_MAIL.getReceivedMessages()[0];
    assertThat(mail.getFrom())
        .extracting(Object::toString)
        .containsExactly("Shipping <shipping@example.com>");
    assertThat(mail.getContentType()).startsWith("text/html");
    assertThat(mail.getContent()).isEqualTo("<p>Hi</p>");
  }

  @Test
  void startTlsUpgradesTheConnectionBeforeTheLogin() {
    try (TlsSmtpProxy proxy = TlsSmtpProxy.start(TlsSmtpProxy.Mode.STARTTLS, smtpPort())) {
      fixture.smtp(proxy.port(), "STARTTLS", USER, PASSWORD);

      fixture.send(Map.of());

      assertThat(proxy.handshakes).singleElement().asString().startsWith("TLSv1.");
      assertThat(GREEN_MAIL.getReceivedMessages()).hasSize(1);
    }
  }

  @Test
  void tlsModeHandshakesFromTheFirstByte() {
    try (TlsSmtpProxy proxy = TlsSmtpProxy.start(TlsSmtpProxy.Mode.IMPLICIT_TLS, smtpPort())) {
      fixture.smtp(proxy.port(), "TLS", USER, PASSWORD);

      fixture.send(Map.of());

      assertThat(proxy.handshakes).singleElement().asString().startsWith("TLSv1.");
      assertThat(GREEN_MAIL.getReceivedMessages()).hasSize(1);
    }
  }

  @Test
  void startTlsIsRequiredNotSkippedWhenTheServerDoesNotOfferIt() {
    fixture.smtp(smtpPort(), "STARTTLS", USER, PASSWORD);

    assertThatThrownBy(() -> fixture.send(Map.of()))
        .isInstanceOfSatisfying(
            ConnectorException.class, e -> assertThat(e.getErrorCode()).isEqualTo("SMTP_FAILED"))
        .hasMessageContaining("SMTP server 127.0.0.1:" + smtpPort())
        .hasMessageContaining("STARTTLS is required");
    assertThat(GREEN_MAIL.getReceivedMessages()).as("nothing went out in plain text").isEmpty();
  }

  @Test
  void aCertificateTheJvmDoesNotTrustIsRefused() {
    EmailTestFixture jvmTrust = new EmailTestFixture(null); // production: the JVM's trust store
    try (TlsSmtpProxy proxy = TlsSmtpProxy.start(TlsSmtpProxy.Mode.IMPLICIT_TLS, smtpPort())) {
      jvmTrust.smtp(proxy.port(), "TLS", USER, PASSWORD);

      assertThatThrownBy(() -> jvmTrust.send(Map.of()))
          .isInstanceOfSatisfying(
              ConnectorRetryException.class,
              e -> assertThat(e.getErrorCode()).isEqualTo("CONNECTION_FAILED"))
          .hasMessageStartingWith(
              "connecting to SMTP server 127.0.0.1:" + proxy.port() + " failed: ")
          .hasMessageContaining("unable to find valid certification path");
      assertThat(GREEN_MAIL.getReceivedMessages()).isEmpty();
    }
  }

  @Test
  void aRefusedLoginIsAnIncidentAtOnceNamingConnectionAndEnvironment() {
    fixture.smtp(smtpPort(), "NONE", USER, "not-the-password");

    assertThatThrownBy(() -> fixture.send(Map.of()))
        .isInstanceOf(ConnectorInputException.class)
        .hasMessageStartingWith(
            "SMTP server 127.0.0.1:"
                + smtpPort()
                + " rejected the credentials of connection 'team-mail' in DEVELOPMENT (login refused: ");
    assertThat(GREEN_MAIL.getReceivedMessages()).isEmpty();
  }

  @Test
  void anUnreachableServerIsARetryableConnectionFailure() throws IOException {
    int closedPort;
    try (ServerSocket socket = new ServerSocket(0)) {
      closedPort = socket.getLocalPort();
    }
    fixture.smtp(closedPort, "NONE", USER, PASSWORD);

    assertThatThrownBy(() -> fixture.send(Map.of()))
        .isInstanceOfSatisfying(
            ConnectorRetryException.class,
            e -> assertThat(e.getErrorCode()).isEqualTo("CONNECTION_FAILED"))
        .hasMessage(
            "connecting to SMTP server 127.0.0.1:"
                + closedPort
                + " failed: ConnectException: Connection refused");
  }

  @Test
  void aConnectionWithoutLoginSendsWithoutAuthenticating() {
    fixture.smtp(smtpPort(), "NONE", null, null);

    fixture.send(Map.of());

    assertThat(GREEN_MAIL.getReceivedMessages()).hasSize(1);
  }

  private static int smtpPort() {
    return GREEN_MAIL.getSmtp().getPort();
  }

  private static void assertAttachment(
      BodyPart part, String fileName, String contentType, byte[] content) throws Exception {
    assertThat(part.getDisposition()).isEqualTo("attachment");
    assertThat(part.getFileName()).isEqualTo(fileName);
    assertThat(part.getContentType()).startsWith(contentType);
    assertThat(part.getInputStream().readAllBytes()).isEqualTo(content);
    assertThat(Arrays.equals(part.getInputStream().readAllBytes(), content)).isTrue();
  }
}
