package dev.flowconnections.runtime.email;

import dev.flowconnections.integration.IntegrationType;
import dev.flowconnections.resolution.ResolvedConnection;
import dev.flowconnections.runtime.connectiontest.ConnectionTester;
import dev.flowconnections.runtime.connectiontest.TestOutcome;
import dev.flowconnections.runtime.worker.WorkerConnections;
import io.camunda.connector.api.error.ConnectorException;
import io.camunda.connector.api.error.ConnectorInputException;

/** Tests a SendGrid connection with an authenticated read-only call ({@code GET /v3/scopes}). */
public class SendGridConnectionTester implements ConnectionTester {

  private final SendGridMailer sendGrid;

  SendGridConnectionTester(SendGridMailer sendGrid) {
    this.sendGrid = sendGrid;
  }

  @Override
  public boolean supports(ResolvedConnection connection) {
    return connection.type() == IntegrationType.EMAIL && EmailProvider.SENDGRID.serves(connection);
  }

  @Override
  public TestOutcome test(ResolvedConnection connection) {
    try {
      SendGridAccount account = SendGridAccount.of(connection);
      sendGrid.verify(account, connection, WorkerConnections.maskerFor(connection));
      return TestOutcome.succeeded("SendGrid at " + account.baseUrl() + " accepted the API key");
    } catch (ConnectorException | ConnectorInputException e) {
      return TestOutcome.failed(e, e.getMessage());
    }
  }
}
