package dev.flowconnections.runtime.job;

import io.camunda.client.api.response.ActivatedJob;
import io.camunda.client.api.worker.JobClient;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.atomic.AtomicReference;

/**
 * One job from the moment its handler starts until the answer this runtime sent (complete, fail,
 * BPMN error) is acknowledged, or until it is handed back at shutdown. Answer and hand-back exclude
 * each other: once a job is handed back, another runtime may already run it, and Zeebe would accept
 * a late complete or fail from the handler still running here.
 */
final class RunningJob {

  private enum State {
    RUNNING,
    ANSWERED,
    HANDED_BACK
  }

  private final ActivatedJob job;
  private final JobClient client;
  private final AtomicReference<State> state = new AtomicReference<>(State.RUNNING);
  private final CompletableFuture<Void> handlerReturned = new CompletableFuture<>();
  private volatile CompletionStage<?> answer = CompletableFuture.completedFuture(null);

  /**
   * @param client the worker's own client, not the gated one the handler sees
   */
  RunningJob(ActivatedJob job, JobClient client) {
    this.job = job;
    this.client = client;
  }

  ActivatedJob job() {
    return job;
  }

  JobClient client() {
    return client;
  }

  /** Whether the handler may send its answer: not if the job was handed back (a resend may). */
  boolean mayAnswer() {
    return state.compareAndSet(State.RUNNING, State.ANSWERED) || state.get() == State.ANSWERED;
  }

  void answered(CompletionStage<?> acknowledgement) {
    answer = acknowledgement;
  }

  /** Takes the job away from its handler; false if the handler answered first. */
  boolean handBack() {
    return state.compareAndSet(State.RUNNING, State.HANDED_BACK);
  }

  void handlerReturned() {
    handlerReturned.complete(null);
  }

  /**
   * Done here: the handler returned and its answer, if it sent one, was acknowledged or refused.
   */
  CompletableFuture<Void> settled() {
    return handlerReturned.thenCompose(ignored -> answer.handle((response, failure) -> null));
  }
}
