package dev.flowconnections.integration;

import dev.flowconnections.access.AccessDeniedException;
import dev.flowconnections.access.Actor;
import java.time.Instant;
import java.util.UUID;

/**
 * An admin-defined blueprint for a kind of external system. Holds no secret values. {@code hidden}
 * (set by super admins, on System integrations) keeps it from everyone else's lists and new
 * connections.
 */
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
    String updatedBy,
    boolean hidden) {

  /** A visible integration: what every caller but a super admin's "Hide" creates. */
  public Integration(
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
    this(
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
        openApiSpecUrl,
        config,
        version,
        createdAt,
        createdBy,
        updatedAt,
        updatedBy,
        false);
  }

  /**
   * Raises {@link AccessDeniedException} when {@code actor} may not {@code action} (e.g. "change")
   * this integration because it is a System one, which only super admins own. Admin rights are the
   * caller's own check.
   */
  public void requireChangeableBy(Actor actor, String action) {
    if (scope == IntegrationScope.SYSTEM && !actor.isSuperAdmin()) {
      throw new AccessDeniedException("only super admins may " + action + " System integrations");
    }
  }

  /** Whether {@code actor} is offered this integration: hidden ones only to super admins. */
  public boolean offeredTo(Actor actor) {
    return !hidden || actor.isSuperAdmin();
  }

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
        updatedBy,
        hidden);
  }

  /** This integration as saved by {@code username} at {@code at}: the next version. */
  public Integration savedAsNextVersion(String username, Instant at) {
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
        openApiSpecUrl,
        config,
        version + 1,
        createdAt,
        createdBy,
        at,
        username,
        hidden);
  }
}
