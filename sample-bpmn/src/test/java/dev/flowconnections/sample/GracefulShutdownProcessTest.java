package dev.flowconnections.sample;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flowconnections.connection.ConnectionView;
import dev.flowconnections.environment.Environment;
import dev.flowconnections.runtime.FlowConnectionsRuntime;
import dev.flowconnections.runtime.job.JobOutcomes;
import dev.flowconnections.runtime.job.JobsInFlight;
import dev.flowconnections.runtime.testsupport.RecordingHttpServer.Reply;
import dev.flowconnections.sample.support.EngineProcessModelsConfiguration;
import dev.flowconnections.sample.support.ProcessTestRuntime;
import io.camunda.zeebe.protocol.record.Record;
import io.camunda.zeebe.protocol.record.ValueType;
import io.camunda.zeebe.protocol.record.intent.JobBatchIntent;
import io.camunda.zeebe.protocol.record.intent.JobIntent;
import io.camunda.zeebe.protocol.record.value.JobBatchRecordValue;
import io.camunda.zeebe.protocol.record.value.JobRecordValue;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestExecutionListeners;
import org.springframework.test.context.support.DependencyInjectionTestExecutionListener;
import org.springframework.test.context.support.DirtiesContextTestExecutionListener;

/**
 * Shutting a runtime down while a REST job is in flight, the way Kubernetes does (the context
 * closes), with the engine outliving the runtimes. The first runtime is this test's Spring context;
 * the later ones are started here against the same engine and database, one at a time (the
 * in-memory engine cannot serve two runtimes at once, see the surefire settings).
 */
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
// the test closes its own context: only listeners that do not ask a closed context for beans
@TestExecutionListeners(
    listeners = {
      DependencyInjectionTestExecutionListener.class,
      DirtiesContextTestExecutionListener.class
    },
    mergeMode = TestExecutionListeners.MergeMode.REPLACE_DEFAULTS)
class GracefulShutdownProcessTest extends RestProcessTestBase {

  static final String REST_JOB_TYPE = "io.flowconnections:rest:1";
  static final ProcessTestRuntime RUNTIME = ProcessTestRuntime.start(Environment.DEVELOPMENT);

  @DynamicPropertySource
  static void properties(DynamicPropertyRegistry registry) {
    RUNTIME.register(registry);
    registry.add(
        "flow-connections.shutdown.drain-timeout",
        () -> "120s"); // the released job finishes well within
  }

  GracefulShutdownProcessTest() {
    super(RUNTIME);
  }

  @Autowired ConfigurableApplicationContext firstRuntime;

  @Test
  void runningJobsFinishOrAreHandedBackAndNoJobStartsOnceShutdownBegan() throws Exception {
    ConnectionView connection = developmentBearerConnection("dev-token-drained");
    CountDownLatch releaseFirst = new CountDownLatch(1);
    CountDownLatch releaseSecond = new CountDownLatch(1);
    server()
        .respond(
            request -> {
              // the peer holds each order's first request until the test lets it go
              long seen =
                  server().requests().stream()
                      .filter(r -> r.rawPath().equals(request.rawPath()))
                      .count();
              CountDownLatch release =
                  request.rawPath().endsWith("/orders/1") ? releaseFirst : releaseSecond;
              if (seen == 1) {
                await(release);
              }
              return Reply.json(200, "{\"order\":\"" + request.rawPath() + "\"}");
            });

    // 1. the in-flight job finishes during shutdown; no job starts once shutdown began
    long first = startGet(connection, "/orders/1");
    records.awaitTrue(
        "the first job's request reached the peer", () -> requestsFor("/orders/1") == 1);
    CompletableFuture<Void> closing = CompletableFuture.runAsync(firstRuntime::close);
    JobsInFlight firstJobs = firstRuntime.getBean(JobsInFlight.class);
    records.awaitTrue("shutdown began: the workers are closed", firstJobs::draining);
    long second = startGet(connection, "/orders/2");
    long secondJob = records.awaitPresent("the second job is created", () -> jobCreatedIn(second));
    assertThat(closing).as("the runtime waits for its running job").isNotDone();

    releaseFirst.countDown();
    closing.get(60, TimeUnit.SECONDS);
    records.awaitCompleted(first);
    assertThat(activations(secondJob)).as("no job is activated once shutdown began").isZero();
    assertThat(requestsFor("/orders/2")).isZero();

    // 2. a job still running at the drain timeout is handed back with its retries unchanged
    try (ConfigurableApplicationContext secondRuntime = startRuntime("1s")) {
      records.awaitTrue(
          "the second runtime runs the waiting job", () -> requestsFor("/orders/2") == 1);
      MeterRegistry meters = secondRuntime.getBean(MeterRegistry.class);
      secondRuntime.close();
      JobRecordValue failed =
          records.awaitPresent("the job is handed back", () -> failure(secondJob));
      assertThat(failed.getRetries()).as("retries unchanged").isEqualTo(3);
      assertThat(failed.getErrorMessage()).contains("shut down before this job finished");
      assertThat(
              meters
                  .get(JobOutcomes.JOBS)
                  .tag("type", REST_JOB_TYPE)
                  .tag("outcome", "failed_back_at_shutdown")
                  .counter()
                  .count())
          .isEqualTo(1);
    } finally {
      releaseSecond
          .countDown(); // the handler still running there gets its answer, which is dropped
    }
    assertThat(records.completed(second))
        .as("the handed-back job was not answered by the old runtime")
        .isFalse();

    // 3. the next runtime takes it at once and completes it
    try (ConfigurableApplicationContext thirdRuntime = startRuntime("120s")) {
      records.awaitCompleted(second);
      assertThat(requestsFor("/orders/2"))
          .as("run again: at least once, as after any timeout")
          .isEqualTo(2);
    }
    assertThat(records.all().filter(r -> r.getValueType() == ValueType.INCIDENT)).isEmpty();
  }

  /** Another runtime on the same engine, database and peer, like a second pod. */
  private ConfigurableApplicationContext startRuntime(String drainTimeout) {
    Map<String, Object> properties = new LinkedHashMap<>();
    RUNTIME.register((name, value) -> properties.put(name, value.get()));
    properties.put("flow-connections.shutdown.drain-timeout", drainTimeout);
    properties.put("server.port", "0");
    // as command-line arguments: they win over application.yml, as the test's dynamic properties do
    String[] arguments =
        properties.entrySet().stream()
            .map(p -> "--" + p.getKey() + "=" + p.getValue())
            .toArray(String[]::new);
    return new SpringApplicationBuilder(
            FlowConnectionsRuntime.class, EngineProcessModelsConfiguration.class)
        .run(arguments);
  }

  private long requestsFor(String path) {
    return server().requests().stream().filter(r -> r.rawPath().endsWith(path)).count();
  }

  private Optional<Long> jobCreatedIn(long processInstanceKey) {
    return jobRecords(JobIntent.CREATED)
        .filter(r -> ((JobRecordValue) r.getValue()).getProcessInstanceKey() == processInstanceKey)
        .map(Record::getKey)
        .findFirst();
  }

  private Optional<JobRecordValue> failure(long jobKey) {
    return jobRecords(JobIntent.FAILED)
        .filter(r -> r.getKey() == jobKey)
        .map(r -> (JobRecordValue) r.getValue())
        .findFirst();
  }

  private long activations(long jobKey) {
    return records
        .all()
        .filter(
            r ->
                r.getValueType() == ValueType.JOB_BATCH
                    && r.getIntent() == JobBatchIntent.ACTIVATED)
        .map(r -> (JobBatchRecordValue) r.getValue())
        .filter(batch -> batch.getJobKeys().contains(jobKey))
        .count();
  }

  private Stream<Record<?>> jobRecords(JobIntent intent) {
    return records.all().filter(r -> r.getValueType() == ValueType.JOB && r.getIntent() == intent);
  }

  private static void await(CountDownLatch latch) {
    try {
      if (!latch.await(120, TimeUnit.SECONDS)) {
        throw new IllegalStateException("the test never released the peer");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
