package dev.flowconnections.runtime.email;

import dev.flowconnections.audit.BatchingAuditWriter;
import dev.flowconnections.resolution.ConnectionResolver;
import dev.flowconnections.resolution.RuntimeEnvironment;
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

  @Bean
  EmailService emailService(
      ConnectionResolver connectionResolver, RuntimeEnvironment runtimeEnvironment, BatchingAuditWriter connectionReads) {
    return new EmailService(
        new WorkerConnections(connectionResolver, runtimeEnvironment, connectionReads), smtpMailer(), sendGridMailer());
  }

  @Bean
  EmailFunction emailFunction(EmailService emailService) {
    return new EmailFunction(emailService);
  }

  @Bean
  SmtpConnectionTester smtpConnectionTester() {
    return new SmtpConnectionTester(smtpMailer());
  }

  @Bean
  SendGridConnectionTester sendGridConnectionTester() {
    return new SendGridConnectionTester(sendGridMailer());
  }

  /** The JVM's trust store: SMTP servers must present a certificate it trusts, for their host name. */
  private static SmtpMailer smtpMailer() {
    return new SmtpMailer(null);
  }

  private static SendGridMailer sendGridMailer() {
    // The connectors' own mapper settings, not the web API's.
    return new SendGridMailer(new ProviderHttp(), ConnectorsObjectMapperSupplier.getCopy());
  }
}
