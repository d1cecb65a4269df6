package dev.flowconnections.sample.load;

import dev.flowconnections.access.Actor;
import dev.flowconnections.connection.ConnectionDraft;
import dev.flowconnections.connection.ConnectionService;
import dev.flowconnections.connection.Visibility;
import dev.flowconnections.fields.FieldCatalog;
import dev.flowconnections.integration.AuthScheme;
import dev.flowconnections.integration.ConfigMode;
import dev.flowconnections.integration.IntegrationDraft;
import dev.flowconnections.integration.IntegrationScope;
import dev.flowconnections.integration.IntegrationService;
import dev.flowconnections.integration.IntegrationType;
import dev.flowconnections.resolution.RuntimeEnvironment;
import dev.flowconnections.runtime.rest.RestFunction;
import io.camunda.client.CamundaClient;
import io.camunda.client.api.response.ActivatedJob;
import io.camunda.client.api.worker.JobClient;
import io.camunda.client.api.worker.JobWorker;
import io.camunda.zeebe.model.bpmn.Bpmn;
import io.camunda.zeebe.model.bpmn.BpmnModelInstance;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Completed process instances per second of a one-task process on the in-memory engine, the task
 * calling a local HTTP peer: once through our REST worker (a connection with a Bearer token,
 * resolved for the runtime's environment), once through a hand-written job worker on the same
 * Camunda client (same execution threads, same max jobs active) that makes the same call with
 * {@link HttpClient} and a token it was given. Each instance is created with "await result", at
 * most {@value #IN_FLIGHT_PER_ACTIVE_JOB} times max-jobs-active at a time; a round ends when all
 * have completed, or fails at its deadline. A warm-up round of each comes first, then {@code
 * --rounds} measured rounds of each, alternating; the better round of each counts.
 */
final class JobThroughput {

  static final String HANDWRITTEN_TYPE = "load-handwritten-rest";
  private static final int IN_FLIGHT_PER_ACTIVE_JOB = 4;

  private final CamundaClient client;
  private final IntegrationService integrations;
  private final ConnectionService connections;
  private final RuntimeEnvironment runtime;
  private final LoadReport report;
  private final LoadOptions options;
  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(20)).build();
  private final AtomicLong peakHeap = new AtomicLong();

  JobThroughput(LoadApplication app, LoadReport report, LoadOptions options) {
    this.client = app.bean(CamundaClient.class);
    this.integrations = app.bean(IntegrationService.class);
    this.connections = app.bean(ConnectionService.class);
    this.runtime = app.bean(RuntimeEnvironment.class);
    this.report = report;
    this.options = options;
  }

  long peakHeapBytes() {
    return peakHeap.get();
  }

  void measure() throws Exception {
    String token = "load-peer-token-" + UUID.randomUUID();
    Actor admin = LoadSeeder.admin(runtime.organizationId());
    String suffix = Long.toString(System.currentTimeMillis(), 36);
    try (LocalPeer peer = new LocalPeer("Bearer " + token)) {
      UUID integrationId =
          integrations
              .create(
                  admin,
                  new IntegrationDraft(
                      "Load peer " + suffix,
                      "The local HTTP peer of one bin/load run",
                      null,
                      IntegrationType.REST_API,
                      IntegrationScope.ORGANIZATION,
                      ConfigMode.SAME_FOR_ALL,
                      AuthScheme.BEARER,
                      null,
                      null,
                      Map.of(FieldCatalog.BASE_URL, peer.baseUrl()),
                      null,
                      null))
              .id();
      String key = "load-peer-" + suffix;
      UUID connectionId =
          connections
              .create(
                  admin,
                  new ConnectionDraft(
                      integrationId, "Load peer " + suffix, key, Visibility.ORGANIZATION, null))
              .connection()
              .id();
      connections.putEnvironment(
          admin, connectionId, runtime.environment(), Map.of(FieldCatalog.TOKEN, token), null);
      client
          .newDeployResourceCommand()
          .addProcessModel(process("load-rest", RestFunction.TYPE), "load-rest.bpmn")
          .addProcessModel(process("load-handwritten", HANDWRITTEN_TYPE), "load-handwritten.bpmn")
          .send()
          .join();
      Thread sampler =
          Thread.ofPlatform().daemon().name("load-heap-sampler").start(this::sampleHeap);
      JobWorker handwritten =
          client
              .newWorker()
              .jobType(HANDWRITTEN_TYPE)
              .handler((jobClient, job) -> handwritten(jobClient, job, peer.baseUrl(), token))
              .name("load-handwritten")
              .maxJobsActive(options.maxJobsActive())
              .fetchVariables("connection", "method", "path")
              .open();
      try {
        int warmUp = Math.max(20, options.jobs() / 10);
        round("load-rest", key, warmUp);
        round("load-handwritten", key, warmUp);
        double rest = 0;
        double hand = 0;
        for (int i = 0; i < options.rounds(); i++) {
          rest = Math.max(rest, round("load-rest", key, options.jobs()));
          hand = Math.max(hand, round("load-handwritten", key, options.jobs()));
        }
        if (peer.unauthorized() > 0) {
          throw new IllegalStateException(
              peer.unauthorized() + " calls reached the peer without the expected token");
        }
        double ratio = rest / hand;
        report.row(
            String.format(
                Locale.ROOT,
                "jobs/s, REST worker (%d instances, %d threads, max-jobs-active %d)",
                options.jobs(),
                options.workerThreads(),
                options.maxJobsActive()),
            String.format(Locale.ROOT, "%.0f/s", rest));
        report.row(
            "jobs/s, hand-written worker (same settings)",
            String.format(Locale.ROOT, "%.0f/s", hand));
        report.row(
            "REST worker / hand-written worker",
            String.format(Locale.ROOT, "%.1f %%", ratio * 100),
            ">= 95 %",
            ratio >= 0.95);
      } finally {
        handwritten.close();
        sampler.interrupt();
        connections.delete(admin, connectionId);
        integrations.delete(admin, integrationId, true);
      }
    }
  }

  private static BpmnModelInstance process(String id, String jobType) {
    return Bpmn.createExecutableProcess(id)
        .startEvent()
        .serviceTask(
            "Call",
            task ->
                task.zeebeJobType(jobType)
                    .zeebeJobRetries("1")
                    .zeebeInputExpression("connection", "connection")
                    .zeebeInputExpression("\"GET\"", "method")
                    .zeebeInputExpression("path", "path")
                    .zeebeTaskHeader("resultExpression", "={responseStatus: status}"))
        .endEvent()
        .done();
  }

  /** What a hand-written worker does: the same GET with the token it holds, then completes. */
  private void handwritten(JobClient jobClient, ActivatedJob job, String baseUrl, String token)
      throws Exception {
    Object path = job.getVariablesAsMap().get("path");
    HttpResponse<String> response =
        http.send(
            HttpRequest.newBuilder(URI.create(baseUrl + path))
                .header("Authorization", "Bearer " + token)
                .timeout(Duration.ofSeconds(30))
                .GET()
                .build(),
            HttpResponse.BodyHandlers.ofString());
    if (response.statusCode() / 100 != 2) {
      jobClient
          .newFailCommand(job)
          .retries(job.getRetries() - 1)
          .errorMessage("HTTP " + response.statusCode())
          .send()
          .join();
      return;
    }
    jobClient
        .newCompleteCommand(job)
        .variables(Map.of("responseStatus", response.statusCode()))
        .send()
        .join();
  }

  /** Runs {@code count} instances to completion; returns completed instances per second. */
  private double round(String processId, String connectionKey, int count) throws Exception {
    Semaphore inFlight = new Semaphore(IN_FLIGHT_PER_ACTIVE_JOB * options.maxJobsActive());
    AtomicInteger completed = new AtomicInteger();
    AtomicReference<Throwable> failure = new AtomicReference<>();
    Duration deadline = Duration.ofSeconds(Math.max(60, count / 10));
    long start = System.nanoTime();
    long end = start + deadline.toNanos();
    for (int i = 0; i < count; i++) {
      if (!inFlight.tryAcquire(Math.max(1, end - System.nanoTime()), TimeUnit.NANOSECONDS)) {
        break;
      }
      client
          .newCreateInstanceCommand()
          .bpmnProcessId(processId)
          .latestVersion()
          .variables(Map.of("connection", connectionKey, "path", "/load/" + i))
          .withResult()
          .requestTimeout(deadline)
          .send()
          .whenComplete(
              (result, error) -> {
                if (error != null) {
                  failure.compareAndSet(null, error);
                } else if (!Integer.valueOf(200)
                    .equals(result.getVariablesAsMap().get("responseStatus"))) {
                  failure.compareAndSet(
                      null,
                      new IllegalStateException(
                          "an instance ended with "
                              + result.getVariablesAsMap().get("responseStatus")));
                } else {
                  completed.incrementAndGet();
                }
                inFlight.release();
              });
    }
    // all permits back: every instance answered (completed or failed)
    int permits = IN_FLIGHT_PER_ACTIVE_JOB * options.maxJobsActive();
    boolean done =
        inFlight.tryAcquire(permits, Math.max(1, end - System.nanoTime()), TimeUnit.NANOSECONDS);
    long nanos = System.nanoTime() - start;
    if (failure.get() != null) {
      throw new IllegalStateException(
          processId + ": an instance failed (" + completed.get() + " of " + count + " completed)",
          failure.get());
    }
    if (!done || completed.get() != count) {
      throw new IllegalStateException(
          String.format(
              Locale.ROOT,
              "%s: only %d of %d instances completed within %s",
              processId,
              completed.get(),
              count,
              deadline));
    }
    double perSecond = count / (nanos / 1e9);
    System.out.printf(
        Locale.ROOT,
        "  %s: %d instances in %s, %.0f/s%n",
        processId,
        count,
        LoadReport.seconds(nanos),
        perSecond);
    return perSecond;
  }

  private void sampleHeap() {
    var memory = ManagementFactory.getMemoryMXBean();
    while (!Thread.currentThread().isInterrupted()) {
      peakHeap.accumulateAndGet(memory.getHeapMemoryUsage().getUsed(), Math::max);
      try {
        Thread.sleep(50); // a sampling period, not a wait for a condition
      } catch (InterruptedException e) {
        return;
      }
    }
  }
}
