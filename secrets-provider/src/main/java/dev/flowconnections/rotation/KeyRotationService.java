package dev.flowconnections.rotation;

import dev.flowconnections.access.Actor;
import dev.flowconnections.credential.PostgresCredentialStore;
import dev.flowconnections.crypto.EnvelopeCipher;
import dev.flowconnections.crypto.MasterKeyRing;
import dev.flowconnections.crypto.SealedBox;
import dev.flowconnections.crypto.SealedRow;
import dev.flowconnections.crypto.SealedTable;
import dev.flowconnections.secret.OrgSecretRepository;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Re-seals every stored envelope that is not under the active master key: connection credentials
 * and org secrets, in small batches, each its own transaction. A batch locks its rows ({@code for
 * update skip locked}), so a concurrent credential write either waits for the batch or the batch
 * leaves that row for later: neither overwrites the other. Readers never see a row half-rotated
 * (one row update changes key id and envelope together) and old keys keep decrypting.
 *
 * <p>What is left to do is in the data itself (rows whose key id is not the active one), so a run
 * stopped by a restart is resumed by the next instance that starts; only the run record and its
 * per-key progress counts are kept in {@code key_rotation}.
 */
public class KeyRotationService implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(KeyRotationService.class);
  private static final Duration RETRY_AFTER_OUTAGE = Duration.ofSeconds(2);
  private static final Duration WAIT_FOR_LOCKED_ROWS = Duration.ofMillis(100);

  private final JdbcClient jdbc;
  private final TransactionTemplate tx;
  private final TransactionTemplate snapshot;
  private final EnvelopeCipher cipher;
  private final MasterKeyRing keys;
  private final Clock clock;
  private final int batchSize;
  private final Duration batchPause;
  private final RotationRuns runs;
  private final List<SealedTable> tables;
  private final ExecutorService worker =
      Executors.newSingleThreadExecutor(
          r -> Thread.ofPlatform().daemon().name("flow-connections-key-rotation").unstarted(r));
  private volatile boolean closed;
  private Future<?> running;
  private long runningId = -1;

  public KeyRotationService(
      JdbcClient jdbc,
      TransactionTemplate tx,
      EnvelopeCipher cipher,
      MasterKeyRing keys,
      Clock clock,
      int batchSize,
      Duration batchPause) {
    if (batchSize < 1) {
      throw new IllegalArgumentException(
          "flow-connections.encryption.rotation-batch-size must be at least 1");
    }
    this.jdbc = jdbc;
    this.tx = tx;
    // counts and progress from one snapshot, so total = done + remaining even while a batch commits
    this.snapshot = new TransactionTemplate(tx.getTransactionManager());
    snapshot.setIsolationLevel(TransactionDefinition.ISOLATION_REPEATABLE_READ);
    snapshot.setReadOnly(true);
    this.cipher = cipher;
    this.keys = keys;
    this.clock = clock;
    this.batchSize = batchSize;
    this.batchPause = batchPause;
    this.runs = new RotationRuns(jdbc);
    // the tables' own SQL, from the classes that read and write them
    this.tables =
        List.of(PostgresCredentialStore.sealedRows(jdbc), OrgSecretRepository.sealedRows(jdbc));
  }

  /**
   * Starts re-sealing towards the active key in the background, or joins the run already going
   * towards it. Returns at once with the status.
   */
  public RotationStatus start(Actor actor) {
    // one master key serves every organization: an organization's admin must not act on all of them
    actor.requireSuperAdmin("rotate the master key");
    long runId = tx.execute(s -> currentOrNewRun(actor.username()));
    submit(runId);
    return status();
  }

  public RotationStatus status(Actor actor) {
    actor.requireSuperAdmin("view the master key rotation");
    return status();
  }

  /** A run some instance was doing when it stopped is picked up by the next one that starts. */
  @EventListener(ApplicationReadyEvent.class)
  public void resumeInterrupted() {
    RotationRun latest = runs.latest().orElse(null);
    if (latest == null || latest.state() != RotationState.RUNNING) {
      return;
    }
    LOG.info(
        "Resuming the master key rotation to '{}' started by {}",
        latest.targetKeyId(),
        latest.startedBy());
    submit(tx.execute(s -> currentOrNewRun(latest.startedBy())));
  }

  /** Blocks until this instance's current run has ended (tests, the command line). */
  public void awaitIdle(Duration timeout) throws Exception {
    Future<?> current;
    synchronized (this) {
      current = running;
    }
    if (current != null) {
      current.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }
  }

  public RotationStatus status() {
    return snapshot.execute(s -> readStatus());
  }

  private RotationStatus readStatus() {
    RotationRun run = runs.latest().orElse(null);
    Map<String, Long> rows = rowsByKeyId();
    Map<String, Long> done = run == null ? Map.of() : runs.done(run.id());
    Set<String> ids = new TreeSet<>(keys.keyIds());
    ids.addAll(rows.keySet());
    ids.addAll(done.keySet());
    List<KeyProgress> progress = new ArrayList<>();
    List<String> removable = new ArrayList<>();
    List<String> missing = new ArrayList<>();
    long total = 0;
    long doneSum = 0;
    long remaining = 0;
    for (String id : ids) {
      long count = rows.getOrDefault(id, 0L);
      boolean active = id.equals(keys.activeKeyId());
      boolean configured = keys.keyIds().contains(id);
      if (active) {
        progress.add(new KeyProgress(id, true, true, count, null, null, null, false));
        continue;
      }
      long doneForKey = done.getOrDefault(id, 0L);
      boolean canGo = configured && count == 0;
      progress.add(
          new KeyProgress(
              id, false, configured, count, doneForKey + count, doneForKey, count, canGo));
      if (canGo) {
        removable.add(id);
      }
      if (!configured && count > 0) {
        missing.add(id);
      }
      total += doneForKey + count;
      doneSum += doneForKey;
      remaining += count;
    }
    return new RotationStatus(
        keys.activeKeyId(),
        run == null ? RotationState.IDLE : run.state(),
        run == null ? null : run.targetKeyId(),
        run == null ? null : run.message(),
        run == null ? null : run.startedAt(),
        run == null ? null : run.startedBy(),
        run == null ? null : run.updatedAt(),
        run == null ? null : run.finishedAt(),
        total,
        doneSum,
        remaining,
        List.copyOf(progress),
        List.copyOf(removable),
        List.copyOf(missing));
  }

  @Override
  public void close() {
    closed = true;
    worker.shutdownNow();
    try {
      worker.awaitTermination(5, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private long currentOrNewRun(String startedBy) {
    runs.lockStarts();
    RotationRun latest = runs.latest().orElse(null);
    if (latest != null && latest.state() == RotationState.RUNNING) {
      if (latest.targetKeyId().equals(keys.activeKeyId())) {
        return latest.id();
      }
      runs.finish(
          latest.id(),
          RotationState.FAILED,
          "superseded: the active master key is now '" + keys.activeKeyId() + "'",
          clock.instant());
    }
    return runs.insert(keys.activeKeyId(), startedBy, clock.instant());
  }

  private synchronized void submit(long runId) {
    if (closed || (running != null && !running.isDone() && runningId == runId)) {
      return;
    }
    runningId = runId;
    running = worker.submit(() -> run(runId));
  }

  private void run(long runId) {
    List<String> oldKeys =
        keys.keyIds().stream().filter(id -> !id.equals(keys.activeKeyId())).sorted().toList();
    while (!closed && !Thread.currentThread().isInterrupted()) {
      try {
        if (!runs.isRunning(runId)) {
          return; // ended elsewhere: another instance finished it or a newer run replaced it
        }
        int locked = oldKeys.isEmpty() ? 0 : tx.execute(s -> rotateBatch(runId, oldKeys));
        if (locked > 0) {
          pause(batchPause);
          continue;
        }
        Map<String, Long> rows = rowsByKeyId();
        if (oldKeys.stream().anyMatch(id -> rows.getOrDefault(id, 0L) > 0)) {
          pause(WAIT_FOR_LOCKED_ROWS); // rows held by concurrent writes were skipped; try again
          continue;
        }
        finish(runId, rows);
        return;
      } catch (RowNotResealableException e) {
        LOG.error("Master key rotation failed: {}", e.getMessage());
        runs.finish(runId, RotationState.FAILED, e.getMessage(), clock.instant());
        return;
      } catch (DataAccessException e) {
        LOG.warn(
            "Master key rotation paused, the database is not available ({}); retrying",
            e.getClass().getSimpleName());
        pause(RETRY_AFTER_OUTAGE);
      }
    }
  }

  private int rotateBatch(long runId, List<String> oldKeys) {
    int budget = batchSize;
    int locked = 0;
    Map<String, Long> doneByKeyId = new HashMap<>();
    for (SealedTable table : tables) {
      if (budget == 0) {
        break;
      }
      List<SealedRow> batch = table.lockSealedWith(oldKeys, budget);
      for (SealedRow row : batch) {
        if (table.replace(row, reseal(table, row))) {
          doneByKeyId.merge(row.box().keyId(), 1L, Long::sum);
        }
      }
      budget -= batch.size();
      locked += batch.size();
    }
    runs.addDone(runId, doneByKeyId, clock.instant());
    return locked;
  }

  private SealedBox reseal(SealedTable table, SealedRow row) {
    try {
      return cipher.reseal(row.box(), row.associatedData());
    } catch (IllegalStateException e) {
      throw new RowNotResealableException(
          table.name()
              + " row ("
              + row.description()
              + ") sealed with master key '"
              + row.box().keyId()
              + "' cannot be re-sealed: "
              + e.getMessage());
    }
  }

  private void finish(long runId, Map<String, Long> rows) {
    List<String> unconfigured =
        rows.entrySet().stream()
            .filter(e -> !keys.keyIds().contains(e.getKey()) && e.getValue() > 0)
            .map(e -> e.getValue() + " row(s) under master key '" + e.getKey() + "'")
            .toList();
    if (!unconfigured.isEmpty()) {
      runs.finish(
          runId,
          RotationState.BLOCKED,
          String.join(", ", unconfigured)
              + " cannot be read or re-sealed because that key is not configured: add it to"
              + " flow-connections.encryption.previous-keys and start the rotation again",
          clock.instant());
      return;
    }
    List<String> removable =
        keys.keyIds().stream().filter(id -> !id.equals(keys.activeKeyId())).sorted().toList();
    runs.finish(
        runId,
        RotationState.COMPLETED,
        removable.isEmpty()
            ? "every row is sealed with '" + keys.activeKeyId() + "'"
            : "every row is sealed with '"
                + keys.activeKeyId()
                + "'; no row needs "
                + removable
                + " any more, remove them from flow-connections.encryption.previous-keys",
        clock.instant());
    LOG.info("Master key rotation to '{}' completed", keys.activeKeyId());
  }

  private Map<String, Long> rowsByKeyId() {
    Map<String, Long> counts = new TreeMap<>();
    for (SealedTable table : tables) {
      table.countByKeyId().forEach((keyId, count) -> counts.merge(keyId, count, Long::sum));
    }
    return counts;
  }

  private static void pause(Duration duration) {
    if (duration.isZero() || duration.isNegative()) {
      return;
    }
    try {
      Thread.sleep(duration);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
