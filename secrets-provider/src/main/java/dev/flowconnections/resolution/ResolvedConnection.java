package dev.flowconnections.resolution;

import dev.flowconnections.credential.SecretValues;
import dev.flowconnections.environment.Environment;
import dev.flowconnections.integration.AuthScheme;
import dev.flowconnections.integration.IntegrationType;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Everything a worker needs to call the external system in one environment: non-secret settings
 * (integration configuration overlaid by the connection's own settings) and the secret values, with
 * every {@code @@SECRET:KEY@@} already expanded. {@link #toString()} shows no value.
 *
 * <p>{@code organizationId} names the organization the connection was resolved in; it is {@code
 * null} for connections built outside a store (tests), which then cannot write anything back (e.g.
 * refreshed OAuth2 tokens).
 *
 * <p>{@code orgSecretValues} are the values of the org secrets that {@code @@SECRET:KEY@@}
 * references expanded into this connection, whatever field (secret or not) held them: a non-secret
 * {@code username} set to {@code @@SECRET:DB_USER@@} is as secret as the org secret, so maskers
 * mask these like {@link #secrets}.
 */
public record ResolvedConnection(
    String key,
    String integrationName,
    IntegrationType type,
    AuthScheme authScheme,
    Environment environment,
    Map<String, Object> settings,
    SecretValues secrets,
    String organizationId,
    Set<String> orgSecretValues) {

  public ResolvedConnection {
    settings = Map.copyOf(settings);
    orgSecretValues = orgSecretValues == null ? Set.of() : Set.copyOf(orgSecretValues);
  }

  /** A connection whose fields reference no org secret. */
  public ResolvedConnection(
      String key,
      String integrationName,
      IntegrationType type,
      AuthScheme authScheme,
      Environment environment,
      Map<String, Object> settings,
      SecretValues secrets,
      String organizationId) {
    this(
        key,
        integrationName,
        type,
        authScheme,
        environment,
        settings,
        secrets,
        organizationId,
        Set.of());
  }

  /** A connection not resolved from a store (no organization). */
  public ResolvedConnection(
      String key,
      String integrationName,
      IntegrationType type,
      AuthScheme authScheme,
      Environment environment,
      Map<String, Object> settings,
      SecretValues secrets) {
    this(key, integrationName, type, authScheme, environment, settings, secrets, null, Set.of());
  }

  /** A text field from the secrets or, failing that, the settings. */
  public Optional<String> text(String field) {
    Optional<String> secret = secrets.text(field);
    if (secret.isPresent()) {
      return secret;
    }
    Object value = settings.get(field);
    return value == null || value instanceof Map<?, ?>
        ? Optional.empty()
        : Optional.of(String.valueOf(value));
  }

  /** A text field that must be present; its absence is a configuration error naming the field. */
  public String requireText(String field) {
    return text(field).orElseThrow(() -> missing(field));
  }

  /**
   * A map field of the secrets (e.g. custom headers) that must be present; its absence is a
   * configuration error naming the field.
   */
  public Map<String, String> requireSecretMap(String field) {
    return secrets.map(field).orElseThrow(() -> missing(field));
  }

  private ConnectionResolutionException missing(String field) {
    return new ConnectionResolutionException(
        "connection '" + key + "' has no value for '" + field + "' in " + environment);
  }

  @Override
  public String toString() {
    return "ResolvedConnection[key="
        + key
        + ", type="
        + type
        + ", auth="
        + authScheme
        + ", environment="
        + environment
        + ", settings="
        + settings.keySet()
        + ", secrets="
        + secrets
        + "]";
  }
}
