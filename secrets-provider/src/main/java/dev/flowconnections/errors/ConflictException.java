package dev.flowconnections.errors;

import java.util.Map;

/**
 * The request is valid but clashes with the current state: a stale version, a duplicate name, an
 * integration still in use. Maps to HTTP 409; {@link #details()} go into the problem body.
 */
public class ConflictException extends RuntimeException {

  private final String field;
  private final Map<String, Object> details;

  public ConflictException(String field, String message, Map<String, Object> details) {
    super(message);
    this.field = field;
    this.details = Map.copyOf(details);
  }

  public ConflictException(String field, String message) {
    this(field, message, Map.of());
  }

  public String field() {
    return field;
  }

  public Map<String, Object> details() {
    return details;
  }

  public static ConflictException staleVersion(String what, long given, long current) {
    return new ConflictException(
        "version",
        what
            + " was changed by someone else: version "
            + given
            + " is stale, current is "
            + current,
        Map.of("currentVersion", current));
  }
}
