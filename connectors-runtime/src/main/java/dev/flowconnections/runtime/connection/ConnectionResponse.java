package dev.flowconnections.runtime.connection;

import dev.flowconnections.connection.Connection;
import dev.flowconnections.connection.ConnectionEnvironment;
import dev.flowconnections.connection.ConnectionView;
import dev.flowconnections.connection.EnvironmentStatus;
import dev.flowconnections.connection.EnvironmentTestResult;
import dev.flowconnections.connection.OAuth2Authorization;
import dev.flowconnections.connection.Visibility;
import dev.flowconnections.environment.Environment;
import dev.flowconnections.fields.FieldCatalog;
import dev.flowconnections.fields.FieldDefinition;
import dev.flowconnections.fields.FieldSchema;
import dev.flowconnections.integration.AuthScheme;
import dev.flowconnections.integration.Integration;
import dev.flowconnections.integration.IntegrationType;
import java.time.Instant;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * A connection card with its credential grid. Built only from the connection's rows, never from the
 * credential store: a secret field shows {@code {"set": true|false}} and nothing else.
 */
record ConnectionResponse(
    UUID id,
    String key,
    String name,
    IntegrationSummary integration,
    Visibility visibility,
    String owner,
    List<String> allowedProcesses,
    boolean allowedInProduction,
    long version,
    CredentialStatus credentialStatus,
    Map<Environment, EnvironmentCredentials> environments,
    Instant createdAt,
    String createdBy,
    Instant updatedAt,
    String updatedBy) {

  record IntegrationSummary(
      UUID id,
      String name,
      IntegrationType type,
      String typeLabel,
      AuthScheme authScheme,
      String domainVertical) {}

  record CredentialStatus(long configured, int total, long failing, String label) {

    static CredentialStatus of(ConnectionView view) {
      long configured = view.configuredCount();
      long failing = view.failingCount();
      int total = Environment.values().length;
      String label =
          configured
              + " of "
              + total
              + " environments configured"
              + (failing > 0 ? ", " + failing + " failing" : "");
      return new CredentialStatus(configured, total, failing, label);
    }
  }

  /**
   * @param oauth2 who authorised an OAuth2 authorization-code environment and when, and why it
   *     needs re-authorisation; absent otherwise. Never a token.
   */
  record EnvironmentCredentials(
      EnvironmentStatus status,
      Map<String, Object> fields,
      Instant updatedAt,
      String updatedBy,
      EnvironmentTestResult lastTest,
      OAuth2Authorization oauth2) {}

  static ConnectionResponse of(ConnectionView view) {
    Connection c = view.connection();
    Integration i = view.integration();
    FieldSchema schema = FieldCatalog.schemaFor(i.type(), i.authScheme());
    Map<Environment, EnvironmentCredentials> environments = new EnumMap<>(Environment.class);
    for (Environment env : Environment.values()) {
      ConnectionEnvironment stored = c.environments().get(env);
      environments.put(
          env,
          new EnvironmentCredentials(
              view.statuses().get(env),
              fields(schema, stored),
              stored == null ? null : stored.updatedAt(),
              stored == null ? null : stored.updatedBy(),
              stored == null ? null : stored.lastTest(),
              stored == null ? null : stored.oauth2()));
    }
    return new ConnectionResponse(
        c.id(),
        c.key(),
        c.name(),
        new IntegrationSummary(
            i.id(), i.name(), i.type(), i.type().label(), i.authScheme(), i.domainVertical()),
        c.visibility(),
        c.owner(),
        c.allowedProcesses(),
        c.allowedInProduction(),
        c.version(),
        CredentialStatus.of(view),
        environments,
        c.createdAt(),
        c.createdBy(),
        c.updatedAt(),
        c.updatedBy());
  }

  /**
   * Non-secret settings with their values; every secret field, stored or not, as a set flag only.
   */
  private static Map<String, Object> fields(FieldSchema schema, ConnectionEnvironment stored) {
    Map<String, Object> settings = stored == null ? Map.of() : stored.settings();
    Set<String> secretsSet = stored == null ? Set.of() : stored.secretFieldsSet();
    Map<String, Object> fields = new LinkedHashMap<>();
    // settings are non-secret when written; checking the current schema again costs nothing
    settings.forEach(
        (name, value) -> {
          if (!schema.connectionField(name).map(FieldDefinition::secret).orElse(false)) {
            fields.put(name, value);
          }
        });
    schema.connectionFields().stream()
        .filter(FieldDefinition::secret)
        .forEach(f -> fields.put(f.name(), Map.of("set", secretsSet.contains(f.name()))));
    secretsSet.forEach(name -> fields.putIfAbsent(name, Map.of("set", true)));
    return fields;
  }
}
