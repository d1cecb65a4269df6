package dev.flowconnections.sample.support;

import dev.flowconnections.demo.EngineProcessModels;
import dev.flowconnections.demo.InMemoryEngineJobResults;
import dev.flowconnections.secretprovider.ProcessModels;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;

/**
 * The placeholder guard reads process models; the in-memory engine has no REST API, so the tests'
 * runtime reads them from the record stream of the engine it is connected to.
 */
@TestConfiguration(proxyBeanMethods = false)
public class EngineProcessModelsConfiguration {

  /** An AI agent sub-process needs job results, which the test engine's gateway drops. */
  @Bean
  InMemoryEngineJobResults engineJobResults(Environment environment) {
    return new InMemoryEngineJobResults(
        ProcessTestRuntime.engineAt(environment.getProperty("camunda.client.grpc-address")));
  }

  /** Off where a test wants the production lookup (the REST API, which the test engine lacks). */
  @Bean
  @ConditionalOnProperty(
      name = "flow-connections.test.engine-process-models",
      havingValue = "true",
      matchIfMissing = true)
  ProcessModels engineProcessModels(Environment environment) {
    return new EngineProcessModels(
        ProcessTestRuntime.engineAt(environment.getProperty("camunda.client.grpc-address")));
  }
}
