package dev.flowconnections.resolution;

import dev.flowconnections.connection.Connection;
import dev.flowconnections.connection.ConnectionEnvironment;
import dev.flowconnections.connection.ConnectionRepository;
import dev.flowconnections.connection.EnvironmentStatuses;
import dev.flowconnections.credential.CredentialLocation;
import dev.flowconnections.credential.CredentialStore;
import dev.flowconnections.credential.JoinableCredentialStore;
import dev.flowconnections.credential.SecretValues;
import dev.flowconnections.environment.Environment;
import dev.flowconnections.integration.Integration;
import dev.flowconnections.integration.IntegrationRepository;
import dev.flowconnections.scope.ProcessScope;
import dev.flowconnections.scope.ProcessScopeException;
import dev.flowconnections.scope.RuntimeCaller;
import dev.flowconnections.secret.OrgSecretValues;
import dev.flowconnections.secret.SecretReferences;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Builds a {@link ResolvedConnection} for exactly the requested environment. There is no fallback:
 * a connection without credentials for PRODUCTION fails in PRODUCTION, whatever other environments
 * hold. Uncached; see {@link CachingConnectionResolver}.
 *
 * <p>Its database inputs (connection with the environment's row, integration, PostgreSQL credential
 * row) come from one statement ({@link ResolutionInputsReader}); the credential row is opened only
 * after the process scope check, and only when the store keeps the location's secrets in it ({@link
 * JoinableCredentialStore#joinable}); otherwise (Vault) the store is read.
 */
public class StoreConnectionResolver implements ConnectionResolver {

  private final ResolutionInputsReader inputs;
  private final CredentialStore credentials;
  private final OrgSecretValues orgSecrets;

  public StoreConnectionResolver(
      ConnectionRepository connections,
      IntegrationRepository integrations,
      CredentialStore credentials,
      OrgSecretValues orgSecrets) {
    this.inputs = new ResolutionInputsReader(connections, integrations);
    this.credentials = credentials;
    this.orgSecrets = orgSecrets;
  }

  @Override
  public ResolvedConnection resolve(
      String organizationId, String connectionKey, Environment environment, RuntimeCaller caller) {
    ResolutionInputs read =
        inputs
            .read(organizationId, connectionKey, environment)
            .orElseThrow(
                () ->
                    new ConnectionResolutionException(
                        ConnectionResolutionException.Reason.NOT_FOUND,
                        "connection '" + connectionKey + "' does not exist"));
    Connection connection = read.connection();
    // before anything is decrypted or used
    ProcessScope.checkConnection(connection, environment, caller);
    Integration integration =
        read.integration()
            .orElseThrow(
                () ->
                    new ConnectionResolutionException(
                        "connection '" + connectionKey + "' refers to a deleted integration"));
    ConnectionEnvironment stored = connection.environments().get(environment);
    if (stored == null) {
      throw new ConnectionResolutionException(
          ConnectionResolutionException.Reason.NO_CREDENTIALS,
          "connection '" + connectionKey + "' has no credentials for " + environment);
    }
    Map<String, Object> config =
        integration
            .config()
            .forEnvironment(integration.configMode(), environment)
            .orElseThrow(
                () ->
                    new ConnectionResolutionException(
                        "integration '"
                            + integration.name()
                            + "' of connection '"
                            + connectionKey
                            + "' has no configuration for "
                            + environment));
    // after the configuration: required fields may depend on it (EnvironmentStatuses, same order)
    List<String> missing = EnvironmentStatuses.missingFields(stored, integration);
    if (!missing.isEmpty()) {
      throw new ConnectionResolutionException(
          ConnectionResolutionException.Reason.NO_CREDENTIALS,
          "connection '"
              + connectionKey
              + "' is incomplete for "
              + environment
              + ": missing "
              + missing);
    }

    SecretValues secrets = SecretValues.empty();
    if (!stored.secretFieldsSet().isEmpty()) {
      CredentialLocation location =
          new CredentialLocation(organizationId, connection.id(), connection.key(), environment);
      // the joined row only where the store keeps this location's secrets in it (not Vault)
      secrets =
          (credentials instanceof JoinableCredentialStore joinable && joinable.joinable(location)
                  ? joinable.open(location, read.credentialRow())
                  : credentials.read(location))
              .orElseThrow(
                  () ->
                      new ConnectionResolutionException(
                          "credentials of connection '"
                              + connectionKey
                              + "' for "
                              + environment
                              + " are missing from the "
                              + credentials.name()
                              + " credential store"));
    }
    Map<String, Object> settings = new LinkedHashMap<>(config);
    settings.putAll(stored.settings());
    SecretExpansion expansion =
        new SecretExpansion(organizationId, connectionKey, environment, caller);
    return new ResolvedConnection(
        connection.key(),
        integration.name(),
        integration.type(),
        integration.authScheme(),
        environment,
        expansion.expand(settings),
        SecretValues.of(expansion.expand(secrets.asMap())),
        organizationId,
        expansion.used());
  }

  /**
   * Expands the {@code @@SECRET:KEY@@} references of one resolution. Each referenced org secret is
   * checked against the caller (the secret's own scope, not the connection's), and every value put
   * in is remembered, so that it is masked wherever it appears, whatever field held it.
   */
  private final class SecretExpansion {

    private final String organizationId;
    private final String connectionKey;
    private final Environment environment;
    private final RuntimeCaller caller;
    private final Set<String> used = new HashSet<>();

    SecretExpansion(
        String organizationId,
        String connectionKey,
        Environment environment,
        RuntimeCaller caller) {
      this.organizationId = organizationId;
      this.connectionKey = connectionKey;
      this.environment = environment;
      this.caller = caller;
    }

    Set<String> used() {
      return used;
    }

    Map<String, Object> expand(Map<String, Object> values) {
      Map<String, Object> result = new LinkedHashMap<>();
      values.forEach(
          (field, value) -> {
            try {
              if (value instanceof String s) {
                result.put(field, expandOne(s));
              } else if (value instanceof Map<?, ?> map) {
                Map<String, String> entries = new LinkedHashMap<>();
                map.forEach((k, v) -> entries.put(String.valueOf(k), expandOne(String.valueOf(v))));
                result.put(field, entries);
              } else {
                result.put(field, value);
              }
            } catch (SecretReferences.UnknownSecretException e) {
              throw new ConnectionResolutionException(
                  "field '"
                      + field
                      + "' of connection '"
                      + connectionKey
                      + "' in "
                      + environment
                      + " references unknown secret '"
                      + e.key()
                      + "'");
            } catch (ProcessScopeException e) {
              throw new ProcessScopeException(
                  "secret '"
                      + e.subjectKey()
                      + "' (referenced by field '"
                      + field
                      + "' of connection '"
                      + connectionKey
                      + "') may not be used by "
                      + caller.describe(),
                  e.subject(),
                  e.subjectKey());
            }
          });
      return result;
    }

    private String expandOne(String value) {
      return SecretReferences.expand(
          value,
          key -> {
            var secret = orgSecrets.value(organizationId, key, caller);
            secret.ifPresent(used::add);
            return secret;
          });
    }
  }
}
