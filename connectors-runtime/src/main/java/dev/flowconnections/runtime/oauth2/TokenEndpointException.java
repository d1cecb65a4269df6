package dev.flowconnections.runtime.oauth2;

/**
 * The token endpoint did not issue a token. The message is safe to show: it carries the OAuth2
 * error code and the server's description with every credential masked, never a secret.
 */
public class TokenEndpointException extends RuntimeException {

  /** Whether asking again later can help. */
  public enum Kind {
    /**
     * The server answered with an OAuth2 error (wrong client secret, revoked refresh token, ...).
     */
    REJECTED,
    /** No usable answer: unreachable, timed out, 5xx, 429 or not a token response. */
    UNAVAILABLE
  }

  private final Kind kind;
  private final String error;

  public TokenEndpointException(Kind kind, String error, String message) {
    super(message);
    this.kind = kind;
    this.error = error;
  }

  public Kind kind() {
    return kind;
  }

  /** The OAuth2 error code, e.g. {@code invalid_client}; null when the server sent none. */
  public String error() {
    return error;
  }
}
