package dev.flowconnections.resolution;

import dev.flowconnections.environment.Environment;
import java.util.Map;

/**
 * The environment this runtime serves and which organization a job belongs to. Workers and the
 * SecretProvider resolve connections only for this environment, and only among the connections of
 * the job's organization: a job of one tenant never sees another tenant's connection, even under
 * the same key.
 *
 * @param organizationId the organization of jobs of the default tenant
 * @param tenantOrganizations tenant id to organization id where they differ; any other tenant
 *     belongs to the organization of its own name
 */
public record RuntimeEnvironment(
    Environment environment, String organizationId, Map<String, String> tenantOrganizations) {

  public RuntimeEnvironment {
    tenantOrganizations = Map.copyOf(tenantOrganizations);
  }

  /** A runtime whose tenants are named like their organizations. */
  public RuntimeEnvironment(Environment environment, String organizationId) {
    this(environment, organizationId, Map.of());
  }

  /** Camunda reports the default tenant as "" (to connectors) or "<default>" (in records). */
  public String organizationFor(String tenantId) {
    if (tenantId == null || tenantId.isBlank() || "<default>".equals(tenantId)) {
      return organizationId;
    }
    return tenantOrganizations.getOrDefault(tenantId, tenantId);
  }
}
