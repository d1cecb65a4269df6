package dev.flowconnections.resolution;

import dev.flowconnections.environment.Environment;

/**
 * The environment this runtime serves and the organization its jobs belong to. Workers and the
 * SecretProvider resolve connections only for this environment.
 */
public record RuntimeEnvironment(Environment environment, String organizationId) {

  /** Camunda reports the default tenant as "" (to connectors) or "<default>" (in records). */
  public String organizationFor(String tenantId) {
    return tenantId == null || tenantId.isBlank() || "<default>".equals(tenantId) ? organizationId : tenantId;
  }
}
