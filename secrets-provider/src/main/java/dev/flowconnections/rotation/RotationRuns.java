package dev.flowconnections.rotation;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The {@code key_rotation} records: which run is current and what it has done per old key id. */
final class RotationRuns {

  // Serializes starting runs across instances (any constant unique to this purpose).
  private static final long START_LOCK = 0x466c6f77526f74L;

  private final JdbcClient jdbc;

  RotationRuns(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** Call inside the transaction that decides whether to start a run. */
  void lockStarts() {
    jdbc.sql("select pg_advisory_xact_lock(:lock)").param("lock", START_LOCK).query().singleValue();
  }

  Optional<RotationRun> latest() {
    return jdbc.sql(
            "select id, target_key_id, state, message, started_at, started_by, updated_at, finished_at"
                + " from key_rotation order by id desc limit 1")
        .query(
            (rs, n) ->
                new RotationRun(
                    rs.getLong(1),
                    rs.getString(2),
                    RotationState.valueOf(rs.getString(3)),
                    rs.getString(4),
                    rs.getTimestamp(5).toInstant(),
                    rs.getString(6),
                    rs.getTimestamp(7).toInstant(),
                    rs.getTimestamp(8) == null ? null : rs.getTimestamp(8).toInstant()))
        .optional();
  }

  long insert(String targetKeyId, String startedBy, Instant at) {
    return jdbc.sql(
            "insert into key_rotation (target_key_id, state, started_at, started_by, updated_at)"
                + " values (:target, 'RUNNING', :at, :by, :at) returning id")
        .param("target", targetKeyId)
        .param("at", Timestamp.from(at))
        .param("by", startedBy)
        .query(Long.class)
        .single();
  }

  void addDone(long runId, Map<String, Long> doneByKeyId, Instant at) {
    doneByKeyId.forEach(
        (keyId, done) ->
            jdbc.sql(
                    "insert into key_rotation_progress (rotation_id, key_id, done) values (:run, :key, :done)"
                        + " on conflict (rotation_id, key_id) do update"
                        + " set done = key_rotation_progress.done + excluded.done")
                .param("run", runId)
                .param("key", keyId)
                .param("done", done)
                .update());
    jdbc.sql("update key_rotation set updated_at = :at where id = :run")
        .param("at", Timestamp.from(at))
        .param("run", runId)
        .update();
  }

  Map<String, Long> done(long runId) {
    Map<String, Long> done = new TreeMap<>();
    jdbc.sql("select key_id, done from key_rotation_progress where rotation_id = :run")
        .param("run", runId)
        .query(
            rs -> {
              done.put(rs.getString(1), rs.getLong(2));
            });
    return done;
  }

  boolean isRunning(long runId) {
    return jdbc.sql("select count(*) from key_rotation where id = :run and state = 'RUNNING'")
            .param("run", runId)
            .query(Long.class)
            .single()
        == 1;
  }

  /** Ends a run that is still RUNNING; a run another instance already ended stays as it is. */
  void finish(long runId, RotationState state, String message, Instant at) {
    jdbc.sql(
            "update key_rotation set state = :state, message = :message, updated_at = :at, finished_at = :at"
                + " where id = :run and state = 'RUNNING'")
        .param("state", state.name())
        .param("message", message)
        .param("at", Timestamp.from(at))
        .param("run", runId)
        .update();
  }
}
