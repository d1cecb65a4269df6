package dev.flowconnections.audit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flowconnections.access.Actor;
import dev.flowconnections.access.Role;
import dev.flowconnections.environment.Environment;
import dev.flowconnections.testsupport.DatabaseTest;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * Runtime reads are queued and written in batches; a database that refuses them never reaches the
 * caller.
 */
class BatchingAuditWriterTest extends DatabaseTest {

  @Autowired AuditRepository repository;
  @Autowired AuditLogService auditLog;

  @Test
  void writesQueuedReadsInBatches() throws Exception {
    String key = "read-" + UUID.randomUUID().toString().substring(0, 8);
    try (BatchingAuditWriter writer = new BatchingAuditWriter(repository, 1000, 50)) {
      for (int i = 0; i < 120; i++) {
        writer.record(
            AuditEvent.read(
                ORG,
                Instant.now(),
                key,
                Environment.PRODUCTION,
                new ProcessReference(1000 + i, "order-process", "charge", 5000 + i),
                "REST worker"));
      }
      assertThat(writer.awaitIdle(Duration.ofSeconds(10))).isTrue();
      assertThat(writer.written()).isEqualTo(120);
      assertThat(writer.lost()).isZero();
    }
    Actor admin = new Actor("admin", ORG, Set.of(Role.ADMIN));
    List<AuditEvent> reads =
        auditLog
            .search(
                admin,
                new AuditQuery(
                    null, AuditAction.CONNECTION_READ, key, null, 1042L, null, null, 0, 10))
            .items();
    assertThat(reads)
        .singleElement()
        .satisfies(
            e -> {
              assertThat(e.actor()).isEqualTo(AuditEvent.RUNTIME_ACTOR);
              assertThat(e.environment()).isEqualTo(Environment.PRODUCTION);
              assertThat(e.process())
                  .isEqualTo(new ProcessReference(1042, "order-process", "charge", 5042));
              assertThat(e.worker()).isEqualTo("REST worker");
            });
  }

  @Test
  void aBurstOfReadsCostsTheJobsMicrosecondsAndIsWrittenWithinSeconds() throws Exception {
    String key = "burst-" + UUID.randomUUID().toString().substring(0, 8);
    int reads = 5_000;
    try (BatchingAuditWriter writer = new BatchingAuditWriter(repository, 10_000, 200)) {
      long started = System.nanoTime();
      for (int i = 0; i < reads; i++) {
        writer.record(
            AuditEvent.read(
                ORG,
                Instant.now(),
                key,
                Environment.QA,
                new ProcessReference(i, "burst", "task", i),
                "SQL worker"));
      }
      Duration queued = Duration.ofNanos(System.nanoTime() - started);
      assertThat(writer.awaitIdle(Duration.ofSeconds(30))).isTrue();
      Duration written = Duration.ofNanos(System.nanoTime() - started);
      System.out.printf(
          "audit burst: %d reads queued in %d ms (%.1f us each), all written after %d ms%n",
          reads, queued.toMillis(), queued.toNanos() / 1000.0 / reads, written.toMillis());
      assertThat(queued).isLessThan(Duration.ofSeconds(1));
      assertThat(writer.written()).isEqualTo(reads);
    }
  }

  @Test
  void anUnreachableDatabaseLosesEventsWithAWarningButNeverBlocksOrThrows() throws Exception {
    // nothing listens on port 1: every batch fails at once
    DriverManagerDataSource nowhere =
        new DriverManagerDataSource("jdbc:postgresql://127.0.0.1:1/none?connectTimeout=1", "x", "");
    AuditRepository broken = new AuditRepository(new JdbcTemplate(nowhere));
    try (BatchingAuditWriter writer = new BatchingAuditWriter(broken, 5, 2)) {
      long started = System.nanoTime();
      for (int i = 0; i < 50; i++) {
        writer.record(AuditEvent.read(ORG, Instant.now(), "k", Environment.QA, null, "SQL worker"));
      }
      assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofMillis(500));
      assertThat(writer.awaitIdle(Duration.ofSeconds(20))).isTrue();
      assertThat(writer.written()).isZero();
      assertThat(writer.lost())
          .isEqualTo(50); // failed batches plus what did not fit into the queue of 5
    }
  }
}
