package dev.flowconnections.runtime.cluster;

import io.camunda.client.CredentialsProvider;
import io.camunda.client.spring.properties.CamundaClientProperties;
import org.springframework.beans.factory.config.BeanFactoryPostProcessor;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/**
 * How the runtime reaches its Camunda cluster: checked before anything connects, and once it runs.
 */
@Configuration(proxyBeanMethods = false)
class ClusterConnectionConfiguration {

  /** Static: a BeanFactoryPostProcessor runs before the other beans of this configuration exist. */
  @Bean
  static BeanFactoryPostProcessor camundaClientSettingsCheck(Environment environment) {
    return new CamundaClientSettingsCheck(environment);
  }

  @Bean
  CamundaTokenCheck camundaTokenCheck(
      CredentialsProvider credentials, CamundaClientProperties client) {
    return new CamundaTokenCheck(
        credentials,
        client.getAuth().getTokenUrl(),
        client.getAuth().getClientId(),
        client.getAuth().getCredentialsCachePath());
  }

  /**
   * Asks for a token once the runtime is up, so a wrong client secret is one clear line at start,
   * not only a stream of cancelled job polls. A failure does not stop the runtime: the identity
   * provider may come back, and readiness stays DOWN meanwhile.
   */
  @Bean
  ApplicationListener<ApplicationReadyEvent> camundaTokenCheckAtStart(CamundaTokenCheck check) {
    return event -> check.problem();
  }
}
