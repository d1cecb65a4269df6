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
}
