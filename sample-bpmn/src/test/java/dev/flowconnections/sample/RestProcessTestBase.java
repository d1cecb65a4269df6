package dev.flowconnections.sample;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flowconnections.connection.ConnectionService;
import dev.flowconnections.connection.ConnectionView;
import dev.flowconnections.environment.Environment;
import dev.flowconnections.fields.FieldCatalog;
import dev.flowconnections.integration.AuthScheme;
import dev.flowconnections.integration.IntegrationService;
import dev.flowconnections.runtime.FlowConnectionsRuntime;
import dev.flowconnections.runtime.testsupport.RecordingHttpServer;
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
 * Runs {@code bpmn/rest-connection-example.bpmn} on an in-memory engine against the real runtime
 * (Spring context, connector runtime, PostgreSQL) and a local HTTP server. Subclasses pick the
 * environment and bring their own engine, so each runtime only ever sees its own jobs.
 *
 * <p>After every test, no secret the test used may appear in any record of the engine: process
 * variables, job records (their variables and headers), incidents.
 */
@SpringBootTest(classes = FlowConnectionsRuntime.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Import(EngineProcessModelsConfiguration.class)
abstract class RestProcessTestBase {

  static final String PROCESS_ID = "rest-connection-example";

  @Autowired CamundaClient client;
  @Autowired IntegrationService integrationService;
  @Autowired ConnectionService connectionService;
  @Autowired OrgSecretService orgSecretService;

  ConnectionsFixture connections;
  ProcessRecords records;
  private final Set<String> secretsInUse = new LinkedHashSet<>();

  /** The engine, environment and external server of the concrete test class. */
  abstract ProcessTestRuntime runtime();

  ZeebeTestEngine engine() {
    return runtime().engine();
  }

  RecordingHttpServer server() {
    return runtime().server();
  }

  @BeforeEach
  void deployAndReset() {
    client.newDeployResourceCommand().addResourceFromClasspath("bpmn/rest-connection-example.bpmn").send().join();
    server().reset();
    String prefix = getClass().getSimpleName().replace("RuntimeRestProcessTest", "");
    connections = new ConnectionsFixture(integrationService, connectionService, orgSecretService, prefix);
    records = new ProcessRecords(engine());
  }

  @AfterEach
  void noSecretInAnyRecord() {
    String everything = records.allAsJson();
    assertThat(everything).as("the record stream is read at all").contains(PROCESS_ID);
    for (String secret : secretsInUse) {
      assertThat(everything).as("records must not contain a secret value").doesNotContain(secret);
    }
  }

  /** Registers a value that must never show up in a record, and returns it. */
  String secret(String value) {
    secretsInUse.add(value);
    return value;
  }

  /** A BEARER connection to the local server (base path /api) with a token per environment. */
  ConnectionView bearerConnection(Map<Environment, String> tokens) {
    ConnectionView connection =
        connections.restConnection(AuthScheme.BEARER, Map.of(FieldCatalog.BASE_URL, server().baseUrl() + "/api"));
    tokens.forEach((environment, token) ->
        connections.credentials(connection, environment, Map.of(FieldCatalog.TOKEN, secret(token))));
    return connection;
  }

  long start(Map<String, Object> variables) {
    return startProcess(PROCESS_ID, variables);
  }

  long startProcess(String processId, Map<String, Object> variables) {
    return client.newCreateInstanceCommand().bpmnProcessId(processId).latestVersion()
        .variables(variables).send().join().getProcessInstanceKey();
  }

  static String keyOf(ConnectionView connection) {
    return connection.connection().key();
  }
}
