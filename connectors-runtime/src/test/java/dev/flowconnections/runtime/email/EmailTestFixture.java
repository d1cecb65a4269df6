package dev.flowconnections.runtime.email;

import dev.flowconnections.environment.Environment;
import dev.flowconnections.integration.IntegrationType;
import dev.flowconnections.resolution.RuntimeEnvironment;
import dev.flowconnections.runtime.testsupport.MessagingInputValidationTestBase;
import dev.flowconnections.runtime.testsupport.StaticResolver;
import dev.flowconnections.runtime.testsupport.WorkerTestContext;
import dev.flowconnections.runtime.worker.ProviderHttp;
import dev.flowconnections.runtime.worker.WorkerConnections;
import io.camunda.connector.jackson.ConnectorsObjectMapperSupplier;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.net.ssl.SSLSocketFactory;

/**
 * An email worker with one Email connection (key {@value #KEY}) that a fixed resolver hands out,
 * run as the connector runtime runs it. SMTP trusts the test certificate of {@link TlsSmtpProxy}
 * only, with host name checks on, as in production.
 */
final class EmailTestFixture implements MessagingInputValidationTestBase.Fixture {

  static final String KEY = "team-mail";

  final StaticResolver resolver = new StaticResolver();
  private final SSLSocketFactory smtpTrust;

  EmailTestFixture() {
    this(TlsSmtpProxy.clientTrust());
  }

  EmailTestFixture(SSLSocketFactory smtpTrust) {
    this.smtpTrust = smtpTrust;
  }

  /** An SMTP connection; {@code username} null for none. */
  EmailTestFixture smtp(int port, String tlsMode, String username, String password) {
    Map<String, Object> settings =
        new LinkedHashMap<>(
            Map.of(
                "provider",
                "SMTP",
                "host",
                "127.0.0.1",
                "port",
                port,
                "tlsMode",
                tlsMode,
                "fromAddress",
                "robot@example.com"));
    Map<String, Object> secrets = new LinkedHashMap<>();
    if (username != null) {
      settings.put("username", username);
      secrets.put("password", password);
    }
    resolver.connection(KEY, IntegrationType.EMAIL, settings, secrets);
    return this;
  }

  EmailTestFixture sendGrid(String baseUrl, String apiKey) {
    resolver.connection(
        KEY,
        IntegrationType.EMAIL,
        Map.of("provider", "SENDGRID", "baseUrl", baseUrl, "fromAddress", "robot@example.com"),
        Map.of("apiKey", apiKey));
    return this;
  }

  /**
   * A task that is valid as it is: one recipient, a subject and a text body, through {@link #KEY}.
   */
  static Map<String, Object> validTask() {
    Map<String, Object> task = new HashMap<>();
    task.put("connection", KEY);
    task.put("to", "ann@example.com");
    task.put("subject", "Order 42 shipped");
    task.put("textBody", "Your order is on its way.");
    return task;
  }

  /**
   * Runs the worker on {@link #validTask()} with {@code changes} laid over it (a null value
   * clears).
   */
  @Override
  public StaticResolver resolver() {
    return resolver;
  }

  @Override
  public EmailResult send(Map<String, ?> changes) {
    Map<String, Object> task = validTask();
    task.putAll(changes);
    return (EmailResult) function().execute(new WorkerTestContext(EmailFunction.TYPE, task));
  }

  EmailFunction function() {
    return new EmailFunction(service());
  }

  EmailService service() {
    return new EmailService(
        new WorkerConnections(resolver, new RuntimeEnvironment(Environment.DEVELOPMENT, "default")),
        new SmtpMailer(smtpTrust),
        sendGridMailer());
  }

  SmtpConnectionTester smtpTester() {
    return new SmtpConnectionTester(new SmtpMailer(smtpTrust));
  }

  SendGridConnectionTester sendGridTester() {
    return new SendGridConnectionTester(sendGridMailer());
  }

  private static SendGridMailer sendGridMailer() {
    return new SendGridMailer(new ProviderHttp(), ConnectorsObjectMapperSupplier.getCopy());
  }
}
