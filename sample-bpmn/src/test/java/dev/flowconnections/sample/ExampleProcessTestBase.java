package dev.flowconnections.sample;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flowconnections.connection.ConnectionService;
import dev.flowconnections.connection.ConnectionView;
import dev.flowconnections.integration.IntegrationService;
import dev.flowconnections.runtime.FlowConnectionsRuntime;
import dev.flowconnections.sample.support.ConnectionsFixture;
import dev.flowconnections.sample.support.EngineProcessModelsConfiguration;
import dev.flowconnections.sample.support.ProcessRecords;
import dev.flowconnections.sample.support.ProcessTestRuntime;
import dev.flowconnections.secret.OrgSecretService;
import io.camunda.client.CamundaClient;
import io.camunda.zeebe.process.test.api.ZeebeTestEngine;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;

/**
 * Runs one example process of {@code bpmn/} on an in-memory engine against the real runtime (Spring
 * context, connector runtime, PostgreSQL) and a local stand-in for the external system. Subclasses
 * bring their own engine, so each runtime only ever sees its own jobs.
 *
 * <p>After every test, no secret the test used may appear in any record of the engine: process
 * variables, job records (their variables and headers), incidents.
 */
@SpringBootTest(
    classes = FlowConnectionsRuntime.class,
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Import(EngineProcessModelsConfiguration.class)
abstract class ExampleProcessTestBase {

  @Autowired CamundaClient client;
  @Autowired IntegrationService integrationService;
  @Autowired ConnectionService connectionService;
  @Autowired OrgSecretService orgSecretService;

  ConnectionsFixture connections;
  ProcessRecords records;
  private final Set<String> secretsInUse = new LinkedHashSet<>();
  private final ProcessTestRuntime runtime;
  private final String processId;

  /**
   * @param runtime the concrete class's engine, environment and (where used) HTTP server; held in
   *     its static field, whose {@code register} its {@code @DynamicPropertySource} calls
   * @param processId the example's process id; its file is {@code bpmn/<id>.bpmn}
   */
  ExampleProcessTestBase(ProcessTestRuntime runtime, String processId) {
    this.runtime = runtime;
    this.processId = processId;
  }

  ProcessTestRuntime runtime() {
    return runtime;
  }

  ZeebeTestEngine engine() {
    return runtime.engine();
  }

  String processId() {
    return processId;
  }

  /** What the names of the integrations and connections this class creates start with. */
  String fixturePrefix() {
    return getClass().getSimpleName();
  }

  @BeforeEach
  void deployAndReset() {
    client
        .newDeployResourceCommand()
        .addResourceFromClasspath("bpmn/" + processId() + ".bpmn")
        .send()
        .join();
    connections =
        new ConnectionsFixture(
            integrationService, connectionService, orgSecretService, fixturePrefix());
    records = new ProcessRecords(engine());
  }

  @AfterEach
  void noSecretInAnyRecord() {
    String everything = records.allAsJson();
    assertThat(everything).as("the record stream is read at all").contains(processId());
    for (String secret : secretsInUse) {
      assertThat(everything).as("records must not contain a secret value").doesNotContain(secret);
    }
  }

  /** Registers a value that must never show up in a record, and returns it. */
  String secret(String value) {
    secretsInUse.add(value);
    return value;
  }

  long start(Map<String, Object> variables) {
    return startProcess(processId(), variables);
  }

  long startProcess(String processId, Map<String, Object> variables) {
    return client
        .newCreateInstanceCommand()
        .bpmnProcessId(processId)
        .latestVersion()
        .variables(variables)
        .send()
        .join()
        .getProcessInstanceKey();
  }

  static String keyOf(ConnectionView connection) {
    return connection.connection().key();
  }
}
