package dev.flowconnections.starter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.flowconnections.access.Actor;
import dev.flowconnections.access.Role;
import dev.flowconnections.connection.ConnectionDraft;
import dev.flowconnections.connection.ConnectionService;
import dev.flowconnections.connection.Visibility;
import dev.flowconnections.environment.Environment;
import dev.flowconnections.integration.AuthScheme;
import dev.flowconnections.integration.ConfigMode;
import dev.flowconnections.integration.Integration;
import dev.flowconnections.integration.IntegrationDraft;
import dev.flowconnections.integration.IntegrationService;
import dev.flowconnections.integration.IntegrationType;
import dev.flowconnections.secret.OrgSecretService;
import dev.flowconnections.starter.sampleapp.CredentialCheckFunction;
import dev.flowconnections.starter.sampleapp.SeenCredentials;
import io.camunda.client.CamundaClient;
import io.camunda.zeebe.model.bpmn.Bpmn;
import io.camunda.zeebe.model.bpmn.BpmnModelInstance;
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
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * A team's connector runtime with only our starter added (the sample application) resolves
 * {@code {{secrets.connections.<key>.<field>}}} and {@code {{secrets.<KEY>}}} for its own connector in a
 * real process on the in-memory engine, from a store the Flow Connections runtime migrated.
 */
class StarterPlaceholderProcessTest {

  private static final String TOKEN = "crm-token-7f3a9c";
  private static final String ORG_SECRET = "org-secret-51b2";
  private static final Actor ADMIN = new Actor("admin", "default", Set.of(Role.ADMIN));

  private static ConfigurableApplicationContext runtime;

  @BeforeAll
  static void startTheTeamsRuntime() {
    runtime = SampleRuntime.start(SampleRuntime.environmentVariables(StoreSchemas.migrated()));
  }

  @AfterAll
  static void stop() {
    if (runtime != null) {
      runtime.close();
    }
  }

  @Test
  void theTeamsConnectorGetsTheConnectionsCredentialAndTheOrgSecretButTheProcessNeverHoldsThem() throws Exception {
    String connectionKey = seedConnection();
    runtime.getBean(OrgSecretService.class).put(ADMIN, "SAMPLE_ORG_KEY", ORG_SECRET);

    long instance = run(Bpmn.createExecutableProcess("credential-check")
        .startEvent()
        .serviceTask("check", task -> task.zeebeJobType(CredentialCheckFunction.TYPE)
            .zeebeInput("{{secrets.connections." + connectionKey + ".token}}", "token")
            .zeebeInput("{{secrets.SAMPLE_ORG_KEY}}", "orgSecret")
            .zeebeTaskHeader("resultVariable", "check"))
        .endEvent()
        .done());

    assertThat(runtime.getBean(SeenCredentials.class).all()).singleElement().satisfies(seen -> {
      assertThat(seen.token()).isEqualTo(TOKEN);
      assertThat(seen.orgSecret()).isEqualTo(ORG_SECRET);
    });
    assertThat(new ObjectMapper().readValue(variable(instance, "check"), Map.class))
        .isEqualTo(Map.of("tokenLength", TOKEN.length(), "orgSecretLength", ORG_SECRET.length()));
    assertThat(variable(instance, "token")).as("the variable keeps the placeholder")
        .isEqualTo("\"{{secrets.connections." + connectionKey + ".token}}\"");
    assertThat(records().toString()).doesNotContain(TOKEN).doesNotContain(ORG_SECRET);
  }

  /** A bearer-token REST connection with its PRODUCTION credential, through the services of our starter. */
  private static String seedConnection() {
    Integration crm = runtime.getBean(IntegrationService.class).create(ADMIN, new IntegrationDraft(
        "CRM", "test", null, IntegrationType.REST_API, null, ConfigMode.SAME_FOR_ALL, AuthScheme.BEARER,
        null, null, Map.of("baseUrl", "https://crm.example.com"), null, null));
    ConnectionService connections = runtime.getBean(ConnectionService.class);
    var connection = connections.create(ADMIN, new ConnectionDraft(crm.id(), "Sales CRM", null, Visibility.ORGANIZATION, null));
    connections.putEnvironment(ADMIN, connection.connection().id(), Environment.PRODUCTION, Map.of("token", TOKEN), null);
    return connection.connection().key();
  }

  /** Deploys the model, starts an instance and waits until it completed (an incident fails at once). */
  private static long run(BpmnModelInstance model) {
    CamundaClient client = runtime.getBean(CamundaClient.class);
    client.newDeployResourceCommand().addProcessModel(model, "credential-check.bpmn").send().join();
    long instance = client.newCreateInstanceCommand().bpmnProcessId("credential-check").latestVersion()
        .send().join().getProcessInstanceKey();
    await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200)).until(() -> {
      records().stream()
          .filter(r -> r.getValueType() == ValueType.INCIDENT && r.getIntent() == IncidentIntent.CREATED)
          .map(r -> (IncidentRecordValue) r.getValue())
          .filter(incident -> incident.getProcessInstanceKey() == instance)
          .findFirst()
          .ifPresent(incident -> {
            throw new AssertionError("incident: " + incident.getErrorMessage());
          });
      return records().stream()
          .filter(r -> r.getValueType() == ValueType.PROCESS_INSTANCE && r.getIntent() == ProcessInstanceIntent.ELEMENT_COMPLETED)
          .map(r -> (ProcessInstanceRecordValue) r.getValue())
          .anyMatch(v -> v.getBpmnElementType() == BpmnElementType.PROCESS && v.getProcessInstanceKey() == instance);
    });
    return instance;
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
    return StreamSupport.stream(InMemoryEngine.ENGINE.getRecordStreamSource().getRecords().spliterator(), false)
        .<Record<?>>map(r -> r)
        .toList();
  }
}
