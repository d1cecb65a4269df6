package dev.flowconnections.runtime.email;

import dev.flowconnections.integration.IntegrationType;
import dev.flowconnections.resolution.ResolvedConnection;
import dev.flowconnections.runtime.connectiontest.ProviderConnectionTester;
import dev.flowconnections.runtime.worker.WorkerConnections;

/**
 * Tests an SMTP connection the way a send starts: connect (with the configured TLS), log in when
 * the connection has a login, and quit. No mail is sent.
 */
public class SmtpConnectionTester extends ProviderConnectionTester {

  private final SmtpMailer smtp;

  SmtpConnectionTester(SmtpMailer smtp) {
    super(IntegrationType.EMAIL, EmailProvider.SMTP::serves);
    this.smtp = smtp;
  }

  @Override
  protected String verify(ResolvedConnection connection) {
    SmtpServer server = SmtpServer.of(connection);
    smtp.verify(
        server,
        connection,
        WorkerConnections.maskerFor(connection, SmtpServer.loginEncodings(connection)));
    return "connected to SMTP server "
        + server.address()
        + " (TLS: "
        + server.tlsMode()
        + ")"
        + (server.authenticates() ? " and logged in" : "; the connection has no login to check");
  }
}
