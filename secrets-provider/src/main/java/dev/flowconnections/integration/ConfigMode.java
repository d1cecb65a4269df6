package dev.flowconnections.integration;

/**
 * Whether an integration's non-secret configuration is shared by all environments or per
 * environment.
 */
public enum ConfigMode {
  SAME_FOR_ALL,
  PER_ENVIRONMENT
}
