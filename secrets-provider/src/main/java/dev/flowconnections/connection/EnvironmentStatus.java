package dev.flowconnections.connection;

/** Whether a connection can be used in an environment, derived from the integration's field schema. */
public enum EnvironmentStatus {
  /** Every required credential field is set. */
  CONFIGURED,
  /** Saved once, but a required field is missing (e.g. the integration's auth scheme changed). */
  INCOMPLETE,
  /** No credentials saved for the environment. */
  NOT_CONFIGURED
}
