package dev.flowconnections.runtime.sms;

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

/** An SMS worker with one SMS connection (key {@value #KEY}) that a fixed resolver hands out. */
final class SmsTestFixture implements MessagingInputValidationTestBase.Fixture {

  static final String KEY = "alerts-sms";
  static final String ACCOUNT_SID = "AC0123456789abcdef0123456789abcdef";
  static final String ACCESS_KEY_ID = "AKIAIOSFODNN7EXAMPLE";

  final StaticResolver resolver = new StaticResolver();

  SmsTestFixture twilio(String baseUrl, String authToken) {
    resolver.connection(
        KEY,
        IntegrationType.SMS,
        new LinkedHashMap<>(
            Map.of(
                "provider",
                "TWILIO",
                "baseUrl",
                baseUrl,
                "fromNumber",
                "+15550001111",
                "accountSid",
                ACCOUNT_SID)),
        Map.of("authToken", authToken));
    return this;
  }

  SmsTestFixture sns(String baseUrl, String secretAccessKey) {
    resolver.connection(
        KEY,
        IntegrationType.SMS,
        Map.of(
            "provider",
            "AWS_SNS",
            "baseUrl",
            baseUrl,
            "region",
            "eu-central-1",
            "accessKeyId",
            ACCESS_KEY_ID),
        Map.of("secretAccessKey", secretAccessKey));
    return this;
  }

  /** A task that is valid as it is, through {@link #KEY}. */
  static Map<String, Object> validTask() {
    Map<String, Object> task = new HashMap<>();
    task.put("connection", KEY);
    task.put("to", "+4915112345678");
    task.put("message", "Your code is 4711");
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
  public SmsResult send(Map<String, ?> changes) {
    Map<String, Object> task = validTask();
    task.putAll(changes);
    return (SmsResult)
        new SmsFunction(service()).execute(new WorkerTestContext(SmsFunction.TYPE, task));
  }

  SmsService service() {
    return new SmsService(
        new WorkerConnections(resolver, new RuntimeEnvironment(Environment.DEVELOPMENT, "default")),
        twilioMessages(),
        new SnsMessages());
  }

  TwilioConnectionTester twilioTester() {
    return new TwilioConnectionTester(twilioMessages());
  }

  SnsConnectionTester snsTester() {
    return new SnsConnectionTester(new SnsMessages());
  }

  private static TwilioMessages twilioMessages() {
    return new TwilioMessages(new ProviderHttp(), ConnectorsObjectMapperSupplier.getCopy());
  }
}
