package dev.flowconnections.connection;

import dev.flowconnections.environment.Environment;
import dev.flowconnections.fields.FieldCatalog;
import dev.flowconnections.fields.FieldValidator;
import dev.flowconnections.integration.Integration;
import dev.flowconnections.oauth2.OAuth2Grants;
import dev.flowconnections.oauth2.StoredTokens;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Derives whether each environment of a connection can be used, from the names of the stored fields
 * and the integration's current schema and settings: a later change of the auth scheme or provider
 * can make a saved environment incomplete, and a per-environment integration without a
 * configuration for the environment makes it unusable. It checks in the order {@link
 * dev.flowconnections.resolution.StoreConnectionResolver} does, so a status other than CONFIGURED
 * names the reason the resolver gives (EnvironmentStatusResolutionTest).
 */
public final class EnvironmentStatuses {

  private EnvironmentStatuses() {}

  public static Map<Environment, EnvironmentStatus> of(
      Connection connection, Integration integration) {
    Map<Environment, EnvironmentStatus> result = new EnumMap<>(Environment.class);
    for (Environment env : Environment.values()) {
      ConnectionEnvironment stored = connection.environments().get(env);
      if (stored == null) {
        result.put(env, EnvironmentStatus.NOT_CONFIGURED);
      } else if (integration.config().forEnvironment(integration.configMode(), env).isEmpty()) {
        // checked in the resolver's order: saved credentials, then the integration's configuration
        result.put(env, EnvironmentStatus.INTEGRATION_NOT_CONFIGURED);
      } else {
        result.put(
            env,
            missingFields(stored, integration).isEmpty()
                ? authorizationStatus(stored, integration)
                : EnvironmentStatus.INCOMPLETE);
      }
    }
    return result;
  }

  /**
   * CONFIGURED, unless an OAuth2 authorization-code environment still lacks a user's authorisation.
   */
  private static EnvironmentStatus authorizationStatus(
      ConnectionEnvironment stored, Integration integration) {
    if (!OAuth2Grants.usesAuthorizationCode(integration, stored.environment())) {
      return EnvironmentStatus.CONFIGURED;
    }
    if (stored.oauth2() != null && stored.oauth2().needsReauthorization()) {
      return EnvironmentStatus.NEEDS_REAUTHORIZATION;
    }
    return stored.secretFieldsSet().contains(StoredTokens.REFRESH_TOKEN)
            || stored.secretFieldsSet().contains(StoredTokens.ACCESS_TOKEN)
        ? EnvironmentStatus.CONFIGURED
        : EnvironmentStatus.NEEDS_AUTHORIZATION;
  }

  /** Required credential fields the stored environment lacks. */
  public static List<String> missingFields(ConnectionEnvironment stored, Integration integration) {
    Set<String> present = new HashSet<>(stored.secretFieldsSet());
    present.addAll(stored.settings().keySet());
    return FieldValidator.missing(
        FieldCatalog.schemaFor(integration.type(), integration.authScheme()).connectionFields(),
        present,
        integrationSettings(integration, stored.environment()));
  }

  /** The integration's settings for the environment; empty where it has none. */
  public static Map<String, Object> integrationSettings(
      Integration integration, Environment environment) {
    return integration
        .config()
        .forEnvironment(integration.configMode(), environment)
        .orElse(Map.of());
  }
}
