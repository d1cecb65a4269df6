package dev.flowconnections.runtime.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.flowconnections.runtime.FlowConnectionsRuntime;
import dev.flowconnections.runtime.testsupport.RuntimeTestSupport;
import dev.flowconnections.testsupport.PostgresTestSchema;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/**
 * Starting the runtime with a configuration that cannot work stops it with one line naming the
 * setting (Spring Boot's failure report), never with a stack trace as the only explanation.
 */
@ExtendWith(OutputCaptureExtension.class)
class StartupFailureTest {

  @Test
  void missingEnvironment(CapturedOutput output) {
    assertFailsWith(
        without("flow-connections.environment"),
        output,
        "Flow Connections cannot start: flow-connections.environment is not set",
        "FLOW_CONNECTIONS_ENVIRONMENT");
  }

  @Test
  void missingMasterKey(CapturedOutput output) {
    assertFailsWith(
        without("flow-connections.encryption.master-key"),
        output,
        "Flow Connections cannot start: no master key configured",
        "FLOW_CONNECTIONS_ENCRYPTION_MASTER_KEY");
  }

  @Test
  void unreachableDatabase(CapturedOutput output) {
    Map<String, Object> settings = valid();
    settings.put(
        "spring.datasource.url", "jdbc:postgresql://127.0.0.1:1/test?password=not-printed");
    assertFailsWith(
        settings,
        output,
        "Flow Connections cannot start: the database at jdbc:postgresql://127.0.0.1:1/test cannot be reached",
        "FLOW_CONNECTIONS_DB_URL");
    assertThat(output).doesNotContain("not-printed");
  }

  @Test
  void databaseRefusingTheLogin(CapturedOutput output) {
    Map<String, Object> settings = valid();
    settings.put("spring.datasource.username", "fc_no_such_role");
    assertFailsWith(
        settings,
        output,
        "Flow Connections cannot start: the database at "
            + PostgresTestSchema.URL
            + " refused the login of user fc_no_such_role",
        "FLOW_CONNECTIONS_DB_USER");
  }

  @Test
  void saasWithoutClusterId(CapturedOutput output) {
    Map<String, Object> settings = saas();
    settings.put("camunda.client.auth.client-id", "id");
    settings.put("camunda.client.auth.client-secret", "secret-not-printed");
    assertFailsWith(
        settings,
        output,
        "Flow Connections cannot start: camunda.client.mode is saas but camunda.client.cloud.cluster-id is not set",
        "CAMUNDA_CLIENT_CLOUD_CLUSTERID");
    assertThat(output).doesNotContain("secret-not-printed");
  }

  @Test
  void saasWithoutClientCredentials(CapturedOutput output) {
    Map<String, Object> settings = saas();
    settings.put("camunda.client.cloud.cluster-id", "c0ffee");
    settings.put("camunda.client.auth.client-id", "id");
    assertFailsWith(
        settings,
        output,
        "Flow Connections cannot start: camunda.client.mode is saas but camunda.client.auth.client-secret is not set",
        "CAMUNDA_CLIENT_AUTH_CLIENTSECRET");
  }

  @Test
  void addressWithoutScheme(CapturedOutput output) {
    Map<String, Object> settings = valid();
    settings.put("camunda.client.grpc-address", "zeebe:26500");
    assertFailsWith(
        settings,
        output,
        "Flow Connections cannot start: camunda.client.grpc-address 'zeebe:26500' is not an http:// or https:// address",
        "CAMUNDA_CLIENT_GRPCADDRESS");
  }

  private static void assertFailsWith(
      Map<String, Object> settings, CapturedOutput output, String line, String action) {
    // as command-line arguments: they override application.yml, as environment variables would
    String[] arguments =
        settings.entrySet().stream()
            .map(e -> "--" + e.getKey() + "=" + e.getValue())
            .toArray(String[]::new);
    Throwable failure =
        catchThrowable(
            () ->
                new SpringApplicationBuilder(FlowConnectionsRuntime.class).run(arguments).close());

    assertThat(failure).as("the runtime must not start").isNotNull();
    assertThat(output.getOut() + output.getErr())
        .contains("APPLICATION FAILED TO START")
        .contains(line)
        .contains(action);
  }

  /**
   * What a runtime needs to start against a self-managed gateway (nothing connects before the
   * failure).
   */
  private static Map<String, Object> valid() {
    Map<String, Object> settings = new LinkedHashMap<>();
    settings.put("spring.datasource.url", PostgresTestSchema.jdbcUrl());
    settings.put("spring.datasource.username", PostgresTestSchema.USER);
    settings.put("spring.flyway.schemas", PostgresTestSchema.schema());
    settings.put("flow-connections.environment", "DEVELOPMENT");
    settings.put("flow-connections.encryption.master-key", RuntimeTestSupport.TEST_MASTER_KEY);
    settings.put("camunda.client.mode", "self-managed");
    settings.put("camunda.client.grpc-address", "http://127.0.0.1:1");
    settings.put("camunda.client.prefer-rest-over-grpc", "false");
    settings.put("server.port", "0");
    return settings;
  }

  /** SaaS mode with the starter's SaaS addresses (no self-managed address left over). */
  private static Map<String, Object> saas() {
    Map<String, Object> settings = valid();
    settings.put("camunda.client.mode", "saas");
    settings.remove("camunda.client.grpc-address");
    return settings;
  }

  private static Map<String, Object> without(String property) {
    Map<String, Object> settings = valid();
    settings.remove(property);
    return settings;
  }
}
