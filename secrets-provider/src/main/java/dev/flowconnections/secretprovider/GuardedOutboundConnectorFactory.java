package dev.flowconnections.secretprovider;

import io.camunda.connector.api.outbound.OutboundConnectorFunction;
import io.camunda.connector.runtime.core.config.OutboundConnectorConfiguration;
import io.camunda.connector.runtime.core.outbound.OutboundConnectorFactory;
import java.util.Collection;
import java.util.function.Supplier;

/**
 * The runtime's connector factory, handing out every function (Spring beans, SPI-discovered stock
 * connectors, operation-style providers) wrapped by the {@link PlaceholderGuard}. The runtime opens
 * one job worker per function it gets here.
 */
public class GuardedOutboundConnectorFactory implements OutboundConnectorFactory {

  private final OutboundConnectorFactory runtime;
  private final Supplier<PlaceholderGuard> guard;

  public GuardedOutboundConnectorFactory(
      OutboundConnectorFactory runtime, Supplier<PlaceholderGuard> guard) {
    this.runtime = runtime;
    this.guard = guard;
  }

  @Override
  public Collection<OutboundConnectorConfiguration> getConfigurations() {
    return runtime.getConfigurations();
  }

  @Override
  public OutboundConnectorFunction getInstance(String type) {
    return guard.get().guard(runtime.getInstance(type));
  }
}
