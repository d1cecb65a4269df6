package dev.flowconnections.runtime.sms;

import dev.flowconnections.integration.IntegrationType;
import dev.flowconnections.resolution.ResolvedConnection;
import dev.flowconnections.runtime.connectiontest.ProviderConnectionTester;
import dev.flowconnections.runtime.worker.WorkerConnections;

/**
 * Tests a Twilio connection by reading its account ({@code GET /2010-04-01/Accounts/{sid}.json}).
 */
public class TwilioConnectionTester extends ProviderConnectionTester {

  private final TwilioMessages twilio;

  TwilioConnectionTester(TwilioMessages twilio) {
    super(IntegrationType.SMS, SmsProvider.TWILIO::serves);
    this.twilio = twilio;
  }

  @Override
  protected String verify(ResolvedConnection connection) {
    TwilioAccount account = TwilioAccount.of(connection);
    twilio.verify(
        account, connection, WorkerConnections.maskerFor(connection, account.encodedCredentials()));
    return "Twilio accepted the credentials of account " + account.accountSid();
  }
}
