package dev.flowconnections.runtime.worker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.flowconnections.audit.AuditEvent;
import dev.flowconnections.audit.AuditRepository;
import dev.flowconnections.audit.BatchingAuditWriter;
import dev.flowconnections.audit.ProcessReference;
import dev.flowconnections.environment.Environment;
import dev.flowconnections.integration.IntegrationType;
import dev.flowconnections.resolution.RuntimeEnvironment;
import dev.flowconnections.runtime.testsupport.StaticResolver;
import dev.flowconnections.runtime.testsupport.WorkerTestContext;
import io.camunda.connector.api.error.ConnectorInputException;
import io.camunda.connector.api.outbound.JobContext;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * What a worker's resolution puts into the audit log, and that the audit log can never fail a job.
 */
class WorkerConnectionsAuditTest {

  private final RuntimeEnvironment runtime =
      new RuntimeEnvironment(Environment.DEVELOPMENT, "default");
  private final StaticResolver resolver =
      new StaticResolver()
          .connection(
              "orders",
              IntegrationType.REST_API,
              Map.of("baseUrl", "https://x.test"),
              Map.of("token", "t0ken-value"));

  @Test
  void aReadNamesTheJobsProcessInstanceAndElement() throws Exception {
    List<AuditEvent> written = Collections.synchronizedList(new ArrayList<>());
    try (BatchingAuditWriter writer =
        new BatchingAuditWriter(recordingRepository(written), 10, 10)) {
      WorkerConnections connections = new WorkerConnections(resolver, runtime, writer);

      JobContext job = new WorkerTestContext("t", Map.of()).getJobContext();
      connections.resolve("orders", job, IntegrationType.REST_API, "REST worker");
      connections.resolve("orders", job, IntegrationType.REST_API, "REST worker");
      assertThatThrownBy(
              () -> connections.resolve("unknown", job, IntegrationType.REST_API, "REST worker"))
          .isInstanceOf(ConnectorInputException.class);
      assertThat(writer.awaitIdle(Duration.ofSeconds(5))).isTrue();
    }

    assertThat(written).hasSize(2); // a failed resolution read nothing
    assertThat(written.get(0).process()).isEqualTo(new ProcessReference(1, "test", "task", 1));
    assertThat(written.get(0).organizationId()).isEqualTo("default");
    assertThat(written.get(0).environment()).isEqualTo(Environment.DEVELOPMENT);
    assertThat(written.get(1).process())
        .as("every read names its job")
        .isEqualTo(written.get(0).process());
    assertThat(written.toString()).doesNotContain("t0ken-value");
  }

  @Test
  void anUnreachableAuditDatabaseNeitherFailsNorSlowsTheJob() throws Exception {
    DriverManagerDataSource nowhere =
        new DriverManagerDataSource("jdbc:postgresql://127.0.0.1:1/none?connectTimeout=1", "x", "");
    try (BatchingAuditWriter writer =
        new BatchingAuditWriter(new AuditRepository(new JdbcTemplate(nowhere)), 2, 1)) {
      WorkerConnections connections = new WorkerConnections(resolver, runtime, writer);
      long started = System.nanoTime();
      for (int i = 0; i < 100; i++) {
        assertThat(
                connections
                    .resolve(
                        "orders",
                        new WorkerTestContext("t", Map.of()).getJobContext(),
                        IntegrationType.REST_API,
                        "REST worker")
                    .key())
            .isEqualTo("orders");
      }
      assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(1));
      assertThat(writer.awaitIdle(Duration.ofSeconds(20))).isTrue();
      assertThat(writer.lost()).isEqualTo(100);
    }
  }

  /** A repository whose batches land in a list, to see exactly what the writer was given. */
  private static AuditRepository recordingRepository(List<AuditEvent> written) {
    return new AuditRepository(new JdbcTemplate()) {
      @Override
      public void insertAll(List<AuditEvent> events) {
        written.addAll(events);
      }
    };
  }
}
