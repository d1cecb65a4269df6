package dev.flowconnections.invalidation;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One dedicated connection per runtime instance that {@code LISTEN}s on the change channel and
 * hands every notification to the {@link ChangeHandler}. It waits in the driver for notifications
 * (no query per job, only a liveness check after a quiet spell), reconnects with backoff when the
 * connection is lost, and after every (re)connect tells the handler that changes may have been
 * missed, because notifications sent while nobody listened are gone.
 */
public final class ChangeListener implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(ChangeListener.class);
  private static final int WAIT_MILLIS = 250;
  private static final Duration LIVENESS_CHECK_AFTER = Duration.ofSeconds(30);
  private static final Duration MIN_BACKOFF = Duration.ofMillis(100);
  private static final Duration MAX_BACKOFF = Duration.ofSeconds(5);

  private final ListenerConnectionFactory connections;
  private final ChangeChannel channel;
  private final ChangeHandler handler;
  private final AtomicLong connects = new AtomicLong();
  private volatile boolean running;
  private volatile int backendPid = -1;
  private Thread thread;

  public ChangeListener(
      ListenerConnectionFactory connections, ChangeChannel channel, ChangeHandler handler) {
    this.connections = connections;
    this.channel = channel;
    this.handler = handler;
  }

  public synchronized void start() {
    if (running) {
      return;
    }
    running = true;
    thread =
        Thread.ofPlatform()
            .daemon()
            .name("flow-connections-change-listener")
            .start(this::listenUntilClosed);
  }

  @Override
  public synchronized void close() {
    running = false;
    if (thread != null) {
      try {
        thread.join(Duration.ofSeconds(2));
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }

  /**
   * How many times a connection was established and listening (1 after start, more after losses).
   */
  public long connects() {
    return connects.get();
  }

  /** Backend process id of the current listening connection, or -1 while disconnected. */
  public int backendPid() {
    return backendPid;
  }

  private void listenUntilClosed() {
    Duration backoff = MIN_BACKOFF;
    while (running) {
      try (Connection connection = connections.open()) {
        listen(connection);
        backoff = MIN_BACKOFF;
        receive(connection.unwrap(PGConnection.class), connection);
      } catch (SQLException | RuntimeException e) {
        backendPid = -1;
        if (!running) {
          break;
        }
        LOG.warn(
            "Change listener on channel {} lost its connection ({}); reconnecting in {} ms",
            channel.name(),
            e.getMessage(),
            backoff.toMillis());
        sleep(backoff);
        backoff =
            backoff.multipliedBy(2).compareTo(MAX_BACKOFF) > 0
                ? MAX_BACKOFF
                : backoff.multipliedBy(2);
      }
    }
    backendPid = -1;
  }

  private void listen(Connection connection) throws SQLException {
    connection.setAutoCommit(true);
    try (Statement statement = connection.createStatement()) {
      statement.execute("LISTEN " + channel.name());
    }
    backendPid = connection.unwrap(PGConnection.class).getBackendPID();
    // Only now are we sure to hear of later changes; whatever happened before may be cached stale.
    handler.changesMayHaveBeenMissed();
    if (connects.incrementAndGet() > 1) {
      LOG.info(
          "Change listener reconnected on channel {}; dropped all cached connections",
          channel.name());
    }
  }

  private void receive(PGConnection pg, Connection connection) throws SQLException {
    long quietSince = System.nanoTime();
    while (running) {
      PGNotification[] notifications = pg.getNotifications(WAIT_MILLIS);
      if (notifications != null && notifications.length > 0) {
        for (PGNotification notification : notifications) {
          if (channel.name().equals(notification.getName())) {
            deliver(notification.getParameter());
          }
        }
        quietSince = System.nanoTime();
      } else if (System.nanoTime() - quietSince > LIVENESS_CHECK_AFTER.toNanos()) {
        // a silently dropped TCP connection would otherwise look like a quiet channel forever
        if (!connection.isValid(5)) {
          throw new SQLException("listener connection is no longer valid");
        }
        quietSince = System.nanoTime();
      }
    }
  }

  private void deliver(String organizationId) {
    try {
      handler.organizationChanged(organizationId);
    } catch (RuntimeException e) {
      LOG.warn(
          "Change handler failed for an organization change; dropping all cached connections", e);
      handler.changesMayHaveBeenMissed();
    }
  }

  private static void sleep(Duration duration) {
    try {
      Thread.sleep(duration);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
