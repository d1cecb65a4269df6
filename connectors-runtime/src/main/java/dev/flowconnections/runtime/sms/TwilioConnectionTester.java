package dev.flowconnections.runtime.sms;

import dev.flowconnections.integration.IntegrationType;
import dev.flowconnections.resolution.ResolvedConnection;
import dev.flowconnections.runtime.connectiontest.ConnectionTester;
import dev.flowconnections.runtime.connectiontest.TestOutcome;
import dev.flowconnections.runtime.worker.WorkerConnections;
import io.camunda.connector.api.error.ConnectorException;
import io.camunda.connector.api.error.ConnectorInputException;

/** Tests a Twilio connection by reading its account ({@code GET /2010-04-01/Accounts/{sid}.json}). */
public class TwilioConnectionTester implements ConnectionTester {

  private final TwilioMessages twilio;

  TwilioConnectionTester(TwilioMessages twilio) {
    this.twilio = twilio;
  }

  @Override
  public boolean supports(ResolvedConnection connection) {
    return connection.type() == IntegrationType.SMS && SmsProvider.TWILIO.serves(connection);
  }

  @Override
  public TestOutcome test(ResolvedConnection connection) {
    try {
      TwilioAccount account = TwilioAccount.of(connection);
      twilio.verify(account, connection, WorkerConnections.maskerFor(connection, account.encodedCredentials()));
      return TestOutcome.succeeded("Twilio accepted the credentials of account " + account.accountSid());
    } catch (ConnectorException | ConnectorInputException e) {
      return TestOutcome.failed(e, e.getMessage()); // already masked and naming the field or connection
    }
  }
}
