package dev.flowconnections.connection;

/**
 * Whether a connection can be used in an environment, derived from the integration's field schema.
 */
public enum EnvironmentStatus {
  /** Every required credential field is set. */
  CONFIGURED,
  /** Saved once, but a required field is missing (e.g. the integration's auth scheme changed). */
  INCOMPLETE,
  /** OAuth2 authorization code: client credentials saved, but nobody has used "Connect" yet. */
  NEEDS_AUTHORIZATION,
  /** OAuth2 authorization code: the authorization server refused a refresh; "Connect" again. */
  NEEDS_REAUTHORIZATION,
  /** No credentials saved for the environment. */
  NOT_CONFIGURED
}
