package dev.flowconnections.starter;

import static org.awaitility.Awaitility.await;

import dev.flowconnections.access.Actor;
import dev.flowconnections.access.Role;
import dev.flowconnections.connection.ConnectionDraft;
import dev.flowconnections.connection.ConnectionService;
import dev.flowconnections.connection.Visibility;
import dev.flowconnections.environment.Environment;
import dev.flowconnections.integration.AuthScheme;
import dev.flowconnections.integration.Integration;
import dev.flowconnections.integration.IntegrationService;
import dev.flowconnections.secret.OrgSecretService;
import dev.flowconnections.starter.sampleapp.CredentialCheckFunction;
import dev.flowconnections.starter.sampleapp.CredentialCheckRequest;
import dev.flowconnections.starter.sampleapp.SeenCredentials;
import dev.flowconnections.testsupport.IntegrationDrafts;
import io.camunda.client.CamundaClient;
import io.camunda.zeebe.model.bpmn.Bpmn;
import io.camunda.zeebe.protocol.record.Record;
import io.camunda.zeebe.protocol.record.ValueType;
import io.camunda.zeebe.protocol.record.intent.IncidentIntent;
import io.camunda.zeebe.protocol.record.intent.ProcessInstanceIntent;
import io.camunda.zeebe.protocol.record.value.BpmnElementType;
import io.camunda.zeebe.protocol.record.value.IncidentRecordValue;
import io.camunda.zeebe.protocol.record.value.ProcessInstanceRecordValue;
import io.camunda.zeebe.protocol.record.value.VariableRecordValue;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.StreamSupport;
import org.springframework.context.ApplicationContext;

/**
 * What a team does with our SecretProvider in its runtime: a connection and an org secret exist
 * (seeded through the starter's services), a process whose service task for the team's connector
 * writes {@code {{secrets.connections.<key>.token}}} and {@code {{secrets.SAMPLE_ORG_KEY}}} runs to
 * its end on the in-memory engine. Shared by the starter's test and the bundle jar's run in its own
 * JVM.
 */
final class CredentialCheckScenario {

  static final String TOKEN = "crm-token-7f3a9c";
  static final String ORG_SECRET = "org-secret-51b2";
  private static final Actor ADMIN = new Actor("admin", "default", Set.of(Role.ADMIN));

  /** What the process and the connector ended with. */
  record Outcome(
      String connectionKey,
      List<CredentialCheckRequest> seen,
      String result,
      String tokenVariable,
      String records) {}

  private CredentialCheckScenario() {}

  static Outcome run(ApplicationContext runtime) {
    String connectionKey = seedConnection(runtime);
    runtime.getBean(OrgSecretService.class).put(ADMIN, "SAMPLE_ORG_KEY", ORG_SECRET);

    CamundaClient client = runtime.getBean(CamundaClient.class);
    client
        .newDeployResourceCommand()
        .addProcessModel(
            Bpmn.createExecutableProcess("credential-check")
                .startEvent()
                .serviceTask(
                    "check",
                    task ->
                        task.zeebeJobType(CredentialCheckFunction.TYPE)
                            .zeebeInput(
                                "{{secrets.connections." + connectionKey + ".token}}", "token")
                            .zeebeInput("{{secrets.SAMPLE_ORG_KEY}}", "orgSecret")
                            .zeebeTaskHeader("resultVariable", "check"))
                .endEvent()
                .done(),
            "credential-check.bpmn")
        .send()
        .join();
    long instance =
        client
            .newCreateInstanceCommand()
            .bpmnProcessId("credential-check")
            .latestVersion()
            .send()
            .join()
            .getProcessInstanceKey();
    awaitCompletion(instance);

    return new Outcome(
        connectionKey,
        runtime.getBean(SeenCredentials.class).all(),
        variable(instance, "check"),
        variable(instance, "token"),
        records().toString());
  }

  /** A bearer-token REST connection with its PRODUCTION credential. */
  private static String seedConnection(ApplicationContext runtime) {
    Integration crm =
        runtime
            .getBean(IntegrationService.class)
            .create(
                ADMIN,
                IntegrationDrafts.restSameForAll(
                    "CRM",
                    "test",
                    AuthScheme.BEARER,
                    Map.of("baseUrl", "https://crm.example.com")));
    ConnectionService connections = runtime.getBean(ConnectionService.class);
    var connection =
        connections.create(
            ADMIN, new ConnectionDraft(crm.id(), "Sales CRM", null, Visibility.ORGANIZATION, null));
    connections.putEnvironment(
        ADMIN, connection.connection().id(), Environment.PRODUCTION, Map.of("token", TOKEN), null);
    return connection.connection().key();
  }

  /** An incident fails at once, with its message. */
  private static void awaitCompletion(long instance) {
    await()
        .atMost(Duration.ofSeconds(90))
        .pollInterval(Duration.ofMillis(200))
        .until(
            () -> {
              records().stream()
                  .filter(
                      r ->
                          r.getValueType() == ValueType.INCIDENT
                              && r.getIntent() == IncidentIntent.CREATED)
                  .map(r -> (IncidentRecordValue) r.getValue())
                  .filter(incident -> incident.getProcessInstanceKey() == instance)
                  .findFirst()
                  .ifPresent(
                      incident -> {
                        throw new AssertionError("incident: " + incident.getErrorMessage());
                      });
              return records().stream()
                  .filter(
                      r ->
                          r.getValueType() == ValueType.PROCESS_INSTANCE
                              && r.getIntent() == ProcessInstanceIntent.ELEMENT_COMPLETED)
                  .map(r -> (ProcessInstanceRecordValue) r.getValue())
                  .anyMatch(
                      v ->
                          v.getBpmnElementType() == BpmnElementType.PROCESS
                              && v.getProcessInstanceKey() == instance);
            });
  }

  private static String variable(long instance, String name) {
    return records().stream()
        .filter(r -> r.getValueType() == ValueType.VARIABLE)
        .map(r -> (VariableRecordValue) r.getValue())
        .filter(v -> v.getProcessInstanceKey() == instance && v.getName().equals(name))
        .reduce((first, last) -> last)
        .map(VariableRecordValue::getValue)
        .orElseThrow(() -> new AssertionError("no variable " + name));
  }

  private static List<Record<?>> records() {
    return StreamSupport.stream(
            InMemoryEngine.ENGINE.getRecordStreamSource().getRecords().spliterator(), false)
        .<Record<?>>map(r -> r)
        .toList();
  }
}
