package dev.flowconnections.runtime.email;

import dev.flowconnections.runtime.worker.ProviderHttp;
import dev.flowconnections.runtime.worker.WorkerConnections;
import io.camunda.connector.jackson.ConnectorsObjectMapperSupplier;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Registers the email worker (the connector runtime opens a job worker for the function bean) and
 * the connection testers of SMTP and SendGrid connections.
 */
@Configuration(proxyBeanMethods = false)
public class EmailWorkerConfiguration {

  /**
   * The JVM's trust store: SMTP servers must present a certificate it trusts, for their host name.
   */
  @Bean
  SmtpMailer smtpMailer() {
    return new SmtpMailer(null);
  }

  /** The connectors' own mapper settings, not the web API's. */
  @Bean
  SendGridMailer sendGridMailer(ProviderHttp http) {
    return new SendGridMailer(http, ConnectorsObjectMapperSupplier.getCopy());
  }

  @Bean
  EmailService emailService(
      WorkerConnections connections, SmtpMailer smtpMailer, SendGridMailer sendGridMailer) {
    return new EmailService(connections, smtpMailer, sendGridMailer);
  }

  @Bean
  EmailFunction emailFunction(EmailService emailService) {
    return new EmailFunction(emailService);
  }

  @Bean
  SmtpConnectionTester smtpConnectionTester(SmtpMailer smtpMailer) {
    return new SmtpConnectionTester(smtpMailer);
  }

  @Bean
  SendGridConnectionTester sendGridConnectionTester(SendGridMailer sendGridMailer) {
    return new SendGridConnectionTester(sendGridMailer);
  }
}
