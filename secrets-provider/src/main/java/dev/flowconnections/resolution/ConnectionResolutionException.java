package dev.flowconnections.resolution;

/**
 * A connection cannot be used in the requested environment because of how it is configured: unknown
 * key, no credentials for the environment, unknown secret reference. Retrying does not help, so
 * jobs raise an incident at once. The message names keys and fields, never values.
 */
public class ConnectionResolutionException extends RuntimeException {

  /** Why the connection cannot be used; the resolution metrics count by it. */
  public enum Reason {
    /** No connection with the key in the organization. */
    NOT_FOUND,
    /** The connection has no (or incomplete) credentials for the environment. */
    NO_CREDENTIALS,
    /** Anything else: deleted integration, missing configuration, unknown secret reference. */
    UNUSABLE
  }

  private final Reason reason;

  public ConnectionResolutionException(String message) {
    this(Reason.UNUSABLE, message);
  }

  public ConnectionResolutionException(Reason reason, String message) {
    super(message);
    this.reason = reason;
  }

  public Reason reason() {
    return reason;
  }
}
