package dev.flowconnections.runtime.job;

import java.time.Duration;
import org.springframework.context.SmartLifecycle;

/**
 * Lets the jobs this runtime is running finish before the Camunda client closes (closing it
 * interrupts them). The Camunda client's lifecycle, in the highest phase, stops first and closes
 * the job workers: no job is activated any more. Then this waits up to the drain timeout for the
 * running jobs and hands those still running back to Zeebe with their retries unchanged. Only after
 * that, when the context destroys its beans, does the client close.
 */
public final class GracefulShutdown implements SmartLifecycle {

  /** How long hand-back answers are waited for once the drain timeout passed. */
  static final Duration HAND_BACK_TIMEOUT = Duration.ofSeconds(5);

  private final JobsInFlight jobs;
  private final Duration drainTimeout;
  private volatile boolean running;

  public GracefulShutdown(JobsInFlight jobs, Duration drainTimeout) {
    this.jobs = jobs;
    this.drainTimeout = drainTimeout;
  }

  @Override
  public void start() {
    running = true;
  }

  /** Blocks for the drain: a synchronous stop is not cut short by Spring's per-phase timeout. */
  @Override
  public void stop() {
    try {
      if (!jobs.drain(drainTimeout)) {
        jobs.handBackRemaining(HAND_BACK_TIMEOUT);
      }
    } finally {
      running = false;
    }
  }

  @Override
  public boolean isRunning() {
    return running;
  }

  /**
   * Right after the Camunda client's lifecycle (DEFAULT_PHASE, the highest), which closes the
   * workers.
   */
  @Override
  public int getPhase() {
    return SmartLifecycle.DEFAULT_PHASE - 1;
  }
}
