package dev.flowconnections.runtime.worker;

import dev.flowconnections.templates.node.WorkerDescriptor;
import io.camunda.connector.api.outbound.OutboundConnectorContext;
import io.camunda.connector.api.outbound.OutboundConnectorFunction;

/**
 * A worker's function: binds the job's variables to the request record its {@link WorkerDescriptor}
 * names (validated with Jakarta Validation on the way) and hands it to the worker's service. The
 * subclass only carries the annotations that describe the worker.
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
    return handler.handle(context.bindVariables(requestType), context);
  }

  /** What the worker does with a bound, valid request. */
  @FunctionalInterface
  public interface Handler<R> {
    Object handle(R request, OutboundConnectorContext context);
  }
}
