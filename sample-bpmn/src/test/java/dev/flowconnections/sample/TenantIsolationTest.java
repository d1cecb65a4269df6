package dev.flowconnections.sample;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.flowconnections.access.Actor;
import dev.flowconnections.access.Role;
import dev.flowconnections.connection.ConnectionDraft;
import dev.flowconnections.connection.ConnectionService;
import dev.flowconnections.connection.Visibility;
import dev.flowconnections.environment.Environment;
import dev.flowconnections.fields.FieldCatalog;
import dev.flowconnections.integration.AuthScheme;
import dev.flowconnections.integration.ConfigMode;
import dev.flowconnections.integration.IntegrationDraft;
import dev.flowconnections.integration.IntegrationScope;
import dev.flowconnections.integration.IntegrationService;
import dev.flowconnections.integration.IntegrationType;
import dev.flowconnections.runtime.FlowConnectionsRuntime;
import dev.flowconnections.runtime.rest.RestFunction;
import dev.flowconnections.runtime.testsupport.RecordingHttpServer.Reply;
import dev.flowconnections.runtime.testsupport.WorkerTestContext;
import dev.flowconnections.sample.support.ProcessTestRuntime;
import dev.flowconnections.secretprovider.JobScope;
import io.camunda.client.CamundaClient;
import io.camunda.client.api.response.ActivatedJob;
import io.camunda.connector.api.error.ConnectorInputException;
import io.camunda.connector.api.secret.SecretContext;
import io.camunda.connector.api.secret.SecretProvider;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Two Camunda tenants served by one runtime, each mapped to its own organization, each with a
 * connection under the same key: a job resolves the connection of its own tenant's organization and
 * never the other's, even when only the other has the key; the same for {@code {{secrets...}}}
 * placeholders.
 *
 * <p>The jobs are handed to the real worker bean (resolution, PostgreSQL, HTTP call) with their
 * tenant id, because the in-memory engine drops tenant ids on its gRPC gateway (proven by the first
 * test, which fails as soon as an engine version keeps them; then drive these jobs through it).
 */
@SpringBootTest(
    classes = FlowConnectionsRuntime.class,
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class TenantIsolationTest {

  static final ProcessTestRuntime RUNTIME = ProcessTestRuntime.start(Environment.DEVELOPMENT);
  static final String TENANT_A = "tenant-a";
  static final String TENANT_B = "tenant-b";

  /** tenant-a is mapped to an organization of another name; tenant-b belongs to "tenant-b". */
  static final String ORGANIZATION_A = "org-of-tenant-a";

  @DynamicPropertySource
  static void properties(DynamicPropertyRegistry registry) {
    RUNTIME.register(registry);
    registry.add("flow-connections.tenant-organizations." + TENANT_A, () -> ORGANIZATION_A);
  }

  @Autowired CamundaClient client;
  @Autowired IntegrationService integrations;
  @Autowired ConnectionService connections;
  @Autowired RestFunction restWorker;
  @Autowired List<SecretProvider> secretProviders;

  @Test
  void theInMemoryEngineDropsTenantIds() {
    client
        .newDeployResourceCommand()
        .addResourceFromClasspath("bpmn/rest-connection-example.bpmn")
        .tenantId(TENANT_A)
        .send()
        .join();
    client
        .newCreateInstanceCommand()
        .bpmnProcessId("rest-connection-example")
        .latestVersion()
        .tenantId(TENANT_A)
        .variables(Map.of("connection", "none", "path", "/"))
        .send()
        .join();

    List<ActivatedJob> jobs =
        client
            .newActivateJobsCommand()
            .jobType("io.flowconnections:rest:1")
            .maxJobsToActivate(1)
            .tenantId(TENANT_A)
            .workerName("tenant-probe")
            .requestTimeout(Duration.ofSeconds(5))
            .send()
            .join()
            .getJobs();

    // A real gateway answers tenant-a here; this engine's gateway ignores tenant ids altogether.
    assertThat(jobs).allSatisfy(job -> assertThat(job.getTenantId()).isNotEqualTo(TENANT_A));
  }

  @Test
  void eachTenantsJobUsesItsOwnOrganizationsConnectionUnderTheSameKey() {
    String key = "orders-" + Long.toHexString(System.nanoTime());
    connection(ORGANIZATION_A, key, "token-of-tenant-a");
    connection(TENANT_B, key, "token-of-tenant-b");
    String onlyInA = connection(ORGANIZATION_A, key + "-a-only", "token-only-in-a");
    RUNTIME.server().respond(Reply.json(200, "{}"));

    restWorker.execute(job(TENANT_A, key));
    assertThat(RUNTIME.server().lastRequest().header("Authorization"))
        .isEqualTo("Bearer token-of-tenant-a");

    restWorker.execute(job(TENANT_B, key));
    assertThat(RUNTIME.server().lastRequest().header("Authorization"))
        .isEqualTo("Bearer token-of-tenant-b");

    int requestsBefore = RUNTIME.server().requests().size();
    assertThatThrownBy(() -> restWorker.execute(job(TENANT_B, onlyInA)))
        .isInstanceOf(ConnectorInputException.class)
        .hasMessage("connection '" + onlyInA + "' does not exist");
    assertThatThrownBy(() -> restWorker.execute(job("", key)))
        .as("the default tenant is the default organization, which has no such connection")
        .hasMessage("connection '" + key + "' does not exist");
    assertThat(RUNTIME.server().requests()).hasSize(requestsBefore);
  }

  @Test
  void secretPlaceholdersResolveWithinTheJobsTenantOnly() throws Exception {
    String key = "crm-" + Long.toHexString(System.nanoTime());
    connection(ORGANIZATION_A, key, "crm-token-a");
    connection(TENANT_B, key, "crm-token-b");
    String placeholder = "connections." + key + ".token";

    assertThat(secret(placeholder, TENANT_A)).isEqualTo("crm-token-a");
    assertThat(secret(placeholder, TENANT_B)).isEqualTo("crm-token-b");
    assertThatThrownBy(() -> secret(placeholder, "tenant-c"))
        .hasMessageContaining("does not exist");
  }

  /** Asks the providers as the runtime does while a job of {@code tenantId} runs. */
  private String secret(String name, String tenantId) throws Exception {
    return new JobScope(tenantId, "orders-process", 1, "task", 1, 1)
        .call(
            () -> {
              for (SecretProvider provider : secretProviders) {
                String value = provider.getSecret(name, new SecretContext(tenantId));
                if (value != null) {
                  return value;
                }
              }
              return null;
            });
  }

  private static WorkerTestContext job(String tenantId, String connectionKey) {
    return new WorkerTestContext(
        RestFunction.TYPE,
        Map.of("connection", connectionKey, "method", "GET", "path", "/orders"),
        tenantId);
  }

  private String connection(String organizationId, String key, String token) {
    Actor admin = new Actor("tenant-test-admin", organizationId, Set.of(Role.ADMIN));
    UUID integrationId =
        integrations
            .create(
                admin,
                new IntegrationDraft(
                    "Orders API " + key,
                    null,
                    null,
                    IntegrationType.REST_API,
                    IntegrationScope.ORGANIZATION,
                    ConfigMode.SAME_FOR_ALL,
                    AuthScheme.BEARER,
                    null,
                    null,
                    Map.of(FieldCatalog.BASE_URL, RUNTIME.server().baseUrl() + "/api"),
                    null,
                    null))
            .id();
    var connection =
        connections.create(
            admin,
            new ConnectionDraft(
                integrationId, "Orders " + key, key, Visibility.ORGANIZATION, null));
    connections.putEnvironment(
        admin,
        connection.connection().id(),
        Environment.DEVELOPMENT,
        Map.of(FieldCatalog.TOKEN, token),
        null);
    return connection.connection().key();
  }
}
