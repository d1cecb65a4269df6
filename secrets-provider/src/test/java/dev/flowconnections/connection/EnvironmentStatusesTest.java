package dev.flowconnections.connection;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flowconnections.environment.Environment;
import dev.flowconnections.integration.AuthScheme;
import dev.flowconnections.integration.ConfigMode;
import dev.flowconnections.integration.Integration;
import dev.flowconnections.integration.IntegrationConfig;
import dev.flowconnections.integration.IntegrationScope;
import dev.flowconnections.integration.IntegrationType;
import dev.flowconnections.integration.LifecycleStatus;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The status of each environment, without a database; that the resolver agrees is {@code
 * EnvironmentStatusResolutionTest}.
 */
@Tag("fast")
class EnvironmentStatusesTest {

  private static final Instant NOW = Instant.parse("2026-01-01T00:00:00Z");

  @Test
  void savedCredentialsWithoutTheIntegrationsConfigurationAreIntegrationNotConfigured() {
    Integration perEnvironment =
        integration(
            ConfigMode.PER_ENVIRONMENT,
            new IntegrationConfig(
                Map.of(),
                Map.of(Environment.DEVELOPMENT, Map.of("baseUrl", "https://dev.example.com"))));
    Connection connection =
        connection(
            perEnvironment,
            saved(Environment.DEVELOPMENT, Set.of("token")),
            saved(Environment.PRODUCTION, Set.of("token")));

    Map<Environment, EnvironmentStatus> statuses =
        EnvironmentStatuses.of(connection, perEnvironment);

    assertThat(statuses)
        .containsEntry(Environment.DEVELOPMENT, EnvironmentStatus.CONFIGURED)
        .containsEntry(Environment.PRODUCTION, EnvironmentStatus.INTEGRATION_NOT_CONFIGURED)
        .containsEntry(Environment.QA, EnvironmentStatus.NOT_CONFIGURED);
  }

  @Test
  void theMissingConfigurationWinsOverMissingFieldsAsInTheResolver() {
    Integration perEnvironment =
        integration(ConfigMode.PER_ENVIRONMENT, new IntegrationConfig(Map.of(), Map.of()));
    Connection connection = connection(perEnvironment, saved(Environment.QA, Set.of()));

    assertThat(EnvironmentStatuses.of(connection, perEnvironment))
        .containsEntry(Environment.QA, EnvironmentStatus.INTEGRATION_NOT_CONFIGURED);
  }

  @Test
  void aSharedConfigurationServesEveryEnvironment() {
    Integration shared =
        integration(
            ConfigMode.SAME_FOR_ALL,
            IntegrationConfig.sameForAll(Map.of("baseUrl", "https://api.example.com")));
    Connection connection =
        connection(
            shared, saved(Environment.STAGING, Set.of("token")), saved(Environment.QA, Set.of()));

    assertThat(EnvironmentStatuses.of(connection, shared))
        .containsEntry(Environment.STAGING, EnvironmentStatus.CONFIGURED)
        .containsEntry(Environment.QA, EnvironmentStatus.INCOMPLETE);
  }

  private static ConnectionEnvironment saved(Environment environment, Set<String> secrets) {
    return new ConnectionEnvironment(environment, Map.of(), secrets, NOW, "modeler");
  }

  private static Integration integration(ConfigMode mode, IntegrationConfig config) {
    return new Integration(
        UUID.randomUUID(),
        "org",
        "Orders",
        null,
        null,
        IntegrationType.REST_API,
        IntegrationScope.ORGANIZATION,
        mode,
        AuthScheme.BEARER,
        LifecycleStatus.ACTIVE,
        null,
        config,
        1,
        NOW,
        "admin",
        NOW,
        "admin");
  }

  private static Connection connection(
      Integration integration, ConnectionEnvironment... environments) {
    Map<Environment, ConnectionEnvironment> byEnvironment = new EnumMap<>(Environment.class);
    for (ConnectionEnvironment environment : environments) {
      byEnvironment.put(environment.environment(), environment);
    }
    return new Connection(
        UUID.randomUUID(),
        "org",
        "orders",
        "Orders",
        integration.id(),
        Visibility.ORGANIZATION,
        "modeler",
        1,
        NOW,
        "modeler",
        NOW,
        "modeler",
        byEnvironment,
        List.of(),
        false);
  }
}
