package dev.flowconnections.secretprovider;

import io.camunda.connector.runtime.core.outbound.OutboundConnectorFactory;
import io.camunda.connector.runtime.core.secret.SecretProviderAggregator;
import org.springframework.beans.factory.BeanFactory;
import org.springframework.beans.factory.BeanFactoryAware;
import org.springframework.beans.factory.config.BeanPostProcessor;

/**
 * Puts the guard around whatever connector factory and secret provider aggregator the runtime's
 * auto-configuration (or the application) defines, so no job and no provider call bypasses it.
 */
public class PlaceholderGuardPostProcessor implements BeanPostProcessor, BeanFactoryAware {

  private BeanFactory beans;

  @Override
  public void setBeanFactory(BeanFactory beanFactory) {
    this.beans = beanFactory;
  }

  @Override
  public Object postProcessAfterInitialization(Object bean, String beanName) {
    if (bean instanceof SecretProviderAggregator aggregator
        && !(bean instanceof GuardedSecretProviderAggregator)) {
      return new GuardedSecretProviderAggregator(aggregator);
    }
    if (bean instanceof OutboundConnectorFactory factory
        && !(bean instanceof GuardedOutboundConnectorFactory)) {
      return new GuardedOutboundConnectorFactory(
          factory, () -> beans.getBean(PlaceholderGuard.class));
    }
    return bean;
  }
}
