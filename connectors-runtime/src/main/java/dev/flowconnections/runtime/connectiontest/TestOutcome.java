package dev.flowconnections.runtime.connectiontest;

import dev.flowconnections.runtime.worker.JobFailures;
import io.camunda.connector.api.error.ConnectorException;
import java.util.Set;

/**
 * The result of a connection test: whether it worked and a readable reason (never a secret).
 *
 * @param revealsNetwork the message tells how the network beyond the service behaved (refused,
 *     timed out, unknown host, TLS details): a port-scanning oracle if a USER could read it for any
 *     URL an admin defined, so {@link ConnectionTests} shows it to admins only
 */
public record TestOutcome(boolean ok, String message, boolean revealsNetwork) {

  /** Error codes the workers use for "no answer": what a connection attempt met on the way. */
  private static final Set<String> NO_ANSWER =
      Set.of(JobFailures.CONNECTION_FAILED, JobFailures.TIMEOUT);

  public TestOutcome(boolean ok, String message) {
    this(ok, message, false);
  }

  public static TestOutcome succeeded(String message) {
    return new TestOutcome(true, message);
  }

  public static TestOutcome failed(String message) {
    return new TestOutcome(false, message);
  }

  /** No answer from the service: unreachable, refused, timed out. */
  public static TestOutcome unreachable(String message) {
    return new TestOutcome(false, message, true);
  }

  /**
   * A failure thrown by a worker's code, with the (masked) message to show: unreachable when the
   * worker calls it CONNECTION_FAILED / TIMEOUT; an answer (a status such as 503, refused
   * credentials), bad configuration and the network policy's refusal stay readable for everyone.
   */
  public static TestOutcome failed(RuntimeException failure, String message) {
    boolean noAnswer =
        failure instanceof ConnectorException e && NO_ANSWER.contains(e.getErrorCode());
    return new TestOutcome(false, message, noAnswer);
  }
}
