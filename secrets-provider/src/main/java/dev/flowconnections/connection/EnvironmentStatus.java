package dev.flowconnections.connection;

/**
 * Whether a connection can be used in an environment, derived from the integration's field schema
 * and configuration. Only CONFIGURED resolves; each other status is one way the resolver refuses.
 */
public enum EnvironmentStatus {
  /** Every required credential field is set. */
  CONFIGURED,
  /**
   * Credentials saved, but the integration (configured per environment) has no configuration for
   * this environment: the resolver refuses it until an administrator adds one.
   */
  INTEGRATION_NOT_CONFIGURED,
  /** Saved once, but a required field is missing (e.g. the integration's auth scheme changed). */
  INCOMPLETE,
  /** OAuth2 authorization code: client credentials saved, but nobody has used "Connect" yet. */
  NEEDS_AUTHORIZATION,
  /** OAuth2 authorization code: the authorization server refused a refresh; "Connect" again. */
  NEEDS_REAUTHORIZATION,
  /** No credentials saved for the environment. */
  NOT_CONFIGURED
}
