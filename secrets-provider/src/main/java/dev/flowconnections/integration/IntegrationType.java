package dev.flowconnections.integration;

/** The kind of external system an integration describes; fixed once the integration exists. */
public enum IntegrationType {
  REST_API("REST API"),
  DATABASE("Database"),
  EMAIL("Email"),
  SMS("SMS"),
  AI_PROVIDER("AI Provider"),
  MCP("MCP"),
  STORAGE("Storage");

  private final String label;

  IntegrationType(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }

  /** Names of the types whose label contains {@code text}, ignoring case and surrounding blanks. */
  public static String[] labelsContaining(String text) {
    String needle = text.trim().toLowerCase(java.util.Locale.ROOT);
    return java.util.Arrays.stream(values())
        .filter(t -> t.label.toLowerCase(java.util.Locale.ROOT).contains(needle))
        .map(Enum::name)
        .toArray(String[]::new);
  }
}
