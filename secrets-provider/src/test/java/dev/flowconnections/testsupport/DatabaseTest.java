package dev.flowconnections.testsupport;

import dev.flowconnections.access.Actor;
import dev.flowconnections.access.Role;
import dev.flowconnections.connection.ConnectionDraft;
import dev.flowconnections.connection.ConnectionService;
import dev.flowconnections.connection.ConnectionView;
import dev.flowconnections.connection.Visibility;
import dev.flowconnections.environment.Environment;
import dev.flowconnections.integration.AuthScheme;
import dev.flowconnections.integration.Integration;
import dev.flowconnections.integration.IntegrationService;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** Base of tests that need the services on the real database, with helpers to build fixtures. */
@SpringBootTest(classes = SecretsProviderTestApplication.class)
public abstract class DatabaseTest {

  public static final String TEST_MASTER_KEY = "dGVzdC1vbmx5LW1hc3Rlci1rZXktMzItYnl0ZXMhISE=";
  protected static final String ORG = "default";

  protected final Actor admin = new Actor("admin", ORG, Set.of(Role.ADMIN));
  protected final Actor superAdmin = new Actor("root", ORG, Set.of(Role.SUPER_ADMIN));
  protected final Actor modeler = new Actor("modeler", ORG, Set.of(Role.USER));
  protected final Actor otherUser = new Actor("other", ORG, Set.of(Role.USER));

  @Autowired protected IntegrationService integrations;
  @Autowired protected ConnectionService connections;

  @DynamicPropertySource
  static void database(DynamicPropertyRegistry registry) {
    PostgresTestSchema.register(registry);
    registry.add("flow-connections.environment", () -> "PRODUCTION");
    registry.add("flow-connections.encryption.master-key", () -> TEST_MASTER_KEY);
    // as the Flow Connections runtime: Flyway migrates the test schema (another runtime only
    // validates)
    registry.add("flow-connections.schema.mode", () -> "migrate");
  }

  /** A unique suffix, since all tests of a JVM share one schema. */
  protected static String unique(String name) {
    return name + " " + UUID.randomUUID().toString().substring(0, 8);
  }

  protected Integration restIntegration(AuthScheme scheme, Map<String, Object> config) {
    return integrations.create(
        admin, IntegrationDrafts.restSameForAll(unique("REST"), "test", scheme, config));
  }

  protected Integration bearerIntegration() {
    return restIntegration(AuthScheme.BEARER, Map.of("baseUrl", "https://api.example.com"));
  }

  protected ConnectionView connection(Actor actor, Integration integration, Visibility visibility) {
    return connections.create(
        actor, new ConnectionDraft(integration.id(), unique("Conn"), null, visibility, null));
  }

  /** {@code actor} writes {@code fields} to one environment of {@code connection}, unversioned. */
  protected ConnectionView putCredentials(
      Actor actor, ConnectionView connection, Environment environment, Map<String, Object> fields) {
    return connections.putEnvironment(
        actor, connection.connection().id(), environment, fields, null);
  }
}
