package dev.flowconnections.runtime.worker;

import dev.flowconnections.runtime.job.JobsInFlight;
import dev.flowconnections.templates.node.WorkerDescriptor;
import io.camunda.connector.api.outbound.OutboundConnectorContext;
import io.camunda.connector.api.outbound.OutboundConnectorFunction;

/**
 * A worker's function: binds the job's variables to the request record its {@link WorkerDescriptor}
 * names (validated with Jakarta Validation on the way) and hands it to the worker's service. The
 * subclass only carries the annotations that describe the worker.
 *
 * <p>When the job is an AI agent's tool, its failures go back to the model as the tool's result
 * where the model can act on them ({@link AgentToolFailures}): here, once for every worker.
 */
public abstract class WorkerFunction<R extends Record> implements OutboundConnectorFunction {

  private final Class<R> requestType;
  private final Handler<R> handler;

  @SuppressWarnings("unchecked")
  protected WorkerFunction(Handler<R> handler) {
    WorkerDescriptor descriptor = getClass().getAnnotation(WorkerDescriptor.class);
    if (descriptor == null) {
      throw new IllegalStateException(getClass().getSimpleName() + " has no @WorkerDescriptor");
    }
    this.requestType = (Class<R>) descriptor.request();
    this.handler = handler;
  }

  @Override
  public final Object execute(OutboundConnectorContext context) {
    if (!AgentToolFailures.isAgentTool(context.getJobContext())) {
      return handler.handle(context.bindVariables(requestType), context);
    }
    R request;
    try {
      request = context.bindVariables(requestType);
    } catch (RuntimeException e) {
      return AgentToolFailures.inputRejected(e);
    }
    try {
      return handler.handle(request, context);
    } catch (RuntimeException e) {
      return AgentToolFailures.answer(e, JobsInFlight.currentRetries());
    }
  }

  /** What the worker does with a bound, valid request. */
  @FunctionalInterface
  public interface Handler<R> {
    Object handle(R request, OutboundConnectorContext context);
  }
}
