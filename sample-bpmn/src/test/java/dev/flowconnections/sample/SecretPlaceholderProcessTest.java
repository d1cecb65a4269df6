package dev.flowconnections.sample;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flowconnections.access.Actor;
import dev.flowconnections.access.Role;
import dev.flowconnections.audit.AuditAction;
import dev.flowconnections.audit.AuditLogService;
import dev.flowconnections.audit.AuditQuery;
import dev.flowconnections.audit.BatchingAuditWriter;
import dev.flowconnections.audit.ProcessReference;
import dev.flowconnections.connection.ConnectionDraft;
import dev.flowconnections.connection.ConnectionView;
import dev.flowconnections.connection.Visibility;
import dev.flowconnections.environment.Environment;
import dev.flowconnections.fields.FieldCatalog;
import dev.flowconnections.runtime.rest.RestFunction;
import dev.flowconnections.runtime.testsupport.RecordingHttpServer.RecordedRequest;
import dev.flowconnections.runtime.testsupport.RecordingHttpServer.Reply;
import dev.flowconnections.sample.support.ConnectionsFixture;
import dev.flowconnections.sample.support.ProcessTestRuntime;
import dev.flowconnections.secretprovider.ConnectionsSecretProvider;
import io.camunda.zeebe.model.bpmn.Bpmn;
import io.camunda.zeebe.model.bpmn.BpmnModelInstance;
import io.camunda.zeebe.model.bpmn.builder.ServiceTaskBuilder;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Secret placeholders in a job's variables (issue 13, item 2): only those the process model writes
 * into the task's input mappings are resolved; placeholders that arrive in data (start variables, a
 * message, the API) stay text. Attacks first, then the legitimate uses that must keep working.
 */
class SecretPlaceholderProcessTest extends RestProcessTestBase {

  static final ProcessTestRuntime RUNTIME = ProcessTestRuntime.start(Environment.DEVELOPMENT);

  private static final Actor VICTIM = new Actor("placeholder-victim", "default", Set.of(Role.USER));

  @Autowired BatchingAuditWriter connectionReads;
  @Autowired AuditLogService auditLog;

  @DynamicPropertySource
  static void properties(DynamicPropertyRegistry registry) {
    RUNTIME.register(registry);
  }

  SecretPlaceholderProcessTest() {
    super(RUNTIME);
  }

  // --- attacks: placeholders in data ---

  @Test
  void anOrgSecretPlaceholderInStartVariablesIsNotResolved() {
    String orgKey =
        connections.orgSecret("ORG_KEY_" + System.nanoTime(), secret("org-secret-value-for-data"));
    ConnectionView connection = developmentBearerConnection("dev-token-data-1");

    long instance = startGetOrders(connection, Map.of("X-Leak", "{{secrets." + orgKey + "}}"));

    records.awaitCompleted(instance);
    assertThat(server().lastRequest().header("X-Leak")).isEqualTo("{{secrets." + orgKey + "}}");
  }

  @Test
  void anOrgSecretPlaceholderInThePathIsNotResolved() {
    String orgKey =
        connections.orgSecret("ORG_PATH_" + System.nanoTime(), secret("org-secret-value-in-path"));
    ConnectionView connection = developmentBearerConnection("dev-token-data-2");

    long instance =
        start(Map.of("connection", keyOf(connection), "path", "/{{secrets." + orgKey + "}}"));

    awaitCompletedOrIncident(instance);
    assertThat(server().requests()).allSatisfy(this::carriesNoSecret);
    assertThat(records.variables(instance).toString()).doesNotContain("org-secret-value-in-path");
  }

  @Test
  void anotherUsersPersonalTokenPlaceholderInDataIsNotResolved() {
    ConnectionView carrier = developmentBearerConnection("dev-token-data-3");
    ConnectionView personal =
        connectionService.create(
            VICTIM,
            new ConnectionDraft(
                carrier.connection().integrationId(),
                "Victim personal " + System.nanoTime(),
                null,
                Visibility.PERSONAL,
                null));
    connectionService.putEnvironment(
        VICTIM,
        personal.connection().id(),
        Environment.DEVELOPMENT,
        Map.of(FieldCatalog.TOKEN, secret("victims-personal-token")),
        null);
    String placeholder = "{{secrets.connections." + keyOf(personal) + ".token}}";

    long instance = startGetOrders(carrier, Map.of("X-Leak", placeholder));

    records.awaitCompleted(instance);
    assertThat(server().lastRequest().header("X-Leak")).isEqualTo(placeholder);
  }

  @Test
  void theBareLegacySyntaxInDataIsNotResolved() {
    String orgKey =
        connections.orgSecret("ORG_BARE_" + System.nanoTime(), secret("org-secret-value-bare"));
    ConnectionView connection = developmentBearerConnection("dev-token-data-4");

    long instance =
        startGetOrders(connection, Map.of("X-Leak", "secrets." + orgKey, "X-File", "secrets.json"));

    records.awaitCompleted(instance);
    assertThat(server().lastRequest().header("X-Leak")).isEqualTo("secrets." + orgKey);
    assertThat(server().lastRequest().header("X-File"))
        .as("ordinary text no longer fails the job")
        .isEqualTo("secrets.json");
  }

  @Test
  void dataMixedIntoAModelWrittenMappingCannotAddAPlaceholder() {
    String allowed =
        connections.orgSecret(
            "ORG_ALLOWED_" + System.nanoTime(), secret("org-secret-the-model-names"));
    String other =
        connections.orgSecret(
            "ORG_OTHER_" + System.nanoTime(), secret("org-secret-only-data-names"));
    ConnectionView connection = developmentBearerConnection("dev-token-mixed");
    deploy(
        "placeholder-mixed",
        task ->
            task.zeebeInputExpression(
                    "{\"X-Model\": \"{{secrets." + allowed + "}}\", \"X-Note\": note}", "headers")
                .zeebeInputExpression("\"/notes/\" + suffix", "path"));

    long instance =
        startProcess(
            "placeholder-mixed",
            Map.of(
                "connection",
                keyOf(connection),
                "note",
                "{{secrets." + other + "}}",
                "suffix",
                "{{secrets." + allowed + "}}"));

    records.awaitCompleted(instance);
    RecordedRequest request = server().lastRequest();
    assertThat(request.header("X-Model")).isEqualTo("org-secret-the-model-names");
    assertThat(request.header("X-Note")).isEqualTo("{{secrets." + other + "}}");
    assertThat(request.rawPath())
        .as("the path mapping names no placeholder")
        .doesNotContain("org-secret-the-model-names");
  }

  // --- legitimate: placeholders the model writes ---

  @Test
  void aPlaceholderInAStaticInputValueIsResolved() {
    ConnectionView connection = developmentBearerConnection("dev-token-static-path");
    deploy(
        "placeholder-static",
        task ->
            task.zeebeInput(
                "/bot{{secrets.connections." + keyOf(connection) + ".token}}/sendMessage", "path"));

    long instance = startProcess("placeholder-static", Map.of("connection", keyOf(connection)));

    records.awaitCompleted(instance);
    assertThat(server().lastRequest().rawPath())
        .isEqualTo("/api/botdev-token-static-path/sendMessage");
  }

  @Test
  void aPlaceholderInAFeelStringLiteralIsResolvedAndItsReadNamesTheJob()
      throws InterruptedException {
    ConnectionView connection = developmentBearerConnection("dev-token-feel-literal");
    deploy(
        "placeholder-feel",
        task ->
            task.zeebeInputExpression(
                    "{\"X-Forwarded-Token\": \"{{secrets.connections."
                        + keyOf(connection)
                        + ".token}}\"}",
                    "headers")
                .zeebeInput("/orders", "path"));

    long instance = startProcess("placeholder-feel", Map.of("connection", keyOf(connection)));

    records.awaitCompleted(instance);
    assertThat(server().lastRequest().header("X-Forwarded-Token"))
        .isEqualTo("dev-token-feel-literal");
    assertThat(connectionReads.awaitIdle(Duration.ofSeconds(10))).isTrue();
    assertThat(
            auditLog
                .search(
                    ConnectionsFixture.ADMIN,
                    new AuditQuery(
                        null,
                        AuditAction.CONNECTION_READ,
                        keyOf(connection),
                        null,
                        null,
                        null,
                        null,
                        0,
                        10))
                .items())
        .filteredOn(read -> ConnectionsSecretProvider.WORKER.equals(read.worker()))
        .singleElement()
        .satisfies(
            read ->
                assertThat(read.process())
                    .as("the placeholder read names the job's process instance (JobScope)")
                    .isEqualTo(
                        new ProcessReference(
                            instance,
                            "placeholder-feel",
                            "CallRestApi",
                            read.process().elementInstanceKey())));
  }

  @Test
  void aFailureMessageLosesTheValueOfAModelWrittenPlaceholder() {
    String orgKey =
        connections.orgSecret(
            "ORG_IN_FAILURE_" + System.nanoTime(), secret("org-secret-in-failure"));
    ConnectionView connection = developmentBearerConnection("dev-token-failure");
    server().respond(Reply.json(500, "{\"error\":\"internal\"}"));
    deploy(
        "placeholder-failure",
        task -> task.zeebeInput("/bot{{secrets." + orgKey + "}}/sendMessage", "path"));

    long instance = startProcess("placeholder-failure", Map.of("connection", keyOf(connection)));

    assertThat(records.awaitIncident(instance)).isEqualTo("HTTP 500 from GET /bot****/sendMessage");
    assertThat(server().lastRequest().rawPath())
        .isEqualTo("/api/botorg-secret-in-failure/sendMessage");
  }

  @Test
  void theEnvironmentVariableProviderStaysOff() {
    ConnectionView connection = developmentBearerConnection("dev-token-home");
    deploy(
        "placeholder-home",
        task ->
            task.zeebeInputExpression("{\"X-Home\": \"{{secrets.HOME}}\"}", "headers")
                .zeebeInput("/orders", "path"));

    long instance = startProcess("placeholder-home", Map.of("connection", keyOf(connection)));

    assertThat(records.awaitIncident(instance))
        .isEqualTo("Secret with name 'HOME' is not available");
    assertThat(server().requests()).isEmpty();
  }

  /** Starts the example process: GET /orders over {@code connection}, with {@code headers}. */
  private long startGetOrders(ConnectionView connection, Map<String, String> headers) {
    return start(Map.of("connection", keyOf(connection), "path", "/orders", "headers", headers));
  }

  private void awaitCompletedOrIncident(long instance) {
    records.awaitTrue(
        "instance " + instance + " to complete or stop at an incident",
        () -> records.completed(instance) || records.incidentMessage(instance).isPresent());
  }

  private void carriesNoSecret(RecordedRequest request) {
    assertThat(request.toString()).doesNotContain("org-secret-value-in-path");
  }

  /** A one-task REST process: connection from the variable, GET, one retry, status as result. */
  private void deploy(String processId, Consumer<ServiceTaskBuilder> inputs) {
    BpmnModelInstance model =
        Bpmn.createExecutableProcess(processId)
            .startEvent()
            .serviceTask(
                "CallRestApi",
                task -> {
                  task.zeebeJobType(RestFunction.TYPE)
                      .zeebeJobRetries("1")
                      .zeebeInputExpression("connection", "connection")
                      .zeebeInput("GET", "method")
                      .zeebeTaskHeader("resultExpression", "={responseStatus: status}");
                  inputs.accept(task);
                })
            .endEvent()
            .done();
    client.newDeployResourceCommand().addProcessModel(model, processId + ".bpmn").send().join();
  }
}
