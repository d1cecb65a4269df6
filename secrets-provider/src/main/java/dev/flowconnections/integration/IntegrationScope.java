package dev.flowconnections.integration;

/**
 * SYSTEM integrations are provided by the platform; ORGANIZATION ones by an organization's admins.
 */
public enum IntegrationScope {
  SYSTEM,
  ORGANIZATION
}
