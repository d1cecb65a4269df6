package dev.flowconnections.integration;

/** List filters of the integrations page: free-text search, type and scope; null means "any". */
public record IntegrationFilter(String search, IntegrationType type, IntegrationScope scope) {

  public static IntegrationFilter all() {
    return new IntegrationFilter(null, null, null);
  }
}
