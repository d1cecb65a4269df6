package dev.flowconnections.demo;

import dev.flowconnections.secretprovider.ProcessModels;
import io.camunda.zeebe.process.test.api.ZeebeTestEngine;
import io.camunda.zeebe.process.test.engine.EngineFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Profile;

/**
 * The in-memory Zeebe engine of the demo (gRPC only, no authentication, state lost on exit). As a
 * singleton bean it starts before the Camunda client's lifecycle opens the job workers, and stops
 * after they closed.
 */
@Configuration(proxyBeanMethods = false)
@Profile(FlowConnectionsDemo.PROFILE)
class DemoEngineConfiguration {

  private static final Logger LOG = LoggerFactory.getLogger(DemoEngineConfiguration.class);

  @Bean(destroyMethod = "stop")
  ZeebeTestEngine demoZeebeEngine(DemoProperties properties) {
    ZeebeTestEngine engine = EngineFactory.create(properties.getEnginePort());
    engine.start();
    // the engine reports 0.0.0.0, but LoopbackGrpcServerProvider binds every gRPC server of the
    // demo to loopback
    LOG.info(
        "Demo: in-memory Zeebe engine listening at 127.0.0.1:{} (no authentication; demo only)",
        properties.getEnginePort());
    return engine;
  }

  /** The in-memory engine's gateway drops job results, which an AI agent sub-process needs. */
  @Bean
  InMemoryEngineJobResults demoEngineJobResults(ZeebeTestEngine demoZeebeEngine) {
    return new InMemoryEngineJobResults(demoZeebeEngine);
  }

  /** The placeholder guard reads process models; the in-memory engine has no REST API for them. */
  @Bean
  ProcessModels demoProcessModels(ZeebeTestEngine demoZeebeEngine) {
    return new EngineProcessModels(demoZeebeEngine);
  }
}
