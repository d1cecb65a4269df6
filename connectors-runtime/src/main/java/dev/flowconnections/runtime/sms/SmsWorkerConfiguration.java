package dev.flowconnections.runtime.sms;

import dev.flowconnections.audit.BatchingAuditWriter;
import dev.flowconnections.resolution.ConnectionResolver;
import dev.flowconnections.resolution.RuntimeEnvironment;
import dev.flowconnections.runtime.worker.ProviderHttp;
import dev.flowconnections.runtime.worker.WorkerConnections;
import io.camunda.connector.jackson.ConnectorsObjectMapperSupplier;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Registers the SMS worker (the connector runtime opens a job worker for the function bean) and the
 * connection testers of Twilio and AWS SNS connections.
 */
@Configuration(proxyBeanMethods = false)
public class SmsWorkerConfiguration {

  @Bean
  SmsService smsService(
      ConnectionResolver connectionResolver, RuntimeEnvironment runtimeEnvironment, BatchingAuditWriter connectionReads) {
    return new SmsService(
        new WorkerConnections(connectionResolver, runtimeEnvironment, connectionReads), twilio(), new SnsMessages());
  }

  @Bean
  SmsFunction smsFunction(SmsService smsService) {
    return new SmsFunction(smsService);
  }

  @Bean
  TwilioConnectionTester twilioConnectionTester() {
    return new TwilioConnectionTester(twilio());
  }

  @Bean
  SnsConnectionTester snsConnectionTester() {
    return new SnsConnectionTester(new SnsMessages());
  }

  private static TwilioMessages twilio() {
    // The connectors' own mapper settings, not the web API's.
    return new TwilioMessages(new ProviderHttp(), ConnectorsObjectMapperSupplier.getCopy());
  }
}
