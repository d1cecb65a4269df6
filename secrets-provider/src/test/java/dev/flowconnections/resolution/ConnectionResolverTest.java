package dev.flowconnections.resolution;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.flowconnections.connection.ConnectionView;
import dev.flowconnections.connection.Visibility;
import dev.flowconnections.environment.Environment;
import dev.flowconnections.integration.AuthScheme;
import dev.flowconnections.integration.Integration;
import dev.flowconnections.integration.IntegrationDraft.EnvironmentConfigDraft;
import dev.flowconnections.scope.RuntimeCaller;
import dev.flowconnections.secret.OrgSecretService;
import dev.flowconnections.testsupport.DatabaseTest;
import dev.flowconnections.testsupport.IntegrationDrafts;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

class ConnectionResolverTest extends DatabaseTest {

  @Autowired CachingConnectionResolver resolver;
  @Autowired OrgSecretService secrets;

  @Test
  void resolvesExactlyTheRequestedEnvironment() {
    ConnectionView c = connection(modeler, bearerIntegration(), Visibility.ORGANIZATION);
    put(c, Environment.DEVELOPMENT, Map.of("token", "dev-token"));
    put(c, Environment.PRODUCTION, Map.of("token", "prod-token"));

    ResolvedConnection prod =
        resolver.resolve(ORG, key(c), Environment.PRODUCTION, RuntimeCaller.UNKNOWN_PROCESS);
    ResolvedConnection dev =
        resolver.resolve(ORG, key(c), Environment.DEVELOPMENT, RuntimeCaller.UNKNOWN_PROCESS);

    assertThat(prod.requireText("token")).isEqualTo("prod-token");
    assertThat(prod.requireText("baseUrl")).isEqualTo("https://api.example.com");
    assertThat(dev.requireText("token")).isEqualTo("dev-token");
    assertThat(prod.toString()).doesNotContain("prod-token");
  }

  @Test
  void neverFallsBackToAnotherEnvironment() {
    ConnectionView c = connection(modeler, bearerIntegration(), Visibility.ORGANIZATION);
    put(c, Environment.DEVELOPMENT, Map.of("token", "dev-token"));

    assertThatThrownBy(
            () ->
                resolver.resolve(
                    ORG, key(c), Environment.PRODUCTION, RuntimeCaller.UNKNOWN_PROCESS))
        .isInstanceOf(ConnectionResolutionException.class)
        .hasMessage("connection '" + key(c) + "' has no credentials for PRODUCTION");
    assertThatThrownBy(
            () ->
                resolver.resolve(
                    ORG,
                    "no-such-connection",
                    Environment.PRODUCTION,
                    RuntimeCaller.UNKNOWN_PROCESS))
        .hasMessage("connection 'no-such-connection' does not exist");
  }

  @Test
  void aPerEnvironmentIntegrationWithoutThatEnvironmentFailsClosed() {
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
    ConnectionView c = connection(modeler, integration, Visibility.ORGANIZATION);
    put(c, Environment.PRODUCTION, Map.of("token", "prod-token"));

    assertThatThrownBy(
            () ->
                resolver.resolve(
                    ORG, key(c), Environment.PRODUCTION, RuntimeCaller.UNKNOWN_PROCESS))
        .hasMessageContaining("has no configuration for PRODUCTION");
  }

  @Test
  void expandsSecretReferencesAndNamesUnknownKeys() {
    String secretKey = "STRIPE_" + System.nanoTime();
    secrets.put(admin, secretKey, "sk-live-from-secret");
    ConnectionView c = connection(modeler, bearerIntegration(), Visibility.ORGANIZATION);
    put(c, Environment.PRODUCTION, Map.of("token", "Bearer-ish @@SECRET:" + secretKey + "@@"));
    put(c, Environment.QA, Map.of("token", "@@SECRET:MISSING_KEY@@"));

    assertThat(productionToken(c)).isEqualTo("Bearer-ish sk-live-from-secret");
    assertThatThrownBy(
            () -> resolver.resolve(ORG, key(c), Environment.QA, RuntimeCaller.UNKNOWN_PROCESS))
        .isInstanceOf(ConnectionResolutionException.class)
        .hasMessageContaining("unknown secret 'MISSING_KEY'")
        .hasMessageContaining("'token'");
  }

  @Test
  void theNextResolutionSeesACredentialUpdate() {
    ConnectionView c = connection(modeler, bearerIntegration(), Visibility.ORGANIZATION);
    put(c, Environment.PRODUCTION, Map.of("token", "old-token"));
    assertThat(productionToken(c)).isEqualTo("old-token");

    put(c, Environment.PRODUCTION, Map.of("token", "new-token"));

    assertThat(productionToken(c)).isEqualTo("new-token");
  }

  @Test
  void aRotatedOrgSecretIsSeenByTheNextResolution() {
    String secretKey = "ROTATE_" + System.nanoTime();
    secrets.put(admin, secretKey, "v1");
    ConnectionView c = connection(modeler, bearerIntegration(), Visibility.ORGANIZATION);
    put(c, Environment.PRODUCTION, Map.of("token", "@@SECRET:" + secretKey + "@@"));
    assertThat(productionToken(c)).isEqualTo("v1");

    secrets.put(admin, secretKey, "v2");

    assertThat(productionToken(c)).isEqualTo("v2");
  }

  private void put(ConnectionView c, Environment env, Map<String, Object> fields) {
    connections.putEnvironment(modeler, c.connection().id(), env, fields, null);
  }

  private static String key(ConnectionView c) {
    return c.connection().key();
  }

  /** The token of {@code c} in PRODUCTION, as a process the runtime cannot name resolves it. */
  private String productionToken(ConnectionView c) {
    return resolver
        .resolve(ORG, key(c), Environment.PRODUCTION, RuntimeCaller.UNKNOWN_PROCESS)
        .requireText("token");
  }
}
