package dev.flowconnections.connection;

import dev.flowconnections.environment.Environment;
import java.time.Instant;
import java.util.Map;
import java.util.Set;

/**
 * What is known about one environment of a connection without touching the credential store: its
 * non-secret settings (e.g. a username), the names of the secret fields that hold a value, and the
 * result of the last connection test, if any. {@code oauth2} says who authorised an OAuth2
 * authorization-code environment and whether it must be authorised again; {@code null} otherwise.
 */
public record ConnectionEnvironment(
    Environment environment,
    Map<String, Object> settings,
    Set<String> secretFieldsSet,
    Instant updatedAt,
    String updatedBy,
    EnvironmentTestResult lastTest,
    OAuth2Authorization oauth2) {

  public ConnectionEnvironment {
    settings = Map.copyOf(settings);
    secretFieldsSet = Set.copyOf(secretFieldsSet);
  }

  public ConnectionEnvironment(
      Environment environment,
      Map<String, Object> settings,
      Set<String> secretFieldsSet,
      Instant updatedAt,
      String updatedBy,
      EnvironmentTestResult lastTest) {
    this(environment, settings, secretFieldsSet, updatedAt, updatedBy, lastTest, null);
  }

  /** A freshly saved environment: untested. */
  public ConnectionEnvironment(
      Environment environment,
      Map<String, Object> settings,
      Set<String> secretFieldsSet,
      Instant updatedAt,
      String updatedBy) {
    this(environment, settings, secretFieldsSet, updatedAt, updatedBy, null);
  }
}
