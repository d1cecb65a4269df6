package dev.flowconnections.demo;

import dev.flowconnections.secretprovider.ProcessModels;
import io.camunda.zeebe.process.test.api.ZeebeTestEngine;
import io.camunda.zeebe.protocol.record.ValueType;
import io.camunda.zeebe.protocol.record.intent.ProcessIntent;
import io.camunda.zeebe.protocol.record.value.deployment.Process;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.stream.StreamSupport;

/**
 * Process models of the in-memory engine, which has no REST API: the BPMN of each deployed
 * definition as its PROCESS CREATED record carries it. For the demo and the end-to-end tests.
 */
public class EngineProcessModels implements ProcessModels {

  private final ZeebeTestEngine engine;

  public EngineProcessModels(ZeebeTestEngine engine) {
    this.engine = engine;
  }

  @Override
  public Optional<String> bpmnXml(long processDefinitionKey) {
    return StreamSupport.stream(engine.getRecordStreamSource().getRecords().spliterator(), false)
        .filter(
            r -> r.getValueType() == ValueType.PROCESS && r.getIntent() == ProcessIntent.CREATED)
        .map(r -> (Process) r.getValue())
        .filter(p -> p.getProcessDefinitionKey() == processDefinitionKey)
        .map(p -> new String(p.getResource(), StandardCharsets.UTF_8))
        .findFirst();
  }
}
