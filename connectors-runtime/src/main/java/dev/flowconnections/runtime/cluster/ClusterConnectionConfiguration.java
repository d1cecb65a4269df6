package dev.flowconnections.runtime.cluster;

import org.springframework.beans.factory.config.BeanFactoryPostProcessor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/** How the runtime reaches its Camunda cluster: checked before anything connects. */
@Configuration(proxyBeanMethods = false)
class ClusterConnectionConfiguration {

  /** Static: a BeanFactoryPostProcessor runs before the other beans of this configuration exist. */
  @Bean
  static BeanFactoryPostProcessor camundaClientSettingsCheck(Environment environment) {
    return new CamundaClientSettingsCheck(environment);
  }
}
