package dev.flowconnections.runtime.sms;

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

  /** The connectors' own mapper settings, not the web API's. */
  @Bean
  TwilioMessages twilioMessages(ProviderHttp http) {
    return new TwilioMessages(http, ConnectorsObjectMapperSupplier.getCopy());
  }

  @Bean
  SnsMessages snsMessages() {
    return new SnsMessages();
  }

  @Bean
  SmsService smsService(
      WorkerConnections connections, TwilioMessages twilioMessages, SnsMessages snsMessages) {
    return new SmsService(connections, twilioMessages, snsMessages);
  }

  @Bean
  SmsFunction smsFunction(SmsService smsService) {
    return new SmsFunction(smsService);
  }

  @Bean
  TwilioConnectionTester twilioConnectionTester(TwilioMessages twilioMessages) {
    return new TwilioConnectionTester(twilioMessages);
  }

  @Bean
  SnsConnectionTester snsConnectionTester(SnsMessages snsMessages) {
    return new SnsConnectionTester(snsMessages);
  }
}
