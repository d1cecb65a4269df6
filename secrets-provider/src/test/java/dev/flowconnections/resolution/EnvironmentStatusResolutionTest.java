package dev.flowconnections.resolution;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.flowconnections.connection.ConnectionView;
import dev.flowconnections.connection.EnvironmentStatus;
import dev.flowconnections.connection.Visibility;
import dev.flowconnections.environment.Environment;
import dev.flowconnections.integration.AuthScheme;
import dev.flowconnections.integration.Integration;
import dev.flowconnections.integration.IntegrationDraft;
import dev.flowconnections.integration.IntegrationDraft.EnvironmentConfigDraft;
import dev.flowconnections.scope.RuntimeCaller;
import dev.flowconnections.testsupport.DatabaseTest;
import dev.flowconnections.testsupport.IntegrationDrafts;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The status a connection's card shows for an environment against what the resolver actually does
 * there: only CONFIGURED resolves, and every other status is the reason the resolver refuses.
 */
class EnvironmentStatusResolutionTest extends DatabaseTest {

  @Autowired CachingConnectionResolver resolver;

  @Test
  void configuredResolves() {
    ConnectionView c = connection(modeler, bearerIntegration(), Visibility.ORGANIZATION);
    c = putCredentials(modeler, c, Environment.QA, Map.of("token", "qa-token"));

    assertThat(c.statuses().get(Environment.QA)).isEqualTo(EnvironmentStatus.CONFIGURED);
    assertThat(resolve(c, Environment.QA).requireText("token")).isEqualTo("qa-token");
  }

  @Test
  void notConfiguredIsRefusedForMissingCredentials() {
    ConnectionView c = connection(modeler, bearerIntegration(), Visibility.ORGANIZATION);

    assertThat(c.statuses().get(Environment.STAGING)).isEqualTo(EnvironmentStatus.NOT_CONFIGURED);
    assertThatThrownBy(() -> resolve(c, Environment.STAGING))
        .isInstanceOf(ConnectionResolutionException.class)
        .hasMessageContaining("has no credentials for STAGING");
  }

  @Test
  void aPerEnvironmentIntegrationWithoutTheEnvironmentIsIntegrationNotConfigured() {
    Integration integration =
        integrations.create(
            admin,
            IntegrationDrafts.restPerEnvironment(
                unique("PerEnv"),
                AuthScheme.BEARER,
                Map.of(
                    Environment.DEVELOPMENT,
                    new EnvironmentConfigDraft(
                        null, Map.of("baseUrl", "https://dev.example.com")))));
    ConnectionView created = connection(modeler, integration, Visibility.ORGANIZATION);
    putCredentials(modeler, created, Environment.DEVELOPMENT, Map.of("token", "dev-token"));
    ConnectionView c =
        putCredentials(modeler, created, Environment.PRODUCTION, Map.of("token", "prod-token"));

    // credentials saved for both, but only Development has the integration's configuration
    assertThat(c.statuses().get(Environment.PRODUCTION))
        .isEqualTo(EnvironmentStatus.INTEGRATION_NOT_CONFIGURED);
    assertThat(c.configuredCount()).isEqualTo(1);
    assertThatThrownBy(() -> resolve(c, Environment.PRODUCTION))
        .isInstanceOf(ConnectionResolutionException.class)
        .hasMessageContaining("has no configuration for PRODUCTION");
    assertThat(c.statuses().get(Environment.DEVELOPMENT)).isEqualTo(EnvironmentStatus.CONFIGURED);
    assertThat(resolve(c, Environment.DEVELOPMENT).requireText("token")).isEqualTo("dev-token");
  }

  @Test
  void incompleteIsRefusedNamingTheMissingField() {
    Integration integration = bearerIntegration();
    ConnectionView c = connection(modeler, integration, Visibility.ORGANIZATION);
    putCredentials(modeler, c, Environment.DEVELOPMENT, Map.of("token", "t"));
    integrations.update(
        admin,
        integration.id(),
        new IntegrationDraft(
            integration.name(),
            null,
            null,
            null,
            null,
            null,
            AuthScheme.BASIC,
            null,
            null,
            integration.config().shared(),
            null,
            integration.version()));

    ConnectionView after = connections.get(modeler, c.connection().id());
    assertThat(after.statuses().get(Environment.DEVELOPMENT))
        .isEqualTo(EnvironmentStatus.INCOMPLETE);
    assertThatThrownBy(() -> resolve(after, Environment.DEVELOPMENT))
        .isInstanceOf(ConnectionResolutionException.class)
        .hasMessageContaining("is incomplete for DEVELOPMENT")
        .hasMessageContaining("username");
  }

  private ResolvedConnection resolve(ConnectionView c, Environment environment) {
    return resolver.resolve(ORG, c.connection().key(), environment, RuntimeCaller.UNKNOWN_PROCESS);
  }
}
