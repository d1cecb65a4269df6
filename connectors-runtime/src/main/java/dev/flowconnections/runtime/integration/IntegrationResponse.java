package dev.flowconnections.runtime.integration;

import dev.flowconnections.environment.Environment;
import dev.flowconnections.integration.AuthScheme;
import dev.flowconnections.integration.ConfigMode;
import dev.flowconnections.integration.Integration;
import dev.flowconnections.integration.IntegrationScope;
import dev.flowconnections.integration.IntegrationType;
import dev.flowconnections.integration.LifecycleStatus;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/**
 * An integration as the API shows it. {@code config} is set for SAME_FOR_ALL, {@code environments}
 * for PER_ENVIRONMENT; a "copyFrom" was applied when saved, so environments show their own values.
 * Integrations hold no secret values: credentials live in connections. {@code hidden} (only ever
 * true for super admins, who alone see hidden ones) is changed by {@code PUT .../hidden}.
 */
record IntegrationResponse(
    UUID id,
    String name,
    String description,
    String domainVertical,
    IntegrationType type,
    String typeLabel,
    IntegrationScope scope,
    ConfigMode configMode,
    AuthScheme authScheme,
    LifecycleStatus status,
    String openApiSpecUrl,
    Map<String, Object> config,
    Map<Environment, Map<String, Object>> environments,
    long version,
    Instant createdAt,
    String createdBy,
    Instant updatedAt,
    String updatedBy,
    boolean hidden) {

  static IntegrationResponse of(Integration i) {
    boolean shared = i.configMode() == ConfigMode.SAME_FOR_ALL;
    return new IntegrationResponse(
        i.id(),
        i.name(),
        i.description(),
        i.domainVertical(),
        i.type(),
        i.type().label(),
        i.scope(),
        i.configMode(),
        i.authScheme(),
        i.status(),
        i.openApiSpecUrl(),
        shared ? i.config().shared() : null,
        shared ? null : i.config().environments(),
        i.version(),
        i.createdAt(),
        i.createdBy(),
        i.updatedAt(),
        i.updatedBy(),
        i.hidden());
  }
}
