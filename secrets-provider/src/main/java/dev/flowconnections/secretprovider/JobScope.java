package dev.flowconnections.secretprovider;

import dev.flowconnections.audit.ProcessReference;
import io.camunda.connector.api.outbound.JobContext;
import java.util.Optional;
import java.util.concurrent.Callable;

/**
 * The job an outbound connector function is running for, on the thread that runs it. Camunda hands
 * a {@code SecretProvider} only a secret's name and the tenant; the placeholder guard opens this
 * scope around {@code execute} so that providers know which process asks (audit, process scope).
 * Outside a scope no placeholder is resolved.
 */
public record JobScope(
    String tenantId,
    String bpmnProcessId,
    long processDefinitionKey,
    String elementId,
    long processInstanceKey,
    long elementInstanceKey) {

  private static final ThreadLocal<JobScope> CURRENT = new ThreadLocal<>();

  public static JobScope of(JobContext job) {
    return new JobScope(
        job.getTenantId(),
        job.getBpmnProcessId(),
        job.getProcessDefinitionKey(),
        job.getElementId(),
        job.getProcessInstanceKey(),
        job.getElementInstanceKey());
  }

  /** The job this thread is running a connector function for; empty outside the guard. */
  public static Optional<JobScope> current() {
    return Optional.ofNullable(CURRENT.get());
  }

  /**
   * Runs {@code work} with this scope as {@link #current()}; the previous scope comes back after.
   */
  public <T> T call(Callable<T> work) throws Exception {
    JobScope previous = CURRENT.get();
    CURRENT.set(this);
    try {
      return work.call();
    } finally {
      if (previous == null) {
        CURRENT.remove();
      } else {
        CURRENT.set(previous);
      }
    }
  }

  /** How the audit log names this job. */
  public ProcessReference processReference() {
    return new ProcessReference(processInstanceKey, bpmnProcessId, elementId, elementInstanceKey);
  }
}
