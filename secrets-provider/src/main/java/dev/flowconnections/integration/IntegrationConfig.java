package dev.flowconnections.integration;

import dev.flowconnections.environment.Environment;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * An integration's non-secret configuration (base URL, API key header name, token endpoint, ...).
 * With {@link ConfigMode#SAME_FOR_ALL} only {@code shared} is used; with {@link
 * ConfigMode#PER_ENVIRONMENT} only {@code environments}, where an environment may be missing.
 */
public record IntegrationConfig(
    Map<String, Object> shared, Map<Environment, Map<String, Object>> environments) {

  public IntegrationConfig {
    shared = shared == null ? Map.of() : unmodifiable(shared);
    EnumMap<Environment, Map<String, Object>> copy = new EnumMap<>(Environment.class);
    if (environments != null) {
      environments.forEach((env, values) -> copy.put(env, unmodifiable(values)));
    }
    environments = java.util.Collections.unmodifiableMap(copy);
  }

  public static IntegrationConfig sameForAll(Map<String, Object> values) {
    return new IntegrationConfig(values, Map.of());
  }

  public static IntegrationConfig perEnvironment(Map<Environment, Map<String, Object>> values) {
    return new IntegrationConfig(Map.of(), values);
  }

  /** The configuration that applies in {@code environment}, if the integration has one for it. */
  public Optional<Map<String, Object>> forEnvironment(ConfigMode mode, Environment environment) {
    return mode == ConfigMode.SAME_FOR_ALL
        ? Optional.of(shared)
        : Optional.ofNullable(environments.get(environment));
  }

  private static Map<String, Object> unmodifiable(Map<String, Object> values) {
    return java.util.Collections.unmodifiableMap(new LinkedHashMap<>(values));
  }
}
