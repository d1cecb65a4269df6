package dev.flowconnections.starter;

import dev.flowconnections.starter.sampleapp.SampleConnectorRuntime;
import dev.flowconnections.testsupport.DatabaseTest;
import dev.flowconnections.testsupport.PostgresTestSchema;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;

/**
 * Starts the sample connector runtime the way the drop-in jar is configured: with environment
 * variables only (a property source that Spring Boot reads exactly as it reads the process
 * environment).
 */
final class SampleRuntime {

  private SampleRuntime() {}

  /**
   * What a team sets to add our SecretProvider, for a store in {@code schema}, plus the engine's
   * address.
   */
  static Map<String, String> environmentVariables(String schema) {
    Map<String, String> variables = new LinkedHashMap<>();
    variables.put("FLOW_CONNECTIONS_DB_URL", PostgresTestSchema.jdbcUrl(schema));
    variables.put("FLOW_CONNECTIONS_DB_USER", PostgresTestSchema.USER);
    variables.put("FLOW_CONNECTIONS_DB_PASSWORD", PostgresTestSchema.PASSWORD);
    variables.put("FLOW_CONNECTIONS_ENVIRONMENT", "PRODUCTION");
    variables.put("FLOW_CONNECTIONS_ENCRYPTION_MASTER_KEY", DatabaseTest.TEST_MASTER_KEY);
    // the team's own runtime settings for the in-memory engine
    variables.put("CAMUNDA_CLIENT_MODE", "self-managed");
    variables.put("CAMUNDA_CLIENT_GRPCADDRESS", InMemoryEngine.grpcAddress());
    variables.put("CAMUNDA_CLIENT_PREFERRESTOVERGRPC", "false");
    variables.put("CAMUNDA_CONNECTOR_POLLING_ENABLED", "false");
    variables.put("CAMUNDA_CONNECTOR_WEBHOOK_ENABLED", "false");
    // Camunda's environment-variable provider is on here, with the prefix our provider requires of
    // it
    // (EnvironmentSecretsCheck), and a variable answers the org secret's name: our provider is
    // asked
    // first, so the connector must still get the org secret
    variables.put("CAMUNDA_CONNECTOR_SECRETPROVIDER_ENVIRONMENT_PREFIX", "SECRET_");
    variables.put("SECRET_SAMPLE_ORG_KEY", "value-of-an-environment-variable");
    variables.put("SPRING_MAIN_WEBAPPLICATIONTYPE", "none");
    variables.put("SPRING_DATASOURCE_HIKARI_MAXIMUMPOOLSIZE", "3");
    // Flyway is on this module's test classpath (the runtime's migrations); a team's runtime has
    // none
    variables.put("SPRING_FLYWAY_ENABLED", "false");
    return variables;
  }

  static ConfigurableApplicationContext start(Map<String, String> environmentVariables) {
    StandardEnvironment environment = new StandardEnvironment();
    environment
        .getPropertySources()
        .addFirst(
            new SystemEnvironmentPropertySource(
                "sample-" + StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME,
                Map.copyOf(environmentVariables)));
    return new SpringApplicationBuilder(SampleConnectorRuntime.class, InMemoryEngine.class)
        .environment(environment)
        .run();
  }
}
