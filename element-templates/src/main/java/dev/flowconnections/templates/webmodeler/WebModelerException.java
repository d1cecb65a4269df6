package dev.flowconnections.templates.webmodeler;

import java.net.http.HttpTimeoutException;

/**
 * A call to Web Modeler or its token endpoint that failed. The message names the call and the
 * answer, never a header or a request body, so it is meant to be logged.
 */
public class WebModelerException extends Exception {

  private final boolean stopsPush;

  WebModelerException(String message, boolean stopsPush, Throwable cause) {
    super(message, cause);
    this.stopsPush = stopsPush;
  }

  /**
   * Whether every further call would fail the same way (unreachable, timed out, no valid token), so
   * the rest of the push is skipped instead of waiting for one timeout per template.
   */
  public boolean stopsPush() {
    return stopsPush;
  }

  /** Web Modeler answered with an error status. 401/403 concern the client, not one file. */
  static WebModelerException rejected(String call, int status, String detail) {
    boolean client = status == 401 || status == 403;
    return new WebModelerException(
        call + " answered " + status + (detail.isEmpty() ? "" : ": " + detail), client, null);
  }

  /** The token endpoint refused the client credentials or failed: no call can be made. */
  static WebModelerException tokenRefused(int status, String oauthError) {
    return new WebModelerException(
        "token request answered " + status + (oauthError.isEmpty() ? "" : ": " + oauthError),
        true,
        null);
  }

  /** The token endpoint answered, but with no usable token: no call can be made either. */
  static WebModelerException tokenUnusable(String what) {
    return new WebModelerException("token request answered unexpectedly: " + what, true, null);
  }

  /** No answer at all: connection refused, timeout, interrupted. */
  static WebModelerException unreachable(String call, Exception cause) {
    String reason =
        cause instanceof HttpTimeoutException
            ? "timed out"
            : cause.getClass().getSimpleName()
                + (cause.getMessage() == null ? "" : ": " + cause.getMessage());
    return new WebModelerException(call + " did not complete: " + reason, true, cause);
  }

  /** An answer that is not what the documented API returns. */
  static WebModelerException unexpected(String call, String what) {
    return new WebModelerException(call + " answered unexpectedly: " + what, false, null);
  }
}
