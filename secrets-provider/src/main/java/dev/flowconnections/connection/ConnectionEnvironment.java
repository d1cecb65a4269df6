package dev.flowconnections.connection;

import dev.flowconnections.environment.Environment;
import java.time.Instant;
import java.util.Map;
import java.util.Set;

/**
 * What is known about one environment of a connection without touching the credential store: its
 * non-secret settings (e.g. a username) and the names of the secret fields that hold a value.
 */
public record ConnectionEnvironment(
    Environment environment,
    Map<String, Object> settings,
    Set<String> secretFieldsSet,
    Instant updatedAt,
    String updatedBy) {

  public ConnectionEnvironment {
    settings = Map.copyOf(settings);
    secretFieldsSet = Set.copyOf(secretFieldsSet);
  }
}
