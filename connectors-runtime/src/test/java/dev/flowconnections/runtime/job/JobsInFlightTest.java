package dev.flowconnections.runtime.job;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import io.camunda.client.api.CamundaFuture;
import io.camunda.client.api.command.CompleteJobCommandStep1;
import io.camunda.client.api.command.FailJobCommandStep1;
import io.camunda.client.api.command.FailJobCommandStep1.FailJobCommandStep2;
import io.camunda.client.api.response.ActivatedJob;
import io.camunda.client.api.worker.JobClient;
import io.camunda.client.api.worker.JobHandler;
import io.camunda.client.impl.CamundaClientFutureImpl;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.OptionalInt;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** The drain and the answer gate without an engine: what the worker's job client receives. */
@Tag("fast")
class JobsInFlightTest {

  static final String TYPE = "io.flowconnections:rest:1";

  final SimpleMeterRegistry meters = new SimpleMeterRegistry();
  final JobsInFlight jobs = new JobsInFlight(new JobOutcomes(meters));
  final JobClient client = mock(JobClient.class);
  final ActivatedJob job = job(42, 3);

  /** What a worker reads to know a tool's job is on its last retry (AgentToolFailures). */
  @Test
  void theRunningJobsRetriesAreKnownOnItsHandlersThreadOnly() throws Exception {
    OptionalInt[] seen = new OptionalInt[1];

    jobs.track(TYPE, (c, j) -> seen[0] = JobsInFlight.currentRetries()).handle(client, job(7, 1));

    assertThat(seen[0]).hasValue(1);
    assertThat(JobsInFlight.currentRetries()).as("after the handler returned").isEmpty();
  }

  @Test
  void answersAreCountedByOutcome() throws Exception {
    CompleteJobCommandStep1 complete = completeCommand();
    FailJobCommandStep2 lastRetry = failCommand(0);
    FailJobCommandStep2 retry = failCommand(2);

    jobs.track(TYPE, (c, j) -> c.newCompleteCommand(j).send()).handle(client, job);
    jobs.track(TYPE, (c, j) -> c.newFailCommand(j).retries(2).errorMessage("503").send())
        .handle(client, job);
    jobs.track(TYPE, (c, j) -> c.newFailCommand(j).retries(0).errorMessage("bad input").send())
        .handle(client, job);

    verify(complete).send();
    verify(retry).send();
    verify(lastRetry).send();
    assertThat(count("completed")).isEqualTo(1);
    assertThat(count("retry")).isEqualTo(1);
    assertThat(count("incident")).isEqualTo(1);
    assertThat(count("failed_back_at_shutdown"))
        .as("registered at zero when the worker opened")
        .isZero();
  }

  @Test
  void aJobStillRunningAtTheDeadlineIsHandedBackWithItsRetriesAndItsLateAnswerIsDropped()
      throws Exception {
    CompleteJobCommandStep1 complete = completeCommand();
    FailJobCommandStep2 handBack = failCommand(3);
    CountDownLatch started = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    JobHandler slow =
        jobs.track(
            TYPE,
            (c, j) -> {
              started.countDown();
              release.await(30, TimeUnit.SECONDS);
              CamundaFuture<?> late = c.newCompleteCommand(j).send();
              assertThat(late.toCompletableFuture().isCompletedExceptionally())
                  .as("the late answer is refused")
                  .isTrue();
            });
    CompletableFuture<Void> running = CompletableFuture.runAsync(() -> handle(slow));
    assertThat(started.await(30, TimeUnit.SECONDS)).isTrue();

    assertThat(jobs.drain(Duration.ofMillis(100))).as("still running at the deadline").isFalse();
    jobs.handBackRemaining(Duration.ofSeconds(5));
    verify(handBack).errorMessage(JobsInFlight.HANDED_BACK_MESSAGE);
    verify(handBack).send();

    release.countDown();
    running.get(30, TimeUnit.SECONDS);
    verify(complete, never()).send();
    assertThat(count("failed_back_at_shutdown")).isEqualTo(1);
    assertThat(count("completed")).isZero();
  }

  @Test
  void onceDrainingNoJobStartsAndAJobArrivingLateIsHandedBackAtOnce() throws Exception {
    FailJobCommandStep2 handBack = failCommand(3);
    assertThat(jobs.drain(Duration.ofSeconds(1))).isTrue();
    boolean[] ran = {false};
    jobs.track(TYPE, (c, j) -> ran[0] = true).handle(client, job);
    assertThat(ran[0]).isFalse();
    verify(handBack).send();
  }

  @Test
  void theDrainWaitsForTheAnswerToBeAcknowledged() throws Exception {
    CompleteJobCommandStep1 complete = mock(CompleteJobCommandStep1.class);
    CamundaClientFutureImpl<Object, Object> acknowledgement = new CamundaClientFutureImpl<>();
    when(client.newCompleteCommand(job)).thenReturn(complete);
    when(complete.send()).thenAnswer(invocation -> acknowledgement);
    jobs.track(TYPE, (c, j) -> c.newCompleteCommand(j).send()).handle(client, job);

    assertThat(jobs.drain(Duration.ofMillis(200)))
        .as("answer sent, not yet acknowledged")
        .isFalse();
    acknowledgement.complete(null);
    assertThat(jobs.drain(Duration.ofSeconds(5))).isTrue();
  }

  private void handle(JobHandler handler) {
    try {
      handler.handle(client, job);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private double count(String outcome) {
    return meters.get(JobOutcomes.JOBS).tag("type", TYPE).tag("outcome", outcome).counter().count();
  }

  private CompleteJobCommandStep1 completeCommand() {
    CompleteJobCommandStep1 complete = mock(CompleteJobCommandStep1.class);
    when(client.newCompleteCommand(job)).thenReturn(complete);
    when(complete.send()).thenAnswer(invocation -> acknowledged());
    return complete;
  }

  /** A fail command for {@code retries}; the same step-1 mock answers every retries value. */
  private FailJobCommandStep2 failCommand(int retries) {
    FailJobCommandStep1 fail = client.newFailCommand(job);
    if (fail == null) {
      fail = mock(FailJobCommandStep1.class);
      when(client.newFailCommand(job)).thenReturn(fail);
    }
    FailJobCommandStep2 step = mock(FailJobCommandStep2.class);
    when(fail.retries(retries)).thenReturn(step);
    when(step.errorMessage(anyString())).thenReturn(step);
    when(step.send()).thenAnswer(invocation -> acknowledged());
    return step;
  }

  private static CamundaClientFutureImpl<Object, Object> acknowledged() {
    CamundaClientFutureImpl<Object, Object> future = new CamundaClientFutureImpl<>();
    future.complete(null);
    return future;
  }

  private static ActivatedJob job(long key, int retries) {
    ActivatedJob job = mock(ActivatedJob.class);
    when(job.getKey()).thenReturn(key);
    when(job.getType()).thenReturn(TYPE);
    when(job.getRetries()).thenReturn(retries);
    return job;
  }
}
