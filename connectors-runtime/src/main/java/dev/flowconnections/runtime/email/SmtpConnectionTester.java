package dev.flowconnections.runtime.email;

import dev.flowconnections.integration.IntegrationType;
import dev.flowconnections.resolution.ResolvedConnection;
import dev.flowconnections.runtime.connectiontest.ConnectionTester;
import dev.flowconnections.runtime.connectiontest.TestOutcome;
import dev.flowconnections.runtime.worker.WorkerConnections;
import io.camunda.connector.api.error.ConnectorException;
import io.camunda.connector.api.error.ConnectorInputException;

/**
 * Tests an SMTP connection the way a send starts: connect (with the configured TLS), log in when
 * the connection has a login, and quit. No mail is sent.
 */
public class SmtpConnectionTester implements ConnectionTester {

  private final SmtpMailer smtp;

  SmtpConnectionTester(SmtpMailer smtp) {
    this.smtp = smtp;
  }

  @Override
  public boolean supports(ResolvedConnection connection) {
    return connection.type() == IntegrationType.EMAIL && EmailProvider.SMTP.serves(connection);
  }

  @Override
  public TestOutcome test(ResolvedConnection connection) {
    try {
      SmtpServer server = SmtpServer.of(connection);
      smtp.verify(server, connection,
          WorkerConnections.maskerFor(connection, SmtpServer.loginEncodings(connection)));
      return TestOutcome.succeeded("connected to SMTP server " + server.address() + " (TLS: " + server.tlsMode() + ")"
          + (server.authenticates() ? " and logged in" : "; the connection has no login to check"));
    } catch (ConnectorException | ConnectorInputException e) {
      return TestOutcome.failed(e, e.getMessage()); // already masked and naming host, field or connection
    }
  }
}
