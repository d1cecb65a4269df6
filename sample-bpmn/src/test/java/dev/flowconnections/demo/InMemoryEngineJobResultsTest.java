package dev.flowconnections.demo;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flowconnections.runtime.testsupport.RuntimeTestSupport;
import io.camunda.client.CamundaClient;
import io.camunda.client.CamundaClientBuilder;
import io.camunda.client.api.response.ActivatedJob;
import io.camunda.zeebe.process.test.api.ZeebeTestEngine;
import io.camunda.zeebe.protocol.record.Record;
import io.camunda.zeebe.protocol.record.ValueType;
import io.camunda.zeebe.protocol.record.intent.ProcessInstanceIntent;
import io.camunda.zeebe.protocol.record.value.ProcessInstanceRecordValue;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * What the in-memory engine lacks and how the demo and the tests make up for it: its gateway drops
 * a completed job's result, so an ad-hoc sub-process job completed with "activate the tool"
 * activates nothing; through {@link InMemoryEngineJobResults} the same command activates the tool,
 * as Camunda's gateway on a cluster does.
 */
class InMemoryEngineJobResultsTest {

  static final String PROCESS =
      """
      <?xml version="1.0" encoding="UTF-8"?>
      <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:zeebe="http://camunda.org/schema/zeebe/1.0" id="d" targetNamespace="http://flowconnections.dev/bpmn">
        <bpmn:process id="adhoc-gap" isExecutable="true">
          <bpmn:startEvent id="start"><bpmn:outgoing>toAgent</bpmn:outgoing></bpmn:startEvent>
          <bpmn:sequenceFlow id="toAgent" sourceRef="start" targetRef="agent"/>
          <bpmn:adHocSubProcess id="agent">
            <bpmn:extensionElements>
              <zeebe:taskDefinition type="gap-agent"/>
              <zeebe:adHoc outputCollection="toolCallResults" outputElement="=toolCallResult"/>
            </bpmn:extensionElements>
            <bpmn:incoming>toAgent</bpmn:incoming><bpmn:outgoing>toEnd</bpmn:outgoing>
            <bpmn:serviceTask id="tool">
              <bpmn:extensionElements><zeebe:taskDefinition type="gap-tool"/></bpmn:extensionElements>
            </bpmn:serviceTask>
          </bpmn:adHocSubProcess>
          <bpmn:sequenceFlow id="toEnd" sourceRef="agent" targetRef="end"/>
          <bpmn:endEvent id="end"><bpmn:incoming>toEnd</bpmn:incoming></bpmn:endEvent>
        </bpmn:process>
      </bpmn:definitions>
      """;

  private final ZeebeTestEngine engine = RuntimeTestSupport.startEngine();

  @AfterEach
  void stop() {
    engine.stop();
  }

  @Test
  void theStockGatewayDropsTheResultSoTheToolNeverRuns() throws Exception {
    try (CamundaClient client = client(builder -> builder)) {
      long instance = runAgentJobActivatingTheTool(client);

      assertThat(activated(instance, "tool")).isFalse();
    }
  }

  @Test
  void throughTheInterceptorTheEngineActivatesTheToolWithItsVariables() throws Exception {
    try (CamundaClient client =
        client(builder -> builder.withInterceptors(new InMemoryEngineJobResults(engine)))) {
      long instance = runAgentJobActivatingTheTool(client);

      assertThat(activated(instance, "tool")).isTrue();
      List<ActivatedJob> tools =
          client
              .newActivateJobsCommand()
              .jobType("gap-tool")
              .maxJobsToActivate(1)
              .send()
              .join()
              .getJobs();
      assertThat(tools).hasSize(1);
      assertThat(tools.get(0).getVariablesAsMap()).containsEntry("toolCall", Map.of("q", "42"));
    }
  }

  private long runAgentJobActivatingTheTool(CamundaClient client) throws Exception {
    client.newDeployResourceCommand().addResourceStringUtf8(PROCESS, "gap.bpmn").send().join();
    long instance =
        client
            .newCreateInstanceCommand()
            .bpmnProcessId("adhoc-gap")
            .latestVersion()
            .send()
            .join()
            .getProcessInstanceKey();
    engine.waitForIdleState(Duration.ofSeconds(10));
    ActivatedJob job =
        client
            .newActivateJobsCommand()
            .jobType("gap-agent")
            .maxJobsToActivate(1)
            .send()
            .join()
            .getJobs()
            .get(0);
    client
        .newCompleteCommand(job)
        .withResult(
            result ->
                result
                    .forAdHocSubProcess()
                    .completionConditionFulfilled(false)
                    .cancelRemainingInstances(false)
                    .activateElement("tool")
                    .variables(Map.of("toolCall", Map.of("q", "42"))))
        .send()
        .join();
    engine.waitForIdleState(Duration.ofSeconds(10));
    return instance;
  }

  private boolean activated(long instance, String elementId) {
    return StreamSupport.stream(engine.getRecordStreamSource().getRecords().spliterator(), false)
        .filter(r -> r.getValueType() == ValueType.PROCESS_INSTANCE)
        .filter(r -> r.getIntent() == ProcessInstanceIntent.ELEMENT_ACTIVATED)
        .map(Record::getValue)
        .map(ProcessInstanceRecordValue.class::cast)
        .anyMatch(v -> v.getProcessInstanceKey() == instance && v.getElementId().equals(elementId));
  }

  private CamundaClient client(UnaryOperator<CamundaClientBuilder> configure) {
    return configure
        .apply(
            CamundaClient.newClientBuilder()
                .grpcAddress(URI.create("http://" + engine.getGatewayAddress()))
                .preferRestOverGrpc(false))
        .build();
  }
}
