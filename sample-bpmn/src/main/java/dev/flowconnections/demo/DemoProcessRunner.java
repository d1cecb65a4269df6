package dev.flowconnections.demo;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.camunda.zeebe.process.test.api.ZeebeTestEngine;
import io.camunda.zeebe.protocol.record.Record;
import io.camunda.zeebe.protocol.record.ValueType;
import io.camunda.zeebe.protocol.record.intent.IncidentIntent;
import io.camunda.zeebe.protocol.record.intent.ProcessInstanceIntent;
import io.camunda.zeebe.protocol.record.value.BpmnElementType;
import io.camunda.zeebe.protocol.record.value.IncidentRecordValue;
import io.camunda.zeebe.protocol.record.value.ProcessInstanceRecordValue;
import io.camunda.zeebe.protocol.record.value.VariableRecordValue;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/**
 * Watches one process instance in the demo engine's record stream until it completes or raises an
 * incident. The demo has no Operate; this is how a curl user sees what the worker did.
 */
class DemoProcessRunner {

  private static final Duration POLL = Duration.ofMillis(100);

  private final ZeebeTestEngine engine;
  private final ObjectMapper json;

  DemoProcessRunner(ZeebeTestEngine engine, ObjectMapper json) {
    this.engine = engine;
    this.json = json;
  }

  Outcome await(long processInstanceKey, Duration timeout) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (System.nanoTime() < deadline) {
      if (completed(processInstanceKey)) {
        return new Outcome(processInstanceKey, "COMPLETED", variables(processInstanceKey), null);
      }
      Optional<String> incident = incident(processInstanceKey);
      if (incident.isPresent()) {
        return new Outcome(
            processInstanceKey, "INCIDENT", variables(processInstanceKey), incident.get());
      }
      Thread.sleep(POLL.toMillis());
    }
    return new Outcome(processInstanceKey, "RUNNING", variables(processInstanceKey), null);
  }

  /** What the instance did: its state, its process variables and, if any, the incident message. */
  record Outcome(
      long processInstanceKey, String state, Map<String, Object> variables, String incident) {}

  private boolean completed(long key) {
    return records()
        .filter(
            r ->
                r.getValueType() == ValueType.PROCESS_INSTANCE
                    && r.getIntent() == ProcessInstanceIntent.ELEMENT_COMPLETED)
        .map(r -> (ProcessInstanceRecordValue) r.getValue())
        .anyMatch(
            v ->
                v.getProcessInstanceKey() == key
                    && v.getBpmnElementType() == BpmnElementType.PROCESS);
  }

  private Optional<String> incident(long key) {
    return records()
        .filter(
            r -> r.getValueType() == ValueType.INCIDENT && r.getIntent() == IncidentIntent.CREATED)
        .map(r -> (IncidentRecordValue) r.getValue())
        .filter(v -> v.getProcessInstanceKey() == key)
        .map(IncidentRecordValue::getErrorMessage)
        .findFirst();
  }

  private Map<String, Object> variables(long key) {
    Map<String, Object> variables = new LinkedHashMap<>();
    records()
        .filter(r -> r.getValueType() == ValueType.VARIABLE)
        .map(r -> (VariableRecordValue) r.getValue())
        .filter(v -> v.getProcessInstanceKey() == key && v.getScopeKey() == key)
        .forEach(v -> variables.put(v.getName(), parse(v.getValue())));
    return variables;
  }

  private Object parse(String value) {
    try {
      return json.readValue(value, Object.class);
    } catch (JsonProcessingException e) {
      return value;
    }
  }

  private Stream<Record<?>> records() {
    return StreamSupport.stream(engine.getRecordStreamSource().getRecords().spliterator(), false);
  }
}
