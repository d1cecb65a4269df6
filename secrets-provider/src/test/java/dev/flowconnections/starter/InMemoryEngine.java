package dev.flowconnections.starter;

import dev.flowconnections.secretprovider.ProcessModels;
import io.camunda.zeebe.process.test.api.ZeebeTestEngine;
import io.camunda.zeebe.process.test.engine.EngineFactory;
import io.camunda.zeebe.protocol.record.ValueType;
import io.camunda.zeebe.protocol.record.intent.ProcessIntent;
import io.camunda.zeebe.protocol.record.value.deployment.Process;
import java.nio.charset.StandardCharsets;
import java.util.stream.StreamSupport;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The in-memory engine the sample runtime connects to. A real cluster serves process models through
 * its REST API, which this engine lacks; the placeholder guard reads them from its record stream
 * instead. Outside the sample application's package, so that only the tests add it.
 */
@Configuration(proxyBeanMethods = false)
public class InMemoryEngine {

  static final ZeebeTestEngine ENGINE = start();

  private static ZeebeTestEngine start() {
    ZeebeTestEngine engine = EngineFactory.create();
    engine.start();
    return engine;
  }

  static String grpcAddress() {
    return "http://" + ENGINE.getGatewayAddress();
  }

  @Bean
  ProcessModels engineProcessModels() {
    return key ->
        StreamSupport.stream(ENGINE.getRecordStreamSource().getRecords().spliterator(), false)
            .filter(
                r ->
                    r.getValueType() == ValueType.PROCESS && r.getIntent() == ProcessIntent.CREATED)
            .map(r -> (Process) r.getValue())
            .filter(p -> p.getProcessDefinitionKey() == key)
            .map(p -> new String(p.getResource(), StandardCharsets.UTF_8))
            .findFirst();
  }
}
