package dev.flowconnections.integration;

import java.time.Instant;
import java.util.UUID;

/** An admin-defined blueprint for a kind of external system. Holds no secret values. */
public record Integration(
    UUID id,
    String organizationId,
    String name,
    String description,
    String domainVertical,
    IntegrationType type,
    IntegrationScope scope,
    ConfigMode configMode,
    AuthScheme authScheme,
    LifecycleStatus status,
    String openApiSpecUrl,
    IntegrationConfig config,
    long version,
    Instant createdAt,
    String createdBy,
    Instant updatedAt,
    String updatedBy) {

  /** This integration with another OpenAPI document URL, e.g. the one an import fetched. */
  public Integration withOpenApiSpecUrl(String url) {
    return new Integration(
        id,
        organizationId,
        name,
        description,
        domainVertical,
        type,
        scope,
        configMode,
        authScheme,
        status,
        url,
        config,
        version,
        createdAt,
        createdBy,
        updatedAt,
        updatedBy);
  }
}
