package dev.flowconnections.integration;

/**
 * List filters of the integrations page: free-text search, type, scope and domain vertical
 * (case-insensitive); null means "any".
 */
public record IntegrationFilter(
    String search, IntegrationType type, IntegrationScope scope, String vertical) {

  public IntegrationFilter(String search, IntegrationType type, IntegrationScope scope) {
    this(search, type, scope, null);
  }

  public static IntegrationFilter all() {
    return new IntegrationFilter(null, null, null, null);
  }
}
