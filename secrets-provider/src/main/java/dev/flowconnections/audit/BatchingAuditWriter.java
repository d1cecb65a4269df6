package dev.flowconnections.audit;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Records the connection reads of job workers off the job's thread: {@link #record} only queues the
 * event, a background thread writes queued events in batches. A job never waits for the audit log
 * and never fails because of it: when the database refuses a batch, or the queue is full because it
 * has been unreachable for long, the events are lost and a warning says how many.
 */
public class BatchingAuditWriter implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(BatchingAuditWriter.class);

  private final AuditRepository repository;
  private final BlockingQueue<AuditEvent> queue;
  private final int batchSize;
  private final Thread thread;
  private final AtomicLong dropped = new AtomicLong();
  private final AtomicLong lost = new AtomicLong();
  private final AtomicLong written = new AtomicLong();

  /** Queued or being written: the writer is idle when it is 0. */
  private final AtomicLong pending = new AtomicLong();

  private volatile boolean running = true;

  public BatchingAuditWriter(AuditRepository repository, int capacity, int batchSize) {
    this.repository = repository;
    this.queue = new ArrayBlockingQueue<>(capacity);
    this.batchSize = batchSize;
    this.thread = new Thread(this::loop, "audit-log-writer");
    this.thread.setDaemon(true);
    this.thread.start();
  }

  /** Queues the event; never blocks and never throws. */
  public void record(AuditEvent event) {
    pending.incrementAndGet();
    if (!queue.offer(event)) {
      pending.decrementAndGet();
      long count = dropped.incrementAndGet();
      if (count == 1 || count % 1000 == 0) {
        log.warn("audit log queue is full: {} connection read event(s) dropped so far", count);
      }
    }
  }

  /**
   * Waits until every event queued so far has been written (or given up); for tests and shutdown.
   */
  public boolean awaitIdle(Duration timeout) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (pending.get() > 0) {
      if (System.nanoTime() > deadline) {
        return false;
      }
      Thread.sleep(10);
    }
    return true;
  }

  public long written() {
    return written.get();
  }

  /** Events waiting in the queue now. */
  public int queued() {
    return queue.size();
  }

  /** Events that did not fit into the queue. */
  public long dropped() {
    return dropped.get();
  }

  /** Events that could not be written (database error) or did not fit into the queue. */
  public long lost() {
    return lost.get() + dropped.get();
  }

  private void loop() {
    List<AuditEvent> batch = new ArrayList<>(batchSize);
    while (running || !queue.isEmpty()) {
      try {
        AuditEvent first = queue.poll(200, TimeUnit.MILLISECONDS);
        if (first == null) {
          continue;
        }
        batch.add(first);
        queue.drainTo(batch, batchSize - 1);
        write(batch);
        pending.addAndGet(-batch.size());
      } catch (InterruptedException e) {
        if (!running) {
          break;
        }
      } finally {
        batch.clear();
      }
    }
  }

  private void write(List<AuditEvent> batch) {
    try {
      repository.insertAll(batch);
      written.addAndGet(batch.size());
    } catch (RuntimeException | AssertionError e) {
      // AssertionError: the PostgreSQL driver checks its protocol state with assertions (on under
      // -ea,
      // as in tests) and fails one when the connection is cut mid-statement; the thread must
      // survive it
      lost.addAndGet(batch.size());
      // the events name connections and process instances only, so the cause can be logged as is
      log.warn(
          "audit log: {} connection read event(s) could not be written and are lost: {}",
          batch.size(),
          e.toString());
    }
  }

  /** Writes what is still queued (for a few seconds at most), then stops the thread. */
  @Override
  public void close() throws InterruptedException {
    awaitIdle(Duration.ofSeconds(5));
    running = false;
    thread.interrupt();
    thread.join(Duration.ofSeconds(5).toMillis());
  }
}
