package dev.flowconnections.integration;

import dev.flowconnections.environment.Environment;
import java.util.Map;

/**
 * What an admin submits to create or update an integration. With SAME_FOR_ALL, {@code config} holds
 * the settings; with PER_ENVIRONMENT, {@code environments} does. {@code version} is required on
 * update and ignored on create.
 */
public record IntegrationDraft(
    String name,
    String description,
    String domainVertical,
    IntegrationType type,
    IntegrationScope scope,
    ConfigMode configMode,
    AuthScheme authScheme,
    LifecycleStatus status,
    String openApiSpecUrl,
    Map<String, Object> config,
    Map<Environment, EnvironmentConfigDraft> environments,
    Long version) {

  /** One environment tab: its own values, optionally on top of a copy of another environment. */
  public record EnvironmentConfigDraft(Environment copyFrom, Map<String, Object> values) {}
}
