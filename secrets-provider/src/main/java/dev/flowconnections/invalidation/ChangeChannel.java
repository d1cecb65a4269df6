package dev.flowconnections.invalidation;

import java.util.regex.Pattern;

/**
 * The PostgreSQL notification channel on which runtime instances announce committed changes. The
 * name goes into {@code LISTEN} unquoted, so it is restricted to a plain lower-case identifier.
 */
public record ChangeChannel(String name) {

  public static final String DEFAULT = "flow_connections_changes";

  private static final Pattern IDENTIFIER = Pattern.compile("[a-z_][a-z0-9_]{0,62}");

  public ChangeChannel {
    if (name == null || !IDENTIFIER.matcher(name).matches()) {
      throw new IllegalArgumentException(
          "flow-connections.resolution.invalidation.channel must be a lower-case SQL identifier"
              + " (letters, digits, underscore; at most 63 characters), got '"
              + name
              + "'");
    }
  }
}
