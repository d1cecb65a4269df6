package dev.flowconnections.connection;

import dev.flowconnections.environment.Environment;
import java.time.Instant;
import java.util.Map;
import java.util.Set;

/**
 * What is known about one environment of a connection without touching the credential store: its
 * non-secret settings (e.g. a username), the names of the secret fields that hold a value, and the
 * result of the last connection test, if any.
 */
public record ConnectionEnvironment(
    Environment environment,
    Map<String, Object> settings,
    Set<String> secretFieldsSet,
    Instant updatedAt,
    String updatedBy,
    EnvironmentTestResult lastTest) {

  public ConnectionEnvironment {
    settings = Map.copyOf(settings);
    secretFieldsSet = Set.copyOf(secretFieldsSet);
  }

  /** A freshly saved environment: untested. */
  public ConnectionEnvironment(
      Environment environment, Map<String, Object> settings, Set<String> secretFieldsSet, Instant updatedAt, String updatedBy) {
    this(environment, settings, secretFieldsSet, updatedAt, updatedBy, null);
  }
}
