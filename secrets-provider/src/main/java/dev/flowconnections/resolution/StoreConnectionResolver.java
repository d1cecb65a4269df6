package dev.flowconnections.resolution;

import dev.flowconnections.connection.Connection;
import dev.flowconnections.connection.ConnectionEnvironment;
import dev.flowconnections.connection.ConnectionRepository;
import dev.flowconnections.connection.EnvironmentStatuses;
import dev.flowconnections.credential.CredentialLocation;
import dev.flowconnections.credential.CredentialStore;
import dev.flowconnections.credential.SecretValues;
import dev.flowconnections.environment.Environment;
import dev.flowconnections.integration.Integration;
import dev.flowconnections.integration.IntegrationRepository;
import dev.flowconnections.secret.OrgSecretRepository;
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
 */
public class StoreConnectionResolver implements ConnectionResolver {

  private final ConnectionRepository connections;
  private final IntegrationRepository integrations;
  private final CredentialStore credentials;
  private final OrgSecretRepository orgSecrets;

  public StoreConnectionResolver(
      ConnectionRepository connections,
      IntegrationRepository integrations,
      CredentialStore credentials,
      OrgSecretRepository orgSecrets) {
    this.connections = connections;
    this.integrations = integrations;
    this.credentials = credentials;
    this.orgSecrets = orgSecrets;
  }

  @Override
  public ResolvedConnection resolve(String organizationId, String connectionKey, Environment environment) {
    Connection connection =
        connections
            .findByKey(organizationId, connectionKey)
            .orElseThrow(() -> new ConnectionResolutionException("connection '" + connectionKey + "' does not exist"));
    Integration integration =
        integrations
            .find(organizationId, connection.integrationId())
            .orElseThrow(() -> new ConnectionResolutionException(
                "connection '" + connectionKey + "' refers to a deleted integration"));
    ConnectionEnvironment stored = connection.environments().get(environment);
    if (stored == null) {
      throw new ConnectionResolutionException(
          "connection '" + connectionKey + "' has no credentials for " + environment);
    }
    List<String> missing = EnvironmentStatuses.missingFields(stored, integration);
    if (!missing.isEmpty()) {
      throw new ConnectionResolutionException(
          "connection '" + connectionKey + "' is incomplete for " + environment + ": missing " + missing);
    }
    Map<String, Object> config =
        integration
            .config()
            .forEnvironment(integration.configMode(), environment)
            .orElseThrow(() -> new ConnectionResolutionException(
                "integration '" + integration.name() + "' of connection '" + connectionKey
                    + "' has no configuration for " + environment));

    SecretValues secrets = SecretValues.empty();
    if (!stored.secretFieldsSet().isEmpty()) {
      secrets =
          credentials
              .read(new CredentialLocation(organizationId, connection.id(), connection.key(), environment))
              .orElseThrow(() -> new ConnectionResolutionException(
                  "credentials of connection '" + connectionKey + "' for " + environment
                      + " are missing from the " + credentials.name() + " credential store"));
    }
    Map<String, Object> settings = new LinkedHashMap<>(config);
    settings.putAll(stored.settings());
    Set<String> orgSecretValues = new HashSet<>(); // masked wherever they appear, whatever field held them
    return new ResolvedConnection(
        connection.key(),
        integration.name(),
        integration.type(),
        integration.authScheme(),
        environment,
        expand(settings, organizationId, connectionKey, environment, orgSecretValues),
        SecretValues.of(expand(secrets.asMap(), organizationId, connectionKey, environment, orgSecretValues)),
        organizationId,
        orgSecretValues);
  }

  private Map<String, Object> expand(Map<String, Object> values, String organizationId, String connectionKey,
      Environment environment, Set<String> used) {
    Map<String, Object> result = new LinkedHashMap<>();
    values.forEach((field, value) -> {
      try {
        if (value instanceof String s) {
          result.put(field, expandOne(s, organizationId, used));
        } else if (value instanceof Map<?, ?> map) {
          Map<String, String> entries = new LinkedHashMap<>();
          map.forEach((k, v) -> entries.put(String.valueOf(k), expandOne(String.valueOf(v), organizationId, used)));
          result.put(field, entries);
        } else {
          result.put(field, value);
        }
      } catch (SecretReferences.UnknownSecretException e) {
        throw new ConnectionResolutionException(
            "field '" + field + "' of connection '" + connectionKey + "' in " + environment
                + " references unknown secret '" + e.key() + "'");
      }
    });
    return result;
  }

  private String expandOne(String value, String organizationId, Set<String> used) {
    return SecretReferences.expand(value, key -> {
      var secret = orgSecrets.value(organizationId, key);
      secret.ifPresent(used::add);
      return secret;
    });
  }
}
