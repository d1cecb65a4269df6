package dev.flowconnections.sample;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flowconnections.access.Actor;
import dev.flowconnections.access.Role;
import dev.flowconnections.audit.AuditAction;
import dev.flowconnections.audit.AuditEvent;
import dev.flowconnections.audit.AuditLogService;
import dev.flowconnections.audit.AuditQuery;
import dev.flowconnections.audit.BatchingAuditWriter;
import dev.flowconnections.connection.ConnectionDraft;
import dev.flowconnections.connection.ConnectionView;
import dev.flowconnections.connection.Visibility;
import dev.flowconnections.environment.Environment;
import dev.flowconnections.fields.FieldCatalog;
import dev.flowconnections.runtime.rest.RestFunction;
import dev.flowconnections.sample.support.ConnectionsFixture;
import dev.flowconnections.sample.support.ProcessTestRuntime;
import io.camunda.zeebe.model.bpmn.Bpmn;
import io.camunda.zeebe.model.bpmn.BpmnModelInstance;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Process scope end to end: jobs carry no user, so the BPMN process id decides which connections
 * and org secrets a job may use. Processes with chosen ids run the REST task on the in-memory
 * engine against the real runtime; a refused job is an incident, the external server sees nothing
 * and the audit log records the refusal.
 */
class ProcessScopeRestProcessTest extends RestProcessTestBase {

  static final ProcessTestRuntime RUNTIME = ProcessTestRuntime.start(Environment.DEVELOPMENT);
  static final Actor VICTIM = new Actor("alice-owner", "default", Set.of(Role.USER));

  @Autowired BatchingAuditWriter connectionReads;
  @Autowired AuditLogService auditLog;

  @DynamicPropertySource
  static void properties(DynamicPropertyRegistry registry) {
    RUNTIME.register(registry);
  }

  ProcessScopeRestProcessTest() {
    super(RUNTIME);
  }

  @Test
  void aProcessCannotUseAnotherUsersPersonalConnectionByItsKey() throws Exception {
    ConnectionView personal = victimsPersonalConnection("victims-dev-token", List.of());

    long instance = run("attacker-process", personal);

    String incident = records.awaitIncident(instance);
    assertThat(incident)
        .as(
            "the same words as for a key nobody has: running a process tells nothing of others' connections")
        .isEqualTo("connection '" + keyOf(personal) + "' does not exist");
    assertThat(server().requests()).as("nothing reaches the external system").isEmpty();
    assertThat(records.completed(instance)).isFalse();
    AuditEvent refusal = refusal(instance, "attacker-process", AuditAction.CONNECTION_READ_REFUSED);
    assertThat(refusal.process().bpmnProcessId()).isEqualTo("attacker-process");
    assertThat(refusal.environment()).isEqualTo(Environment.DEVELOPMENT);
    assertThat(refusal.worker()).isEqualTo("REST worker");
    assertThat(refusal.subjectKey())
        .as("an admin does not see another user's personal connection key")
        .isNull();
  }

  @Test
  void thePersonalConnectionServesOnlyTheProcessesItsOwnerListed() {
    ConnectionView personal =
        victimsPersonalConnection("victims-listed-token", List.of("victims-process"));

    long own = run("victims-process", personal);
    records.awaitCompleted(own);
    assertThat(server().lastRequest().header("Authorization"))
        .isEqualTo("Bearer victims-listed-token");

    server().reset();
    long attacker = run("attacker-process", personal);
    assertThat(records.awaitIncident(attacker))
        .isEqualTo("connection '" + keyOf(personal) + "' does not exist");
    assertThat(server().requests())
        .as("a cached resolution for the owner's process serves no other")
        .isEmpty();
  }

  @Test
  void anOrganizationConnectionWithAListServesOnlyThoseProcesses() {
    ConnectionView connection = developmentBearerConnection("org-scoped-token");
    scope(ConnectionsFixture.ADMIN, connection, List.of("process-a"));

    long allowed = run("process-a", connection);
    records.awaitCompleted(allowed);
    assertThat(server().requests()).hasSize(1);

    long refused = run("process-b", connection);
    assertThat(records.awaitIncident(refused))
        .isEqualTo("connection '" + keyOf(connection) + "' may not be used by process 'process-b'");
    assertThat(server().requests())
        .as("process-a's cached resolution does not serve process-b")
        .hasSize(1);
  }

  @Test
  void aSecretReferencedByAConnectionIsRefusedToProcessesTheSecretDoesNotList() throws Exception {
    String secretKey = "SCOPED_CRM_TOKEN_" + System.nanoTime();
    orgSecretService.put(
        ConnectionsFixture.ADMIN,
        secretKey,
        secret("org-secret-for-process-a"),
        List.of("process-a"));
    ConnectionView connection = bearerConnection(Map.of());
    connections.credentials(
        connection,
        Environment.DEVELOPMENT,
        Map.of(FieldCatalog.TOKEN, "@@SECRET:" + secretKey + "@@"));

    long refused = run("process-b", connection);

    String incident = records.awaitIncident(refused);
    assertThat(incident)
        .contains("secret '" + secretKey + "'")
        .contains("process 'process-b'")
        .doesNotContain("org-secret-for-process-a");
    assertThat(server().requests()).isEmpty();
    assertThat(refusal(refused, "process-b", AuditAction.SECRET_READ_REFUSED).subjectKey())
        .isEqualTo(secretKey);

    long allowed = run("process-a", connection);
    records.awaitCompleted(allowed);
    assertThat(server().lastRequest().header("Authorization"))
        .isEqualTo("Bearer org-secret-for-process-a");
  }

  private ConnectionView victimsPersonalConnection(String token, List<String> allowedProcesses) {
    ConnectionView template =
        connections.restConnection(
            dev.flowconnections.integration.AuthScheme.BEARER,
            Map.of(FieldCatalog.BASE_URL, server().baseUrl() + "/api"));
    ConnectionView personal =
        connectionService.create(
            VICTIM,
            new ConnectionDraft(
                template.integration().id(),
                "Personal " + template.connection().name(),
                template.connection().key() + "-personal",
                Visibility.PERSONAL,
                null,
                allowedProcesses,
                null));
    connectionService.putEnvironment(
        VICTIM,
        personal.connection().id(),
        Environment.DEVELOPMENT,
        Map.of(FieldCatalog.TOKEN, secret(token)),
        null);
    return personal;
  }

  private void scope(Actor actor, ConnectionView connection, List<String> allowedProcesses) {
    ConnectionView current = connectionService.get(actor, connection.connection().id());
    connectionService.update(
        actor,
        connection.connection().id(),
        new ConnectionDraft(
            null,
            current.connection().name(),
            null,
            null,
            current.connection().version(),
            allowedProcesses,
            null));
  }

  /** Deploys the REST task under {@code processId} and starts it with {@code connection}. */
  private long run(String processId, ConnectionView connection) {
    client
        .newDeployResourceCommand()
        .addProcessModel(restTask(processId), processId + ".bpmn")
        .send()
        .join();
    return startProcess(processId, Map.of("connection", keyOf(connection), "path", "/orders"));
  }

  /**
   * The refusal audited for this instance of {@code processId}: every test class's engine numbers
   * its instances from the same first key and all write into one schema, so the key alone could
   * match another class's event.
   */
  private AuditEvent refusal(long instance, String processId, AuditAction action)
      throws InterruptedException {
    assertThat(connectionReads.awaitIdle(Duration.ofSeconds(10))).isTrue();
    Actor auditor = new Actor("auditor", "default", Set.of(Role.ADMIN));
    List<AuditEvent> events =
        auditLog
            .search(auditor, new AuditQuery(null, action, null, null, instance, null, null, 0, 50))
            .items()
            .stream()
            .filter(
                event ->
                    event.process() != null && processId.equals(event.process().bpmnProcessId()))
            .toList();
    assertThat(events).hasSize(1);
    assertThat(events.get(0).actor()).isEqualTo(AuditEvent.RUNTIME_ACTOR);
    return events.get(0);
  }

  private static BpmnModelInstance restTask(String processId) {
    return Bpmn.createExecutableProcess(processId)
        .startEvent()
        .serviceTask(
            "CallRestApi",
            task ->
                task.zeebeJobType(RestFunction.TYPE)
                    .zeebeJobRetries("1")
                    .zeebeInputExpression("connection", "connection")
                    .zeebeInputExpression("\"GET\"", "method")
                    .zeebeInputExpression("path", "path")
                    .zeebeTaskHeader("resultExpression", "={responseStatus: status}"))
        .endEvent()
        .done();
  }
}
