package dev.flowconnections.runtime.worker;

import dev.flowconnections.resolution.ResolvedConnection;
import io.camunda.connector.api.error.ConnectorException;
import io.camunda.connector.api.error.ConnectorInputException;
import io.camunda.connector.api.error.ConnectorRetryException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The one failure vocabulary of all workers (docs/workers/failures.md). The connector runtime turns
 * what a worker throws into the job's fate, and the same cause ends the same way in every worker:
 *
 * <ul>
 *   <li><b>retried</b> ({@link ConnectorRetryException}): no answer ({@link #unreachable}, {@link
 *       #timeout}), an overloaded or failing provider ({@link #unavailable}: 429 and 5xx, waiting
 *       what its {@code Retry-After} asks), an unavailable credential store;
 *   <li><b>incident at once</b> ({@link ConnectorInputException}): the provider refused the
 *       connection's credentials ({@link #credentialsRejected}), bad input, no credentials for the
 *       runtime's environment — retrying the same job cannot help. Problems of the connection
 *       rather than of the input are a {@link ConnectionProblem}: they stay incidents when the job
 *       is an AI agent's tool, whose other failures go back to the model ({@link
 *       AgentToolFailures});
 *   <li><b>coded answer</b> ({@link #rejected}): the provider understood and said no; the code lets
 *       an {@code errorExpression} turn it into a BPMN error, otherwise it is retried down to an
 *       incident like any failure.
 * </ul>
 *
 * Messages become incident messages, so they go through the connection's {@link SecretMasker}; no
 * cause is attached, because the runtime logs causes with their messages, and a provider's message
 * may quote a request that carried a credential.
 */
public final class JobFailures {

  public static final String TIMEOUT = "TIMEOUT";
  public static final String CONNECTION_FAILED = "CONNECTION_FAILED";
  public static final String CREDENTIAL_STORE_UNAVAILABLE = "CREDENTIAL_STORE_UNAVAILABLE";

  /** A provider may ask for a long pause; longer than this and the job's own backoff is wiser. */
  static final Duration MAX_RETRY_AFTER = Duration.ofMinutes(10);

  private JobFailures() {}

  /** No answer at all: refused or reset connection, unknown host, failed TLS handshake. Retried. */
  public static ConnectorRetryException unreachable(
      String what, Throwable cause, SecretMasker masker) {
    return unreachable(what, describe(cause), masker);
  }

  /** As {@link #unreachable(String, Throwable, SecretMasker)}, with the reason already worded. */
  public static ConnectorRetryException unreachable(
      String what, String reason, SecretMasker masker) {
    return retry(CONNECTION_FAILED, masker.mask(what + " failed: " + reason), null);
  }

  /** Connected, but no answer in time. Retried (the modeller's retries bound repeated sends). */
  public static ConnectorRetryException timeout(String what, SecretMasker masker) {
    return retry(TIMEOUT, masker.mask("timed out waiting for " + what), null);
  }

  /** HTTP 429 or 5xx: the provider may serve the same request later; code = the status. */
  public static boolean isUnavailable(int status) {
    return status == 429 || status >= 500 && status <= 599;
  }

  /**
   * The provider is overloaded or failing ({@link #isUnavailable}). Retried after what its {@code
   * Retry-After} asks (seconds; capped at {@link #MAX_RETRY_AFTER}), else after the job's own
   * backoff.
   */
  public static ConnectorRetryException unavailable(
      int status, String message, Optional<String> retryAfter, SecretMasker masker) {
    return retry(String.valueOf(status), masker.mask(message), retryAfter(retryAfter));
  }

  /** The credential store did not answer; the same job succeeds once it is back. */
  public static ConnectorRetryException credentialStoreUnavailable(
      String connectionKey, String reason) {
    return retry(
        CREDENTIAL_STORE_UNAVAILABLE,
        "credentials of connection '" + connectionKey + "' cannot be read right now: " + reason,
        null);
  }

  /**
   * The provider refused the connection's credentials. Retrying with the same ones cannot help, so
   * this is an incident at once, telling the user which connection and environment to fix.
   */
  public static ConnectionProblem credentialsRejected(
      String provider, ResolvedConnection connection, String detail, SecretMasker masker) {
    return new ConnectionProblem(
        masker.mask(
            provider
                + " rejected the credentials of connection '"
                + connection.key()
                + "' in "
                + connection.environment()
                + " ("
                + detail
                + ")"));
  }

  /**
   * A problem of the connection's settings (not of the task's input), e.g. a base URL that is no
   * URL: an incident at once, also when the job is an AI agent's tool ({@link ConnectionProblem}).
   */
  public static ConnectionProblem connectionProblem(String message) {
    return new ConnectionProblem(message);
  }

  /** A provider's answer other than success; the code lets an errorExpression tell cases apart. */
  public static ConnectorException rejected(String errorCode, String message, SecretMasker masker) {
    return new ConnectorException(errorCode, masker.mask(message));
  }

  /**
   * As {@link #rejected(String, String, SecretMasker)}, with variables an errorExpression can read.
   */
  public static ConnectorException rejected(
      String errorCode, String message, Map<String, Object> variables, SecretMasker masker) {
    return new io.camunda.connector.api.error.ConnectorExceptionBuilder()
        .errorCode(errorCode)
        .message(masker.mask(message))
        .errorVariables(variables)
        .build();
  }

  /**
   * The innermost cause with a message says what went wrong ("Connection refused"); outer ones only
   * wrap it. Without any message (the JDK's HTTP client: a ConnectException over a
   * ClosedChannelException) the outermost and innermost kinds say it.
   */
  public static String describe(Throwable failure) {
    List<Throwable> chain = new ArrayList<>();
    for (Throwable t = failure; t != null && !chain.contains(t); t = t.getCause()) {
      chain.add(t);
    }
    for (Throwable t : chain.reversed()) {
      if (t.getMessage() != null && !t.getMessage().isBlank()) {
        return t.getClass().getSimpleName() + ": " + t.getMessage();
      }
    }
    String outer = failure.getClass().getSimpleName();
    String root = chain.getLast().getClass().getSimpleName();
    return outer.equals(root) ? root : outer + " (" + root + ")";
  }

  /**
   * Retry-After in seconds (the form providers send); null (the job's backoff) for a date or
   * nonsense.
   */
  static Duration retryAfter(Optional<String> header) {
    return header
        .map(String::strip)
        .filter(v -> v.matches("\\d{1,6}"))
        .map(v -> Duration.ofSeconds(Long.parseLong(v)))
        .map(d -> d.compareTo(MAX_RETRY_AFTER) > 0 ? MAX_RETRY_AFTER : d)
        .orElse(null);
  }

  private static ConnectorRetryException retry(String code, String message, Duration backoff) {
    return ConnectorRetryException.builder()
        .errorCode(code)
        .message(message)
        .backoffDuration(backoff)
        .build();
  }
}
