package dev.flowconnections.credential;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The secret fields of one connection environment: a field name maps to a string or, for key-value
 * fields such as custom headers, to a map of strings. {@link #toString()} never shows a value, so
 * an accidental log line or exception message cannot leak one.
 */
public final class SecretValues {

  private static final SecretValues EMPTY = new SecretValues(Map.of());

  private final Map<String, Object> values;

  private SecretValues(Map<String, Object> values) {
    this.values = values;
  }

  public static SecretValues empty() {
    return EMPTY;
  }

  /** Accepts strings and string maps; anything else is a programming error. */
  public static SecretValues of(Map<String, ?> values) {
    Map<String, Object> copy = new LinkedHashMap<>();
    values.forEach(
        (name, value) -> {
          if (value instanceof String s) {
            copy.put(name, s);
          } else if (value instanceof Map<?, ?> map) {
            Map<String, String> entries = new LinkedHashMap<>();
            map.forEach((k, v) -> entries.put(String.valueOf(k), String.valueOf(v)));
            copy.put(name, java.util.Collections.unmodifiableMap(entries));
          } else if (value != null) {
            throw new IllegalArgumentException(
                "secret field '" + name + "' must be a string or a map of strings");
          }
        });
    return new SecretValues(java.util.Collections.unmodifiableMap(copy));
  }

  public Optional<String> text(String field) {
    return values.get(field) instanceof String s ? Optional.of(s) : Optional.empty();
  }

  @SuppressWarnings("unchecked")
  public Optional<Map<String, String>> map(String field) {
    return values.get(field) instanceof Map<?, ?> m
        ? Optional.of((Map<String, String>) m)
        : Optional.empty();
  }

  public Object get(String field) {
    return values.get(field);
  }

  public boolean has(String field) {
    return values.containsKey(field);
  }

  public Collection<String> fieldNames() {
    return values.keySet();
  }

  public Map<String, Object> asMap() {
    return values;
  }

  public boolean isEmpty() {
    return values.isEmpty();
  }

  /** Every individual secret string, for masking them out of responses and messages. */
  public List<String> allValues() {
    return values.values().stream()
        .flatMap(
            v ->
                v instanceof Map<?, ?> m
                    ? m.values().stream().map(String::valueOf)
                    : Stream.of((String) v))
        .toList();
  }

  /**
   * This set with {@code updates} laid over it: a field in {@code updates} replaces the stored one.
   */
  public SecretValues with(Map<String, ?> updates) {
    Map<String, Object> merged = new LinkedHashMap<>(values);
    merged.putAll(updates);
    return of(merged);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof SecretValues other && values.equals(other.values);
  }

  @Override
  public int hashCode() {
    return values.hashCode();
  }

  @Override
  public String toString() {
    return "SecretValues" + values.keySet() + " (values hidden)";
  }
}
