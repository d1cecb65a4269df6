package dev.flowconnections.credential.vault;

import dev.flowconnections.credential.CredentialLocation;
import java.util.regex.Pattern;

/**
 * Where a connection environment's secrets live below the KV mount, e.g. {@code
 * flow-connections/acme/crm-api/PRODUCTION}. Every part must be a plain path segment, so that no
 * organization or key can reach into another one's path.
 */
public final class VaultPathLayout {

  public static final String DEFAULT_PATTERN =
      "flow-connections/{organization}/{connection}/{environment}";

  private static final Pattern SEGMENT = Pattern.compile("[A-Za-z0-9_.@-]+");

  private final String pattern;

  public VaultPathLayout(String pattern) {
    if (pattern == null
        || !pattern.contains("{organization}")
        || !pattern.contains("{environment}")
        || !(pattern.contains("{connection}") || pattern.contains("{connectionId}"))) {
      throw new IllegalArgumentException(
          "flow-connections.store.vault.path-pattern must contain {organization}, {environment} and"
              + " {connection} or {connectionId}, so that no two connection environments share a path");
    }
    if (pattern.startsWith("/") || pattern.endsWith("/")) {
      throw new IllegalArgumentException(
          "flow-connections.store.vault.path-pattern must not start or end with '/'");
    }
    this.pattern = pattern;
  }

  public String pathOf(CredentialLocation location) {
    return pattern
        .replace("{organization}", segment("organization", location.organizationId()))
        .replace("{connectionId}", segment("connection id", location.connectionId().toString()))
        .replace("{connection}", segment("connection key", location.connectionKey()))
        .replace("{environment}", location.environment().name());
  }

  private static String segment(String what, String value) {
    if (value == null
        || !SEGMENT.matcher(value).matches()
        || value.equals(".")
        || value.equals("..")) {
      throw new IllegalArgumentException(
          "the "
              + what
              + " '"
              + value
              + "' cannot be a Vault path segment (allowed: letters, digits, . _ @ -)");
    }
    return value;
  }
}
