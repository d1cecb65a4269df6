package dev.flowconnections.runtime.health;

import dev.flowconnections.credential.CredentialStores;
import dev.flowconnections.runtime.cluster.CamundaTokenCheck;
import io.camunda.client.CamundaClient;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/**
 * Readiness beyond the database: the Camunda gateway ("camunda", which replaces the starter's
 * indicator to add the mode and addresses) and the credential stores ("credentialStore"). The
 * groups are in application.yml.
 */
@Configuration(proxyBeanMethods = false)
class HealthConfiguration {

  @Bean
  HealthIndicator camundaHealthIndicator(
      CamundaClient client, CamundaTokenCheck token, Environment environment) {
    return new CamundaGatewayHealthIndicator(client, token, environment);
  }

  @Bean
  HealthIndicator credentialStoreHealthIndicator(CredentialStores stores) {
    return new CredentialStoreHealthIndicator(stores);
  }
}
