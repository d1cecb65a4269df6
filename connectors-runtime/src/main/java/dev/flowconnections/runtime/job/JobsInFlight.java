package dev.flowconnections.runtime.job;

import dev.flowconnections.runtime.job.JobOutcomes.Outcome;
import io.camunda.client.api.response.ActivatedJob;
import io.camunda.client.api.worker.JobClient;
import io.camunda.client.api.worker.JobHandler;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Every job handler of the runtime runs through here: the jobs running now are known, their answers
 * counted ({@link JobOutcomes}), and at shutdown they are waited for or handed back ({@link
 * GracefulShutdown}).
 */
public final class JobsInFlight {

  private static final Logger LOG = LoggerFactory.getLogger(JobsInFlight.class);

  static final String HANDED_BACK_MESSAGE =
      "the connector runtime shut down before this job finished; handed back with its retries for another runtime";

  /**
   * The job whose handler runs on this thread: the connector runtime (8.8) calls the connector
   * function on the handler's thread, so a worker can read what its context does not offer.
   */
  private static final ThreadLocal<ActivatedJob> CURRENT = new ThreadLocal<>();

  private final JobOutcomes outcomes;
  private final Map<Long, RunningJob> running = new ConcurrentHashMap<>();
  private boolean draining; // guarded by this

  public JobsInFlight(JobOutcomes outcomes) {
    this.outcomes = outcomes;
  }

  /** {@code handler} of the worker for {@code jobType} as that worker should call it. */
  public JobHandler track(String jobType, JobHandler handler) {
    outcomes.register(jobType);
    return (client, job) -> handle(handler, client, job);
  }

  /**
   * The retries of the job whose handler runs on this thread (this attempt included: 1 on the last
   * one), as the engine activated it; empty outside a job handler (e.g. a worker called by a test).
   */
  public static OptionalInt currentRetries() {
    ActivatedJob job = CURRENT.get();
    return job == null ? OptionalInt.empty() : OptionalInt.of(job.getRetries());
  }

  /** Whether shutdown began: no job starts any more. */
  public synchronized boolean draining() {
    return draining;
  }

  private void handle(JobHandler handler, JobClient client, ActivatedJob job) throws Exception {
    RunningJob runningJob = new RunningJob(job, client);
    if (!admit(runningJob)) {
      // activated by a poll that was on its way when the workers closed: not started here at all
      handBack(runningJob);
      return;
    }
    CURRENT.set(job);
    try {
      handler.handle(
          new AnsweringJobClient(
              client, runningJob, outcome -> outcomes.count(job.getType(), outcome)),
          job);
    } finally {
      CURRENT.remove();
      runningJob.handlerReturned();
    }
  }

  private synchronized boolean admit(RunningJob job) {
    if (draining) {
      return false;
    }
    long key = job.job().getKey();
    running.put(key, job);
    job.settled().whenComplete((ignored, failure) -> running.remove(key, job));
    return true;
  }

  /**
   * Starts no job any more and waits until the running ones settled (answered and acknowledged).
   *
   * @return false if some were still running at the deadline
   */
  boolean drain(Duration timeout) {
    List<RunningJob> jobs;
    synchronized (this) {
      draining = true;
      jobs = List.copyOf(running.values());
    }
    if (jobs.isEmpty()) {
      return true;
    }
    LOG.info("Shutting down: waiting up to {} for {} running job(s)", timeout, jobs.size());
    try {
      CompletableFuture.allOf(
              jobs.stream().map(RunningJob::settled).toArray(CompletableFuture[]::new))
          .get(timeout.toMillis(), TimeUnit.MILLISECONDS);
      LOG.info("Shutting down: every running job finished");
      return true;
    } catch (TimeoutException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    } catch (ExecutionException e) {
      return true; // settled() never fails; for completeness
    }
  }

  /**
   * Hands every job still running back to Zeebe with its retries unchanged, so that another runtime
   * takes it at once instead of after its timeout, and waits for those answers up to {@code
   * timeout}.
   */
  void handBackRemaining(Duration timeout) {
    List<CompletableFuture<?>> acknowledgements = new ArrayList<>();
    for (RunningJob job : running.values()) {
      acknowledgements.add(handBack(job));
    }
    try {
      CompletableFuture.allOf(acknowledgements.toArray(CompletableFuture[]::new))
          .get(timeout.toMillis(), TimeUnit.MILLISECONDS);
    } catch (TimeoutException | ExecutionException e) {
      LOG.warn(
          "Shutting down: not every job could be handed back; those return to Zeebe after their job timeout");
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /**
   * Fails the job with its retries unchanged, unless its handler answered first (then waits for
   * that).
   */
  private CompletableFuture<?> handBack(RunningJob job) {
    if (!job.handBack()) {
      return job.settled();
    }
    ActivatedJob activated = job.job();
    LOG.warn(
        "Shutting down: handing job {} of type {} back with its {} retries",
        activated.getKey(),
        activated.getType(),
        activated.getRetries());
    outcomes.count(activated.getType(), Outcome.FAILED_BACK_AT_SHUTDOWN);
    try {
      return job.client()
          .newFailCommand(activated)
          .retries(activated.getRetries())
          .errorMessage(HANDED_BACK_MESSAGE)
          .send()
          .toCompletableFuture();
    } catch (RuntimeException e) {
      return CompletableFuture.failedFuture(e);
    }
  }
}
