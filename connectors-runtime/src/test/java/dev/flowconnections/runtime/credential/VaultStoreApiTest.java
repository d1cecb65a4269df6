package dev.flowconnections.runtime.credential;

import static dev.flowconnections.runtime.testsupport.ApiFixtures.createBasicRestIntegration;
import static dev.flowconnections.runtime.testsupport.ApiFixtures.createConnection;
import static dev.flowconnections.runtime.testsupport.ApiFixtures.credentials;
import static dev.flowconnections.runtime.testsupport.ApiFixtures.read;
import static dev.flowconnections.runtime.testsupport.ApiFixtures.tag;
import static dev.flowconnections.runtime.testsupport.ProblemAssert.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import dev.flowconnections.credential.vault.InProcessVaultServer;
import dev.flowconnections.credential.vault.VaultTestSupport;
import dev.flowconnections.environment.Environment;
import dev.flowconnections.runtime.testsupport.ApiClient;
import dev.flowconnections.runtime.testsupport.ApiClient.Response;
import dev.flowconnections.runtime.testsupport.RuntimeTestSupport;
import io.camunda.zeebe.process.test.api.ZeebeTestEngine;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The management API of a runtime whose credential store is Vault (AppRole login): secrets land in
 * Vault only; a sealed Vault is a 503 that leaves everything as it was; an edit made in Vault
 * meanwhile is a 409; the migration endpoint copies between the stores.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@ExtendWith(OutputCaptureExtension.class)
class VaultStoreApiTest {

  static final ZeebeTestEngine ENGINE = RuntimeTestSupport.startEngine();
  static final InProcessVaultServer VAULT = InProcessVaultServer.start(VaultTestSupport.MOUNT);
  static final String SECRET_ID = "runtime-approle-secret-id";

  @DynamicPropertySource
  static void properties(DynamicPropertyRegistry registry) {
    RuntimeTestSupport.register(registry, ENGINE, Environment.DEVELOPMENT);
    VAULT.addAppRole(
        "runtime-role",
        SECRET_ID,
        java.time.Duration.ofMinutes(10),
        java.time.Duration.ZERO,
        InProcessVaultServer.Policy.allowAll());
    registry.add("flow-connections.store.type", () -> "vault");
    registry.add("flow-connections.store.vault.uri", () -> VAULT.uri().toString());
    registry.add("flow-connections.store.vault.authentication", () -> "approle");
    registry.add("flow-connections.store.vault.app-role.role-id", () -> "runtime-role");
    registry.add("flow-connections.store.vault.app-role.secret-id", () -> SECRET_ID);
  }

  @LocalServerPort int port;
  @Autowired JdbcClient jdbc;
  ApiClient modeler;
  ApiClient admin;
  ApiClient root;

  @BeforeEach
  void clients() {
    ApiClient api = ApiClient.on(port);
    modeler = api.as("modeler");
    admin = api.as("admin");
    root = api.as("root");
  }

  @AfterEach
  void unseal() {
    VAULT.unseal();
  }

  @Test
  void credentialsAreKeptInVaultOnly() {
    Connection c = connectionWithDevelopmentCredentials("dev-pw-in-vault");

    assertThat(VAULT.current(VaultTestSupport.MOUNT, c.path("DEVELOPMENT")))
        .isEqualTo(Map.of("password", "dev-pw-in-vault"));
    assertThat(
            jdbc.sql(
                    "select count(*) from connection_credential where connection_id = cast(:id as uuid)")
                .param("id", c.id)
                .query(Integer.class)
                .single())
        .isZero();
    assertThat(read(modeler, "/api/connections/" + c.id)).doesNotContain("dev-pw-in-vault");
  }

  @Test
  void aSealedVaultAnswers503AndChangesNothing(CapturedOutput output) {
    Connection c = connectionWithDevelopmentCredentials("p1-before-seal");
    String before = read(modeler, "/api/connections/" + c.id);
    VAULT.seal();

    Response write =
        modeler.put(
            c.env("PRODUCTION"),
            credentials(Map.of("username", "u", "password", "p2-while-sealed")));
    Response update =
        modeler.put(c.env("DEVELOPMENT"), credentials(Map.of("password", "p3-while-sealed")));
    Response removeEnvironment = modeler.delete(c.env("DEVELOPMENT"));
    Response removeConnection = modeler.delete("/api/connections/" + c.id);

    for (Response response : new Response[] {write, update, removeEnvironment, removeConnection}) {
      assertProblem(response, 503);
      assertThat(response.header("Retry-After")).isNotBlank();
      assertThat(response.body())
          .contains("credential store is unavailable")
          .doesNotContain("p2-while-sealed");
    }
    VAULT.unseal();
    assertThat(read(modeler, "/api/connections/" + c.id)).isEqualTo(before);
    assertThat(VAULT.current(VaultTestSupport.MOUNT, c.path("DEVELOPMENT")))
        .isEqualTo(Map.of("password", "p1-before-seal"));
    assertThat(VAULT.currentVersion(VaultTestSupport.MOUNT, c.path("PRODUCTION"))).isZero();

    // the same runtime serves again once Vault is back
    assertThat(
            modeler
                .put(c.env("PRODUCTION"), credentials(Map.of("username", "u", "password", "p2")))
                .status())
        .isEqualTo(200);
    assertThat(output.getAll())
        .contains("Vault is sealed or unavailable (503)")
        .doesNotContain("p1-before-seal")
        .doesNotContain("p2-while-sealed")
        .doesNotContain(SECRET_ID);
  }

  @Test
  void anEditMadeInVaultMeanwhileIsA409() {
    Connection c = connectionWithDevelopmentCredentials("p1");
    String before = read(modeler, "/api/connections/" + c.id);
    VAULT.beforeNextWrite(
        () ->
            VAULT.writeDirectly(
                VaultTestSupport.MOUNT, c.path("DEVELOPMENT"), Map.of("password", "ops")));

    Response response =
        modeler.put(c.env("DEVELOPMENT"), credentials(Map.of("password", "p2-lost")));

    assertProblem(response, 409, "fields");
    assertThat(response.body()).contains("changed by someone else").doesNotContain("p2-lost");
    assertThat(read(modeler, "/api/connections/" + c.id)).isEqualTo(before);
  }

  @Test
  void theMigrationEndpointCopiesVaultToPostgresAndBackAndReportsCountsOnly() {
    Connection c = connectionWithDevelopmentCredentials("migrated-pw");

    Response toPostgres =
        admin.post("/api/credential-stores/migrations", Map.of("from", "vault", "to", "postgres"));
    assertThat(toPostgres.status()).as(toPostgres.toString()).isEqualTo(200);
    assertThat(toPostgres.text("/organizations/0")).isEqualTo("default");
    assertThat(Integer.parseInt(toPostgres.text("/verified"))).isPositive();
    // other test classes of this JVM keep their credentials of the same organization in PostgreSQL
    // only; they show up as problems ("missing in source"), this connection must not
    assertThat(toPostgres.body()).doesNotContain(c.key).doesNotContain("migrated-pw");
    assertThat(
            jdbc.sql(
                    "select count(*) from connection_credential where connection_id = cast(:id as uuid)")
                .param("id", c.id)
                .query(Integer.class)
                .single())
        .isEqualTo(1);

    Response back =
        root.post("/api/credential-stores/migrations", Map.of("from", "postgres", "to", "vault"));
    assertThat(back.status()).as(back.toString()).isEqualTo(200);
    assertThat(back.body()).doesNotContain(c.key);
    assertThat(VAULT.currentVersion(VaultTestSupport.MOUNT, c.path("DEVELOPMENT")))
        .as("identical secrets are not written again")
        .isEqualTo(1);
  }

  @Test
  void theMigrationEndpointIsForAdminsAndNamesBadFields() {
    assertProblem(
        modeler.post(
            "/api/credential-stores/migrations", Map.of("from", "vault", "to", "postgres")),
        403);
    assertProblem(
        admin.post("/api/credential-stores/migrations", Map.of("from", "mysql", "to", "postgres")),
        400,
        "from");
    assertProblem(
        admin.post("/api/credential-stores/migrations", Map.of("from", "vault", "to", "vault")),
        400,
        "to");
    assertProblem(
        admin.post(
            "/api/credential-stores/migrations",
            Map.of("from", "vault", "to", "postgres", "organizationId", "other-org")),
        403);
  }

  private Connection connectionWithDevelopmentCredentials(String password) {
    String integration = createBasicRestIntegration(admin, "Vault REST " + tag());
    Response created =
        createConnection(modeler, integration, "Vault conn " + tag(), "ORGANIZATION");
    Connection c = new Connection(created.text("/id"), created.text("/key"));
    Response put =
        modeler.put(
            c.env("DEVELOPMENT"), credentials(Map.of("username", "svc", "password", password)));
    assertThat(put.status()).as(put.toString()).isEqualTo(200);
    return c;
  }

  private record Connection(String id, String key) {
    String env(String environment) {
      return "/api/connections/" + id + "/environments/" + environment;
    }

    String path(String environment) {
      return "flow-connections/default/" + key + "/" + environment;
    }
  }
}
