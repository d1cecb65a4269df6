package dev.flowconnections.runtime.sms;

import dev.flowconnections.integration.IntegrationType;
import dev.flowconnections.resolution.ResolvedConnection;
import dev.flowconnections.runtime.connectiontest.ProviderConnectionTester;
import dev.flowconnections.runtime.worker.WorkerConnections;

/** Tests an AWS SNS connection with the signed, read-only {@code GetSMSAttributes}. */
public class SnsConnectionTester extends ProviderConnectionTester {

  private final SnsMessages sns;

  SnsConnectionTester(SnsMessages sns) {
    super(IntegrationType.SMS, SmsProvider.AWS_SNS::serves);
    this.sns = sns;
  }

  @Override
  protected String verify(ResolvedConnection connection) {
    SnsAccount account = SnsAccount.of(connection);
    sns.verify(account, connection, WorkerConnections.maskerFor(connection));
    return account.describe() + " accepted the credentials of access key " + account.accessKeyId();
  }
}
