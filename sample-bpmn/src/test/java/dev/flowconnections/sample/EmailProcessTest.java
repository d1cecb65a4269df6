package dev.flowconnections.sample;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import dev.flowconnections.connection.ConnectionView;
import dev.flowconnections.environment.Environment;
import dev.flowconnections.integration.AuthScheme;
import dev.flowconnections.integration.IntegrationType;
import dev.flowconnections.runtime.connectiontest.ConnectionTests;
import dev.flowconnections.runtime.connectiontest.TestOutcome;
import dev.flowconnections.sample.support.ConnectionsFixture;
import dev.flowconnections.sample.support.ProcessTestRuntime;
import jakarta.mail.Message.RecipientType;
import jakarta.mail.Multipart;
import jakarta.mail.internet.MimeMessage;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * {@code bpmn/email-connection-example.bpmn} in a DEVELOPMENT runtime, sending through an SMTP
 * connection to GreenMail.
 */
class EmailProcessTest extends ExampleProcessTestBase {

  static final ProcessTestRuntime RUNTIME = ProcessTestRuntime.start(Environment.DEVELOPMENT);
  static final String USER = "svc-mailer";
  static final String PASSWORD = "e2e-smtp-password-31";

  @RegisterExtension
  static final GreenMailExtension GREEN_MAIL =
      new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort())
          .withConfiguration(
              GreenMailConfiguration.aConfig().withUser("robot@example.com", USER, PASSWORD));

  @DynamicPropertySource
  static void properties(DynamicPropertyRegistry registry) {
    RUNTIME.register(registry);
  }

  @Autowired ConnectionTests connectionTests;

  EmailProcessTest() {
    super(RUNTIME, "email-connection-example");
  }

  @Test
  void sendsTheMailWithTheDevelopmentLoginAndReturnsItsMessageId() throws Exception {
    ConnectionView connection =
        smtpConnection(
            Map.of(
                Environment.DEVELOPMENT,
                secret(PASSWORD),
                Environment.PRODUCTION,
                secret("prod-password-never-used")));
    byte[] invoice = "%PDF-1.4 invoice 42".getBytes(StandardCharsets.UTF_8);

    long instance =
        start(
            Map.of(
                "connection", keyOf(connection),
                "to", "ann@example.com, bob@example.com",
                "cc", List.of("carol@example.com"),
                "subject", "Order 42 shipped",
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
                            Base64.getEncoder().encodeToString(invoice)))));

    records.awaitCompleted(instance);
    MimeMessage[] received = GREEN_MAIL.getReceivedMessages();
    assertThat(received).as("one copy per recipient").hasSize(3);
    MimeMessage mail = received[0];
    assertThat(mail.getRecipients(RecipientType.TO))
        .extracting(Object::toString)
        .containsExactly("ann@example.com", "bob@example.com");
    assertThat(mail.getSubject()).isEqualTo("Order 42 shipped");
    Multipart mixed = (Multipart) mail.getContent();
    assertThat(((Multipart) mixed.getBodyPart(0).getContent()).getCount())
        .as("text and HTML")
        .isEqualTo(2);
    assertThat(mixed.getBodyPart(1).getFileName()).isEqualTo("invoice-42.pdf");
    assertThat(mixed.getBodyPart(1).getInputStream().readAllBytes()).isEqualTo(invoice);
    assertThat(records.variables(instance))
        .containsEntry("emailProvider", "\"SMTP\"")
        .containsEntry("emailMessageId", "\"" + mail.getMessageID() + "\"");
  }

  @Test
  void aRefusedLoginIsAnIncidentNamingTheConnectionNotThePassword() {
    ConnectionView connection =
        smtpConnection(Map.of(Environment.DEVELOPMENT, secret("e2e-wrong-password-32")));

    long instance =
        start(
            Map.of(
                "connection",
                keyOf(connection),
                "to",
                "ann@example.com",
                "subject",
                "Hello",
                "textBody",
                "Hi"));

    assertThat(records.awaitIncident(instance))
        .startsWith(
            "SMTP server 127.0.0.1:"
                + GREEN_MAIL.getSmtp().getPort()
                + " rejected the credentials of connection '"
                + keyOf(connection)
                + "' in DEVELOPMENT (login refused: ");
    assertThat(GREEN_MAIL.getReceivedMessages()).isEmpty();
  }

  @Test
  void aMalformedRecipientIsAnIncidentNamingTheField() {
    ConnectionView connection = smtpConnection(Map.of(Environment.DEVELOPMENT, secret(PASSWORD)));

    long instance =
        start(
            Map.of(
                "connection",
                keyOf(connection),
                "to",
                "ann.example.com",
                "subject",
                "Hello",
                "textBody",
                "Hi"));

    assertThat(records.awaitIncident(instance))
        .isEqualTo(
            "to contains an invalid email address 'ann.example.com': Missing final '@domain'");
  }

  @Test
  void testConnectionLogsInForTheTestedEnvironmentAndSendsNothing() {
    ConnectionView connection =
        smtpConnection(
            Map.of(
                Environment.DEVELOPMENT,
                secret(PASSWORD),
                Environment.STAGING,
                secret("e2e-stale-staging-password-33")));
    UUID id = connection.connection().id();

    TestOutcome development =
        connectionTests.test(ConnectionsFixture.ADMIN, id, Environment.DEVELOPMENT);
    TestOutcome staging = connectionTests.test(ConnectionsFixture.ADMIN, id, Environment.STAGING);

    assertThat(development)
        .isEqualTo(
            TestOutcome.succeeded(
                "connected to SMTP server 127.0.0.1:"
                    + GREEN_MAIL.getSmtp().getPort()
                    + " (TLS: NONE) and logged in"));
    assertThat(staging.ok()).isFalse();
    assertThat(staging.message())
        .contains("rejected the credentials of connection '" + keyOf(connection) + "' in STAGING");
    assertThat(GREEN_MAIL.getReceivedMessages()).isEmpty();
  }

  /**
   * An SMTP integration pointing at GreenMail and a connection of it with a password per
   * environment.
   */
  private ConnectionView smtpConnection(Map<Environment, String> passwords) {
    ConnectionView connection =
        connections.connection(
            IntegrationType.EMAIL,
            AuthScheme.NONE,
            Map.of(
                "provider",
                "SMTP",
                "host",
                "127.0.0.1",
                "port",
                GREEN_MAIL.getSmtp().getPort(),
                "tlsMode",
                "NONE",
                "fromAddress",
                "robot@example.com"));
    passwords.forEach(
        (environment, password) ->
            connections.credentials(
                connection, environment, Map.of("username", USER, "password", password)));
    return connection;
  }
}
