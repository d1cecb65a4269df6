package dev.flowconnections.sample.support;

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
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import org.awaitility.Awaitility;

/**
 * Reads what happened from the in-memory engine's record stream (BpmnAssert only accepts the old
 * ZeebeClient). The job worker runs outside the engine, so waiting means: let the engine go idle,
 * look, and poll again until the expected record is there.
 */
public final class ProcessRecords {

  /**
   * A deadline, not a wait: the in-memory engine now and then drops a worker's job poll, which
   * delays that worker's next job by the poll's 20 s deadline; two such drops must still pass.
   */
  private static final Duration TIMEOUT = Duration.ofSeconds(60);

  private final ZeebeTestEngine engine;

  public ProcessRecords(ZeebeTestEngine engine) {
    this.engine = engine;
  }

  public Stream<Record<?>> all() {
    idle();
    return StreamSupport.stream(engine.getRecordStreamSource().getRecords().spliterator(), false);
  }

  /**
   * Every record as JSON, one per line: what an exporter would ship to Operate or Elasticsearch.
   */
  public String allAsJson() {
    return all().map(Record::toJson).collect(Collectors.joining("\n"));
  }

  public void awaitCompleted(long processInstanceKey) {
    awaitTrue(
        "process instance " + processInstanceKey + " to complete",
        () -> completed(processInstanceKey));
  }

  public boolean completed(long processInstanceKey) {
    return passed(processInstanceKey, BpmnElementType.PROCESS, null);
  }

  public boolean passedElement(long processInstanceKey, String elementId) {
    return passed(processInstanceKey, null, elementId);
  }

  public String awaitIncident(long processInstanceKey) {
    return awaitPresent(
        "an incident in process instance " + processInstanceKey,
        () -> incidentMessage(processInstanceKey));
  }

  public Optional<String> incidentMessage(long processInstanceKey) {
    return all()
        .filter(
            r -> r.getValueType() == ValueType.INCIDENT && r.getIntent() == IncidentIntent.CREATED)
        .map(r -> (IncidentRecordValue) r.getValue())
        .filter(v -> v.getProcessInstanceKey() == processInstanceKey)
        .map(IncidentRecordValue::getErrorMessage)
        .findFirst();
  }

  /** Process-level variables as JSON text, latest value of each. */
  public Map<String, String> variables(long processInstanceKey) {
    Map<String, String> variables = new LinkedHashMap<>();
    all()
        .filter(r -> r.getValueType() == ValueType.VARIABLE)
        .map(r -> (VariableRecordValue) r.getValue())
        .filter(
            v ->
                v.getProcessInstanceKey() == processInstanceKey
                    && v.getScopeKey() == processInstanceKey)
        .forEach(v -> variables.put(v.getName(), v.getValue()));
    return variables;
  }

  public void awaitTrue(String what, Supplier<Boolean> condition) {
    Awaitility.await(what)
        .atMost(TIMEOUT)
        .pollInterval(Duration.ofMillis(200))
        .until(condition::get);
  }

  public <T> T awaitPresent(String what, Supplier<Optional<T>> lookup) {
    return Awaitility.await(what)
        .atMost(TIMEOUT)
        .pollInterval(Duration.ofMillis(200))
        .until(lookup::get, Optional::isPresent)
        .orElseThrow();
  }

  private boolean passed(long processInstanceKey, BpmnElementType type, String elementId) {
    return all()
        .filter(
            r ->
                r.getValueType() == ValueType.PROCESS_INSTANCE
                    && r.getIntent() == ProcessInstanceIntent.ELEMENT_COMPLETED)
        .map(r -> (ProcessInstanceRecordValue) r.getValue())
        .anyMatch(
            v ->
                v.getProcessInstanceKey() == processInstanceKey
                    && (type == null || v.getBpmnElementType() == type)
                    && (elementId == null || elementId.equals(v.getElementId())));
  }

  private void idle() {
    try {
      engine.waitForIdleState(Duration.ofSeconds(1));
    } catch (TimeoutException e) {
      // still busy: read what is there, the caller polls again
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
