package dev.flowconnections.runtime.connectiontest;

import dev.flowconnections.access.Actor;
import dev.flowconnections.connection.ConnectionEnvironment;
import dev.flowconnections.connection.ConnectionService;
import dev.flowconnections.connection.ConnectionView;
import dev.flowconnections.connection.EnvironmentTestResult;
import dev.flowconnections.environment.Environment;
import dev.flowconnections.errors.ConflictException;
import dev.flowconnections.errors.ValidationException;
import dev.flowconnections.resolution.ConnectionResolutionException;
import dev.flowconnections.resolution.ConnectionResolver;
import dev.flowconnections.resolution.ResolvedConnection;
import dev.flowconnections.runtime.worker.WorkerConnections;
import dev.flowconnections.scope.RuntimeCaller;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;

/**
 * "Test connection" for one environment of a connection the actor can see: resolves it for THAT
 * environment (not the runtime's), runs the first tester that supports it within a time limit,
 * masks the message and records the outcome as the environment's last test.
 */
public class ConnectionTests implements DisposableBean {

  /**
   * What a USER reads when the detail would describe the network (see {@link
   * TestOutcome#revealsNetwork}).
   */
  public static final String NO_ANSWER =
      "the service did not answer (unreachable, refused or timed out); an admin who runs the test sees the detail";

  private static final Logger log = LoggerFactory.getLogger(ConnectionTests.class);

  private final ConnectionService connections;
  private final ConnectionResolver resolver;
  private final List<ConnectionTester> testers;
  private final Duration timeout;
  private final ExecutorService executor =
      Executors.newCachedThreadPool(
          r -> {
            Thread thread = new Thread(r, "connection-test");
            thread.setDaemon(true);
            return thread;
          });

  public ConnectionTests(
      ConnectionService connections,
      ConnectionResolver resolver,
      List<ConnectionTester> testers,
      Duration timeout) {
    this.connections = connections;
    this.resolver = resolver;
    this.testers = List.copyOf(testers);
    this.timeout = timeout;
  }

  /** Runs the test and records it; answers what a caller of the Java API needs: ok and message. */
  public TestOutcome test(Actor actor, UUID connectionId, Environment environment) {
    EnvironmentTestResult result = run(actor, connectionId, environment);
    return new TestOutcome(result.ok(), result.message());
  }

  /**
   * Runs the test and records it as the environment's last test.
   *
   * @return what the API answers and the connection shows as {@code lastTest}: ok, message, when,
   *     by whom
   * @throws ConflictException when the environment has no credentials
   * @throws ValidationException when no tester serves the connection's type
   */
  public EnvironmentTestResult run(Actor actor, UUID connectionId, Environment environment) {
    ConnectionView view = connections.get(actor, connectionId);
    String key = view.connection().key();
    ConnectionEnvironment stored = view.connection().environments().get(environment);
    if (stored == null) {
      throw new ConflictException(
          "environment", "connection '" + key + "' has no credentials for " + environment);
    }
    ResolvedConnection connection;
    try {
      // run by a person who can see the connection (checked above), not by a process: not
      // process-scoped
      connection = resolver.resolve(actor.organizationId(), key, environment, RuntimeCaller.PERSON);
    } catch (ConnectionResolutionException e) {
      // e.g. a required field missing, an unknown @@SECRET@@: a failed test the user can act on
      return record(actor, connectionId, stored, TestOutcome.failed(e.getMessage()));
    }
    ConnectionTester tester =
        testers.stream()
            .filter(t -> t.supports(connection))
            .findFirst()
            .orElseThrow(
                () ->
                    new ValidationException(
                        "type",
                        view.integration().type().label() + " connections cannot be tested yet"));
    TestOutcome outcome = runWithin(tester, connection);
    String message = WorkerConnections.maskerFor(connection).mask(outcome.message());
    if (!outcome.revealsNetwork()) {
      return record(actor, connectionId, stored, new TestOutcome(outcome.ok(), message));
    }
    // How the network answered (refused, timed out, TLS of an internal host) is for admins only:
    // lastTest, which every user reads, keeps the generic message; an admin's answer has the
    // detail.
    log.info(
        "connection test of '{}' in {} by {}: {}", key, environment, actor.username(), message);
    EnvironmentTestResult kept = record(actor, connectionId, stored, TestOutcome.failed(NO_ANSWER));
    return actor.isAdmin()
        ? new EnvironmentTestResult(kept.ok(), message, kept.testedAt(), kept.testedBy())
        : kept;
  }

  private EnvironmentTestResult record(
      Actor actor, UUID connectionId, ConnectionEnvironment tested, TestOutcome outcome) {
    return connections.recordTest(
        actor,
        connectionId,
        tested.environment(),
        tested.updatedAt(),
        outcome.ok(),
        outcome.message());
  }

  private TestOutcome runWithin(ConnectionTester tester, ResolvedConnection connection) {
    Future<TestOutcome> running = executor.submit(() -> tester.test(connection));
    try {
      return running.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
    } catch (TimeoutException e) {
      running.cancel(true);
      return TestOutcome.unreachable("no answer within " + timeout.toSeconds() + " s");
    } catch (ExecutionException e) {
      return TestOutcome.failed("the test failed: " + e.getCause().getClass().getSimpleName());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return TestOutcome.failed("interrupted");
    }
  }

  @Override
  public void destroy() {
    executor.shutdownNow();
  }
}
