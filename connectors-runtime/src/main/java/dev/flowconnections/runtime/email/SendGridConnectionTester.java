package dev.flowconnections.runtime.email;

import dev.flowconnections.integration.IntegrationType;
import dev.flowconnections.resolution.ResolvedConnection;
import dev.flowconnections.runtime.connectiontest.ProviderConnectionTester;
import dev.flowconnections.runtime.worker.WorkerConnections;

/** Tests a SendGrid connection with an authenticated read-only call ({@code GET /v3/scopes}). */
public class SendGridConnectionTester extends ProviderConnectionTester {

  private final SendGridMailer sendGrid;

  SendGridConnectionTester(SendGridMailer sendGrid) {
    super(IntegrationType.EMAIL, EmailProvider.SENDGRID::serves);
    this.sendGrid = sendGrid;
  }

  @Override
  protected String verify(ResolvedConnection connection) {
    SendGridAccount account = SendGridAccount.of(connection);
    sendGrid.verify(account, connection, WorkerConnections.maskerFor(connection));
    return "SendGrid at " + account.baseUrl() + " accepted the API key";
  }
}
