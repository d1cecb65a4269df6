package dev.flowconnections.sample;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flowconnections.connection.ConnectionView;
import dev.flowconnections.credential.vault.InProcessVaultServer;
import dev.flowconnections.credential.vault.VaultTestSupport;
import dev.flowconnections.environment.Environment;
import dev.flowconnections.runtime.rest.RestFunction;
import dev.flowconnections.runtime.testsupport.RecordingHttpServer.Reply;
import dev.flowconnections.sample.support.ProcessTestRuntime;
import io.camunda.zeebe.model.bpmn.Bpmn;
import io.camunda.zeebe.model.bpmn.BpmnModelInstance;
import io.camunda.zeebe.protocol.record.ValueType;
import io.camunda.zeebe.protocol.record.intent.IncidentIntent;
import io.camunda.zeebe.protocol.record.intent.JobIntent;
import io.camunda.zeebe.protocol.record.value.IncidentRecordValue;
import io.camunda.zeebe.protocol.record.value.JobRecordValue;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * A runtime whose credentials live in Vault, while Vault is sealed: the job fails with a retry and
 * a readable message, and once Vault is back the same runtime (no restart) completes the process;
 * with no retries left, the incident says the credential store is unavailable.
 */
class VaultStoreProcessTest extends RestProcessTestBase {

  static final ProcessTestRuntime RUNTIME = ProcessTestRuntime.start(Environment.DEVELOPMENT);
  static final InProcessVaultServer VAULT = InProcessVaultServer.start(VaultTestSupport.MOUNT);
  static final String VAULT_TOKEN = VAULT.rootToken();
  static final String PROCESS = "rest-with-vault-credentials";
  static final Duration BACKOFF = Duration.ofMinutes(1);

  @DynamicPropertySource
  static void properties(DynamicPropertyRegistry registry) {
    RUNTIME.register(registry);
    registry.add("flow-connections.store.type", () -> "vault");
    registry.add("flow-connections.store.vault.uri", () -> VAULT.uri().toString());
    registry.add("flow-connections.store.vault.authentication", () -> "token");
    registry.add("flow-connections.store.vault.token", () -> VAULT_TOKEN);
  }

  VaultStoreProcessTest() {
    super(RUNTIME);
  }

  @AfterEach
  void unseal() {
    VAULT.unseal();
  }

  @Test
  void aSealedVaultFailsTheJobForARetryAndTheProcessCompletesOnceVaultIsBack() {
    ConnectionView connection = developmentBearerConnection("dev-token-kept-in-vault");
    assertThat(
            VAULT.current(
                VaultTestSupport.MOUNT,
                "flow-connections/default/" + keyOf(connection) + "/DEVELOPMENT"))
        .isEqualTo(Map.of("token", "dev-token-kept-in-vault"));
    server().respond(Reply.json(200, "{\"id\":7}"));
    deploy(3);
    VAULT.seal();

    long instance =
        startProcess(PROCESS, Map.of("connection", keyOf(connection), "path", "/orders/7"));

    JobRecordValue failed = records.awaitPresent("a failed job", () -> failedJob(instance));
    assertThat(failed.getRetries()).isEqualTo(2);
    assertThat(failed.getErrorMessage())
        .contains("credentials of connection '" + keyOf(connection) + "' cannot be read right now")
        .contains("Vault is sealed or unavailable (503)");
    assertThat(records.incidentMessage(instance)).isEmpty();
    assertThat(server().requests()).isEmpty();

    VAULT.unseal();
    engine().increaseTime(BACKOFF.plusSeconds(1));

    records.awaitCompleted(instance);
    assertThat(server().lastRequest().header("Authorization"))
        .isEqualTo("Bearer dev-token-kept-in-vault");
  }

  @Test
  void withNoRetriesLeftTheIncidentNamesTheUnavailableStoreAndResolvingItCompletesTheProcess() {
    ConnectionView connection = developmentBearerConnection("dev-token-for-incident");
    server().respond(Reply.json(200, "{}"));
    deploy(1);
    VAULT.seal();

    long instance =
        startProcess(PROCESS, Map.of("connection", keyOf(connection), "path", "/orders"));

    assertThat(records.awaitIncident(instance))
        .contains("cannot be read right now")
        .contains("Vault is sealed or unavailable (503)");
    VAULT.unseal();
    IncidentRecordValue incident = incidentOf(instance);
    client.newUpdateRetriesCommand(incident.getJobKey()).retries(1).send().join();
    client.newResolveIncidentCommand(incidentKeyOf(instance)).send().join();

    records.awaitCompleted(instance);
    assertThat(server().lastRequest().header("Authorization"))
        .isEqualTo("Bearer dev-token-for-incident");
  }

  private void deploy(int retries) {
    client
        .newDeployResourceCommand()
        .addProcessModel(process(retries), PROCESS + ".bpmn")
        .send()
        .join();
  }

  private static BpmnModelInstance process(int retries) {
    return Bpmn.createExecutableProcess(PROCESS)
        .startEvent()
        .serviceTask(
            "CallRestApi",
            task ->
                task.zeebeJobType(RestFunction.TYPE)
                    .zeebeJobRetries(String.valueOf(retries))
                    .zeebeInputExpression("connection", "connection")
                    .zeebeInputExpression("\"GET\"", "method")
                    .zeebeInputExpression("path", "path")
                    .zeebeTaskHeader("retryBackoff", BACKOFF.toString())
                    .zeebeTaskHeader("resultExpression", "={responseStatus: status}"))
        .endEvent()
        .done();
  }

  private Optional<JobRecordValue> failedJob(long instance) {
    return records
        .all()
        .filter(r -> r.getValueType() == ValueType.JOB && r.getIntent() == JobIntent.FAILED)
        .map(r -> (JobRecordValue) r.getValue())
        .filter(v -> v.getProcessInstanceKey() == instance)
        .findFirst();
  }

  private IncidentRecordValue incidentOf(long instance) {
    return records
        .all()
        .filter(
            r -> r.getValueType() == ValueType.INCIDENT && r.getIntent() == IncidentIntent.CREATED)
        .map(r -> (IncidentRecordValue) r.getValue())
        .filter(v -> v.getProcessInstanceKey() == instance)
        .findFirst()
        .orElseThrow();
  }

  private long incidentKeyOf(long instance) {
    return records
        .all()
        .filter(
            r -> r.getValueType() == ValueType.INCIDENT && r.getIntent() == IncidentIntent.CREATED)
        .filter(r -> ((IncidentRecordValue) r.getValue()).getProcessInstanceKey() == instance)
        .findFirst()
        .orElseThrow()
        .getKey();
  }
}
