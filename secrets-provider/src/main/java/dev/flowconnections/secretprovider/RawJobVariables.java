package dev.flowconnections.secretprovider;

import io.camunda.client.api.response.ActivatedJob;
import io.camunda.connector.api.error.ConnectorInputException;
import io.camunda.connector.api.outbound.OutboundConnectorContext;
import io.camunda.connector.runtime.core.outbound.JobHandlerContext;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;

/**
 * The job's variables as Zeebe sent them. The runtime's context answers {@code
 * getJobContext().getVariables()} only after its own secret replacement over all variables, which
 * is what the guard must avoid; the activated job it wraps is private ({@code
 * JobHandlerContext.job}, connector runtime 8.8). If a future runtime changes that, every guarded
 * job fails with a message saying so rather than running with data-borne placeholders resolved
 * ({@code SecretPlaceholderProcessTest} catches it on upgrade).
 */
final class RawJobVariables {

  private static final VarHandle JOB = jobField();

  private RawJobVariables() {}

  static String of(OutboundConnectorContext context) {
    if (JOB == null || !(context instanceof JobHandlerContext runtimeContext)) {
      throw new ConnectorInputException(
          "the job was not run: this connector runtime's context ("
              + context.getClass().getName()
              + ") does not give the job's variables before secret replacement, so secret placeholders "
              + "in data cannot be kept from being resolved",
          null);
    }
    return ((ActivatedJob) JOB.get(runtimeContext)).getVariables();
  }

  private static VarHandle jobField() {
    try {
      return MethodHandles.privateLookupIn(JobHandlerContext.class, MethodHandles.lookup())
          .findVarHandle(JobHandlerContext.class, "job", ActivatedJob.class);
    } catch (ReflectiveOperationException | RuntimeException e) {
      return null;
    }
  }
}
