package dev.flowconnections.runtime.rest;

import dev.flowconnections.integration.openapi.ApiSpecRepository;
import dev.flowconnections.runtime.oauth2.OAuth2AccessTokens;
import dev.flowconnections.runtime.rest.auth.Authentications;
import dev.flowconnections.runtime.worker.WorkerConnections;
import io.camunda.connector.jackson.ConnectorsObjectMapperSupplier;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Registers the REST worker (the connector runtime opens a job worker for the function bean) and
 * the connection tester of REST API connections, which calls through the worker's service.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(RestLimits.class)
public class RestWorkerConfiguration {

  @Bean
  RestService restService(
      WorkerConnections connections,
      OAuth2AccessTokens oauth2AccessTokens,
      RestLimits limits,
      ApiSpecRepository specs) {
    return new RestService(
        connections,
        ConnectorsObjectMapperSupplier.getCopy(),
        limits.maxResponseSize(),
        new Authentications(oauth2AccessTokens),
        new RestOperations(specs::activeForConnection));
  }

  @Bean
  RestFunction restFunction(RestService restService) {
    return new RestFunction(restService);
  }

  @Bean
  RestConnectionTester restConnectionTester(RestService restService) {
    return new RestConnectionTester(restService);
  }
}
