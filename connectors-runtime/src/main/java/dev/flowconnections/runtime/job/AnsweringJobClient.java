package dev.flowconnections.runtime.job;

import dev.flowconnections.runtime.job.JobOutcomes.Outcome;
import io.camunda.client.api.CamundaFuture;
import io.camunda.client.api.command.ActivateJobsCommandStep1;
import io.camunda.client.api.command.CompleteJobCommandStep1;
import io.camunda.client.api.command.FailJobCommandStep1;
import io.camunda.client.api.command.FinalCommandStep;
import io.camunda.client.api.command.StreamJobsCommandStep1;
import io.camunda.client.api.command.ThrowErrorCommandStep1;
import io.camunda.client.api.response.ActivatedJob;
import io.camunda.client.api.worker.JobClient;
import io.camunda.client.impl.CamundaClientFutureImpl;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.util.function.Consumer;

/**
 * The job client a handler answers its job with: each answer is counted by its outcome, and is not
 * sent at all once the job was handed back at shutdown. The command builders stay Camunda's; only
 * {@code send()} (and {@code retries(n)}, which decides retry or incident) is looked at.
 */
final class AnsweringJobClient implements JobClient {

  private static final String COMMAND_PACKAGE = FinalCommandStep.class.getPackageName();

  private final JobClient client;
  private final RunningJob running;
  private final Consumer<Outcome> outcomes;

  AnsweringJobClient(JobClient client, RunningJob running, Consumer<Outcome> outcomes) {
    this.client = client;
    this.running = running;
    this.outcomes = outcomes;
  }

  @Override
  public CompleteJobCommandStep1 newCompleteCommand(long jobKey) {
    return gated(
        client.newCompleteCommand(jobKey),
        CompleteJobCommandStep1.class,
        new Answer(Outcome.COMPLETED));
  }

  @Override
  public CompleteJobCommandStep1 newCompleteCommand(ActivatedJob job) {
    return gated(
        client.newCompleteCommand(job),
        CompleteJobCommandStep1.class,
        new Answer(Outcome.COMPLETED));
  }

  @Override
  public FailJobCommandStep1 newFailCommand(long jobKey) {
    return gated(
        client.newFailCommand(jobKey), FailJobCommandStep1.class, new Answer(Outcome.INCIDENT));
  }

  @Override
  public FailJobCommandStep1 newFailCommand(ActivatedJob job) {
    return gated(
        client.newFailCommand(job), FailJobCommandStep1.class, new Answer(Outcome.INCIDENT));
  }

  @Override
  public ThrowErrorCommandStep1 newThrowErrorCommand(long jobKey) {
    return gated(
        client.newThrowErrorCommand(jobKey),
        ThrowErrorCommandStep1.class,
        new Answer(Outcome.BPMN_ERROR));
  }

  @Override
  public ThrowErrorCommandStep1 newThrowErrorCommand(ActivatedJob job) {
    return gated(
        client.newThrowErrorCommand(job),
        ThrowErrorCommandStep1.class,
        new Answer(Outcome.BPMN_ERROR));
  }

  @Override
  public ActivateJobsCommandStep1 newActivateJobsCommand() {
    return client.newActivateJobsCommand();
  }

  @Override
  public StreamJobsCommandStep1 newStreamJobsCommand() {
    return client.newStreamJobsCommand();
  }

  /** One answer being built: its outcome, and whether it was counted (a resend is not). */
  private final class Answer {

    private volatile Outcome outcome;
    private boolean counted;

    Answer(Outcome outcome) {
      this.outcome = outcome;
    }

    synchronized CamundaFuture<?> send(Object command, Method send) throws Throwable {
      if (!running.mayAnswer()) {
        CamundaClientFutureImpl<Object, Object> refused = new CamundaClientFutureImpl<>();
        refused.completeExceptionally(
            new IllegalStateException(
                "job "
                    + running.job().getKey()
                    + " was handed back at shutdown; its handler's answer is dropped"));
        return refused;
      }
      CamundaFuture<?> acknowledgement = (CamundaFuture<?>) invoke(command, send, null);
      running.answered(acknowledgement);
      if (!counted) {
        counted = true;
        outcomes.accept(outcome);
      }
      return acknowledgement;
    }
  }

  private <T> T gated(Object command, Class<T> type, Answer answer) {
    InvocationHandler handler =
        (proxy, method, args) -> {
          if (method.isDefault()) {
            return InvocationHandler.invokeDefault(
                proxy, method, args); // e.g. execute() calls send() on the proxy
          }
          if (method.getName().equals("send") && method.getParameterCount() == 0) {
            return answer.send(command, method);
          }
          if (method.getName().equals("retries") && method.getParameterTypes()[0] == int.class) {
            answer.outcome = JobOutcomes.ofFailure((int) args[0]);
          }
          Object next = invoke(command, method, args);
          Class<?> returned = method.getReturnType();
          if (next == null
              || !returned.isInterface()
              || !returned.getPackageName().equals(COMMAND_PACKAGE)) {
            return next;
          }
          // the next step of the builder, often the same object under another interface
          return next == command && returned.isInstance(proxy)
              ? proxy
              : gated(next, returned, answer);
        };
    return type.cast(Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type}, handler));
  }

  private static Object invoke(Object target, Method method, Object[] args) throws Throwable {
    try {
      return method.invoke(target, args);
    } catch (InvocationTargetException e) {
      throw e.getCause();
    }
  }
}
