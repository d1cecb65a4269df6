package dev.flowconnections.runtime.sql;

import com.zaxxer.hikari.HikariDataSource;
import com.zaxxer.hikari.HikariPoolMXBean;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Closes pools that are no longer handed out, once the jobs still using them are done. Closing a
 * HikariCP pool at once aborts the sessions in use, which would fail a job that merely overlapped
 * an edit of some other connection of the organization; so a retired pool first closes its idle
 * sessions, then the busy ones as they are returned, and is closed when none is left in use or, at
 * the latest, after the grace period.
 */
final class PoolRetirement implements AutoCloseable {

  private static final long CHECK_EVERY_MILLIS = 200;

  private final Duration grace;

  /** Retired pools and the System.nanoTime() after which they are closed even if still in use. */
  private final Map<HikariDataSource, Long> retiring = new ConcurrentHashMap<>();

  private final ScheduledExecutorService sweeper =
      Executors.newSingleThreadScheduledExecutor(
          r -> {
            Thread thread = new Thread(r, "fc-sql-pool-retirement");
            thread.setDaemon(true);
            return thread;
          });

  /**
   * @param grace longer than any statement may run, so that only a stuck session is cut off
   */
  PoolRetirement(Duration grace) {
    this.grace = grace;
    sweeper.scheduleWithFixedDelay(
        this::sweep, CHECK_EVERY_MILLIS, CHECK_EVERY_MILLIS, TimeUnit.MILLISECONDS);
  }

  void retire(HikariDataSource pool) {
    HikariPoolMXBean state = pool.getHikariPoolMXBean();
    if (state != null) {
      state.softEvictConnections();
    }
    retiring.put(pool, System.nanoTime() + grace.toNanos());
    sweep();
  }

  /** Pools retired but not closed yet: their jobs are still running. */
  int retiringCount() {
    return retiring.size();
  }

  /** Shutdown: whatever is still running is cut off now. */
  @Override
  public void close() {
    sweeper.shutdownNow();
    retiring.keySet().forEach(HikariDataSource::close);
    retiring.clear();
  }

  private void sweep() {
    long now = System.nanoTime();
    retiring.forEach(
        (pool, deadline) -> {
          HikariPoolMXBean state = pool.getHikariPoolMXBean();
          if (state == null || state.getActiveConnections() == 0 || now - deadline > 0) {
            pool.close();
            retiring.remove(pool);
          }
        });
  }
}
