package dev.flowconnections.sample.support;

import dev.flowconnections.access.Actor;
import dev.flowconnections.access.Role;
import dev.flowconnections.connection.ConnectionDraft;
import dev.flowconnections.connection.ConnectionService;
import dev.flowconnections.connection.ConnectionView;
import dev.flowconnections.connection.Visibility;
import dev.flowconnections.environment.Environment;
import dev.flowconnections.fields.FieldCatalog;
import dev.flowconnections.integration.AuthScheme;
import dev.flowconnections.integration.ConfigMode;
import dev.flowconnections.integration.Integration;
import dev.flowconnections.integration.IntegrationDraft;
import dev.flowconnections.integration.IntegrationFilter;
import dev.flowconnections.integration.IntegrationScope;
import dev.flowconnections.integration.IntegrationService;
import dev.flowconnections.integration.IntegrationType;
import dev.flowconnections.secret.OrgSecretService;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Creates integrations, connections, credentials and org secrets through the domain services, as an
 * administrator of the default organization (the one jobs of the default tenant belong to). Names
 * and keys are unique per call, so tests sharing the database never collide.
 */
public final class ConnectionsFixture {

  public static final Actor ADMIN = new Actor("e2e-admin", "default", Set.of(Role.ADMIN));
  private static final AtomicInteger SEQUENCE = new AtomicInteger();

  private final IntegrationService integrations;
  private final ConnectionService connections;
  private final OrgSecretService orgSecrets;
  private final String prefix;

  public ConnectionsFixture(
      IntegrationService integrations,
      ConnectionService connections,
      OrgSecretService orgSecrets,
      String prefix) {
    this.integrations = integrations;
    this.connections = connections;
    this.orgSecrets = orgSecrets;
    this.prefix = prefix;
  }

  /** A REST API integration and a connection of it; returns the connection. */
  public ConnectionView restConnection(AuthScheme scheme, Map<String, Object> integrationConfig) {
    return connection(IntegrationType.REST_API, scheme, integrationConfig);
  }

  /**
   * An integration of {@code type}, configured the same for all environments, and a connection of
   * it.
   */
  public ConnectionView connection(
      IntegrationType type, AuthScheme scheme, Map<String, Object> integrationConfig) {
    int n = SEQUENCE.incrementAndGet();
    UUID integrationId =
        integrations
            .create(
                ADMIN,
                new IntegrationDraft(
                    prefix + " " + type.label() + " " + n,
                    null,
                    null,
                    type,
                    IntegrationScope.ORGANIZATION,
                    ConfigMode.SAME_FOR_ALL,
                    scheme,
                    null,
                    null,
                    integrationConfig,
                    null,
                    null))
            .id();
    String key = prefix.toLowerCase(Locale.ROOT) + "-" + n;
    return connections.create(
        ADMIN,
        new ConnectionDraft(
            integrationId, prefix + " connection " + n, key, Visibility.ORGANIZATION, null));
  }

  /**
   * A connection of the System catalogue's integration {@code name} (seeded at the runtime's
   * start), as a user makes one in the wizard: nothing typed but its name.
   */
  public ConnectionView catalogueConnection(String name) {
    Integration entry =
        integrations
            .list(ADMIN, new IntegrationFilter(name, null, IntegrationScope.SYSTEM))
            .stream()
            .filter(i -> i.name().equals(name))
            .findFirst()
            .orElseThrow(() -> new AssertionError("the System catalogue has no " + name));
    int n = SEQUENCE.incrementAndGet();
    return connections.create(
        ADMIN,
        new ConnectionDraft(
            entry.id(),
            prefix + " connection " + n,
            prefix.toLowerCase(Locale.ROOT) + "-" + n,
            Visibility.ORGANIZATION,
            null));
  }

  /**
   * An OpenAI integration at {@code baseUrl} (a local stand-in), default model gpt-4.1-mini, and a
   * connection with a Development key.
   */
  public ConnectionView openAiConnection(String baseUrl, String developmentKey) {
    ConnectionView connection =
        connection(
            IntegrationType.AI_PROVIDER,
            AuthScheme.BEARER,
            Map.of(
                "provider",
                "OPENAI",
                FieldCatalog.BASE_URL,
                baseUrl,
                "defaultModel",
                "gpt-4.1-mini"));
    credentials(connection, Environment.DEVELOPMENT, Map.of(FieldCatalog.TOKEN, developmentKey));
    return connection;
  }

  public void credentials(
      ConnectionView connection, Environment environment, Map<String, Object> fields) {
    connections.putEnvironment(ADMIN, connection.connection().id(), environment, fields, null);
  }

  /** Creates or rotates an org secret; returns its key. */
  public String orgSecret(String key, String value) {
    orgSecrets.put(ADMIN, key, value);
    return key;
  }
}
