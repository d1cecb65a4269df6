package dev.flowconnections.runtime.email;

import dev.flowconnections.resolution.ResolvedConnection;
import dev.flowconnections.runtime.network.OutboundAddressPolicy;
import dev.flowconnections.runtime.worker.ProviderHttp;
import dev.flowconnections.runtime.worker.SecretMasker;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.util.Properties;
import javax.net.ssl.SSLSocketFactory;

/**
 * Sends mail over SMTP with Jakarta Mail, one session per job (sessions are cheap; a pool would
 * keep logins open across jobs and connections). STARTTLS is required when configured, never
 * silently skipped, and the server's certificate must match its host name.
 */
final class SmtpMailer {

  static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(20);
  static final Duration READ_TIMEOUT = Duration.ofSeconds(60);

  /** Null: the JVM's trust store. Tests pass one that trusts their own certificate. */
  private final SSLSocketFactory tlsSocketFactory;

  SmtpMailer(SSLSocketFactory tlsSocketFactory) {
    this.tlsSocketFactory = tlsSocketFactory;
  }

  EmailResult send(
      SmtpServer server, OutgoingEmail email, ResolvedConnection connection, SecretMasker masker) {
    Session session = session(server, CONNECT_TIMEOUT, READ_TIMEOUT);
    Transport transport = null;
    try {
      MimeMessage message = MimeMessages.compose(session, email);
      transport = connect(session, server);
      transport.sendMessage(message, message.getAllRecipients());
      return new EmailResult(EmailProvider.SMTP.name(), message.getMessageID());
    } catch (MessagingException e) {
      throw SmtpFailures.of(e, server, connection, masker);
    } finally {
      closeQuietly(
          transport); // the mail is sent: a failing QUIT must not fail (and so repeat) the job
    }
  }

  /**
   * Connects and logs in (when the connection has a login), then says goodbye: a connection test.
   */
  void verify(SmtpServer server, ResolvedConnection connection, SecretMasker masker) {
    Transport transport = null;
    try {
      Duration limit = ProviderHttp.CONNECTION_TEST_TIMEOUT;
      transport = connect(session(server, limit, limit), server);
    } catch (MessagingException e) {
      throw SmtpFailures.of(e, server, connection, masker);
    } finally {
      closeQuietly(transport);
    }
  }

  private static Transport connect(Session session, SmtpServer server) throws MessagingException {
    OutboundAddressPolicy.current().check(server.host());
    Transport transport = session.getTransport("smtp");
    transport.connect(server.host(), server.port(), server.username(), server.password());
    return transport;
  }

  private Session session(SmtpServer server, Duration connectTimeout, Duration readTimeout) {
    Properties properties = new Properties();
    properties.put("mail.smtp.host", server.host());
    properties.put("mail.smtp.port", String.valueOf(server.port()));
    properties.put("mail.smtp.connectiontimeout", String.valueOf(connectTimeout.toMillis()));
    properties.put("mail.smtp.timeout", String.valueOf(readTimeout.toMillis()));
    properties.put("mail.smtp.writetimeout", String.valueOf(readTimeout.toMillis()));
    properties.put("mail.smtp.auth", String.valueOf(server.authenticates()));
    properties.put("mail.smtp.ssl.checkserveridentity", "true");
    switch (server.tlsMode()) {
      case TLS -> properties.put("mail.smtp.ssl.enable", "true");
      case STARTTLS -> {
        properties.put("mail.smtp.starttls.enable", "true");
        properties.put("mail.smtp.starttls.required", "true");
      }
      case NONE -> {}
    }
    if (tlsSocketFactory != null) {
      properties.put(
          "mail.smtp.ssl.socketFactory", tlsSocketFactory); // used for TLS and STARTTLS alike
    }
    return Session.getInstance(properties); // never the JVM-wide default session
  }

  private static void closeQuietly(Transport transport) {
    if (transport != null) {
      try {
        transport.close();
      } catch (MessagingException ignored) {
        // nothing to do: the connection is gone either way
      }
    }
  }
}
