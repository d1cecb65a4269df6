package dev.flowconnections.runtime.sms;

import dev.flowconnections.integration.IntegrationType;
import dev.flowconnections.resolution.ResolvedConnection;
import dev.flowconnections.runtime.connectiontest.ConnectionTester;
import dev.flowconnections.runtime.connectiontest.TestOutcome;
import dev.flowconnections.runtime.worker.WorkerConnections;
import io.camunda.connector.api.error.ConnectorException;
import io.camunda.connector.api.error.ConnectorInputException;

/** Tests an AWS SNS connection with the signed, read-only {@code GetSMSAttributes}. */
public class SnsConnectionTester implements ConnectionTester {

  private final SnsMessages sns;

  SnsConnectionTester(SnsMessages sns) {
    this.sns = sns;
  }

  @Override
  public boolean supports(ResolvedConnection connection) {
    return connection.type() == IntegrationType.SMS && SmsProvider.AWS_SNS.serves(connection);
  }

  @Override
  public TestOutcome test(ResolvedConnection connection) {
    try {
      SnsAccount account = SnsAccount.of(connection);
      sns.verify(account, connection, WorkerConnections.maskerFor(connection));
      return TestOutcome.succeeded(
          account.describe() + " accepted the credentials of access key " + account.accessKeyId());
    } catch (ConnectorException | ConnectorInputException e) {
      return TestOutcome.failed(e, e.getMessage());
    }
  }
}
