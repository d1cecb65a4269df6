package dev.flowconnections.runtime.connectiontest;

import static dev.flowconnections.runtime.testsupport.ApiFixtures.createConnection;
import static dev.flowconnections.runtime.testsupport.ApiFixtures.createIntegration;
import static dev.flowconnections.runtime.testsupport.ApiFixtures.credentials;
import static dev.flowconnections.runtime.testsupport.ApiFixtures.tag;
import static dev.flowconnections.runtime.testsupport.ProblemAssert.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.flowconnections.runtime.testsupport.ApiClient.Response;
import dev.flowconnections.runtime.testsupport.ApiTestBase;
import dev.flowconnections.runtime.testsupport.RecordingHttpServer;
import dev.flowconnections.testsupport.PostgresTestSchema;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ConnectionTestApiTest extends ApiTestBase {

  static final RecordingHttpServer SERVER = RecordingHttpServer.start();

  @AfterAll
  static void stopServer() {
    SERVER.close();
  }

  @BeforeEach
  void resetServer() {
    SERVER.reset();
  }

  @Test
  void aRestConnectionIsTestedWithItsCredentialsAndTheResultIsKept() {
    String id = restConnection(Map.of("baseUrl", SERVER.baseUrl() + "/api"), "token-under-test");

    Response result =
        modeler.post("/api/connections/" + id + "/environments/DEVELOPMENT/test", Map.of());

    assertThat(result.status()).as(result.toString()).isEqualTo(200);
    assertThat(result.json().get("ok").asBoolean()).isTrue();
    assertThat(result.json().get("message").asText()).isEqualTo("HTTP 200 from HEAD /");
    assertThat(SERVER.lastRequest().method()).isEqualTo("HEAD");
    assertThat(SERVER.lastRequest().header("Authorization")).isEqualTo("Bearer token-under-test");
    JsonNode lastTest =
        modeler.get("/api/connections/" + id).json().at("/environments/DEVELOPMENT/lastTest");
    assertThat(lastTest.get("ok").asBoolean()).isTrue();
    assertThat(lastTest.get("testedBy").asText()).isEqualTo("modeler");
    assertThat(result.body()).doesNotContain("token-under-test");
  }

  @Test
  void aRefusedLoginFailsAndCountsAsFailingUntilTheCredentialsChange() {
    String id =
        restConnection(
            Map.of("baseUrl", SERVER.baseUrl(), "healthPath", "/health"), "expired-token-value");
    SERVER.respond(
        RecordingHttpServer.Reply.json(401, "{\"error\": \"expired-token-value is expired\"}"));

    Response result =
        modeler.post("/api/connections/" + id + "/environments/DEVELOPMENT/test", Map.of());

    assertThat(result.json().get("ok").asBoolean()).isFalse();
    assertThat(result.json().get("message").asText())
        .isEqualTo("authentication rejected (HTTP 401 from GET /health)");
    assertThat(SERVER.lastRequest().rawPath()).isEqualTo("/health");
    assertThat(modeler.get("/api/connections/" + id).json().at("/credentialStatus/label").asText())
        .isEqualTo("1 of 4 environments configured, 1 failing");

    modeler.put(
        "/api/connections/" + id + "/environments/DEVELOPMENT",
        credentials(Map.of("token", "fresh-token")));

    JsonNode after = modeler.get("/api/connections/" + id).json();
    assertThat(after.at("/credentialStatus/label").asText())
        .isEqualTo("1 of 4 environments configured");
    assertThat(
            after.at("/environments/DEVELOPMENT/lastTest").isMissingNode()
                || after.at("/environments/DEVELOPMENT/lastTest").isNull())
        .isTrue();
  }

  @Test
  void aDatabaseConnectionLogsInOrSaysWhyNot() {
    String postgres =
        databaseConnection(
            "POSTGRESQL",
            PostgresTestSchema.jdbcUrl(),
            PostgresTestSchema.USER,
            "unused-by-trust-auth");
    Response ok =
        modeler.post("/api/connections/" + postgres + "/environments/DEVELOPMENT/test", Map.of());
    assertThat(ok.json().get("ok").asBoolean()).as(ok.toString()).isTrue();
    assertThat(ok.json().get("message").asText()).startsWith("connected to PostgreSQL");

    // The local PostgreSQL trusts every login, so a refused password is shown on MariaDB
    String maria =
        databaseConnection(
            "MARIADB", "jdbc:mariadb://127.0.0.1:3306/test", "root", "definitely-wrong-password");
    Response refused =
        modeler.post("/api/connections/" + maria + "/environments/DEVELOPMENT/test", Map.of());
    assertThat(refused.json().get("ok").asBoolean()).isFalse();
    assertThat(refused.json().get("message").asText())
        .startsWith("authentication rejected:")
        .contains("Access denied");

    String missing =
        databaseConnection(
            "POSTGRESQL",
            "jdbc:postgresql://127.0.0.1:5432/fc_no_such_db",
            "postgres",
            "pg-secret-value");
    Response unknown =
        modeler.post("/api/connections/" + missing + "/environments/DEVELOPMENT/test", Map.of());
    assertThat(unknown.json().get("ok").asBoolean()).isFalse();
    assertThat(unknown.json().get("message").asText())
        .startsWith("the database refused the connection:")
        .contains("fc_no_such_db");

    assertThat(api.transcript())
        .noneMatch(
            exchange ->
                exchange.contains("definitely-wrong-password")
                    || exchange.contains("pg-secret-value")
                    || exchange.contains("unused-by-trust-auth"));
  }

  @Test
  void badRequestsAreExplained() {
    String id = restConnection(Map.of("baseUrl", SERVER.baseUrl()), "t0ken-value");

    assertProblem(
        modeler.post("/api/connections/" + id + "/environments/PROD/test", Map.of()),
        400,
        "environment");
    assertProblem(
        modeler.post("/api/connections/" + id + "/environments/QA/test", Map.of()),
        409,
        "environment");
    assertProblem(
        other.post(
            "/api/connections/" + personalConnection() + "/environments/DEVELOPMENT/test",
            Map.of()),
        404);
  }

  private String restConnection(Map<String, Object> config, String token) {
    String integration =
        createIntegration(
            admin,
            Map.of(
                "name",
                "Tested " + tag(),
                "type",
                "REST_API",
                "authScheme",
                "BEARER",
                "config",
                config));
    String id =
        createConnection(modeler, integration, "Tested " + tag(), "ORGANIZATION").text("/id");
    modeler.put(
        "/api/connections/" + id + "/environments/DEVELOPMENT",
        credentials(Map.of("token", token)));
    return id;
  }

  private String personalConnection() {
    String integration =
        createIntegration(
            admin,
            Map.of(
                "name",
                "Private " + tag(),
                "type",
                "REST_API",
                "config",
                Map.of("baseUrl", SERVER.baseUrl())));
    String id = createConnection(modeler, integration, "Private " + tag(), "PERSONAL").text("/id");
    modeler.put("/api/connections/" + id + "/environments/DEVELOPMENT", credentials(Map.of()));
    return id;
  }

  private String databaseConnection(
      String vendor, String jdbcUrl, String username, String password) {
    String integration =
        createIntegration(
            admin,
            Map.of(
                "name",
                "DB " + tag(),
                "type",
                "DATABASE",
                "config",
                Map.of("vendor", vendor, "jdbcUrl", jdbcUrl)));
    String id = createConnection(modeler, integration, "DB " + tag(), "ORGANIZATION").text("/id");
    modeler.put(
        "/api/connections/" + id + "/environments/DEVELOPMENT",
        credentials(Map.of("username", username, "password", password)));
    return id;
  }
}
