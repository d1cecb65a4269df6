package dev.flowconnections.environment;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** The stages a connection holds credentials for. A runtime serves exactly one of them. */
public enum Environment {
  DEVELOPMENT("Development"),
  QA("QA"),
  STAGING("Staging"),
  PRODUCTION("Production");

  private final String label;

  Environment(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }

  /** Case-insensitive lookup used for path variables and configuration values. */
  public static Optional<Environment> parse(String value) {
    if (value == null) {
      return Optional.empty();
    }
    String normalized = value.trim().toUpperCase(Locale.ROOT);
    return Arrays.stream(values()).filter(e -> e.name().equals(normalized)).findFirst();
  }
}
