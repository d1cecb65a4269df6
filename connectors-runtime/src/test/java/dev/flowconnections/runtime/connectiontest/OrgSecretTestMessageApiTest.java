package dev.flowconnections.runtime.connectiontest;

import static dev.flowconnections.runtime.testsupport.ApiFixtures.createConnection;
import static dev.flowconnections.runtime.testsupport.ApiFixtures.createIntegration;
import static dev.flowconnections.runtime.testsupport.ApiFixtures.credentials;
import static dev.flowconnections.runtime.testsupport.ApiFixtures.tag;
import static org.assertj.core.api.Assertions.assertThat;

import dev.flowconnections.runtime.testsupport.ApiClient.Response;
import dev.flowconnections.runtime.testsupport.ApiTestBase;
import dev.flowconnections.runtime.testsupport.RecordingHttpServer;
import dev.flowconnections.testsupport.PostgresTestSchema;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/**
 * Issue 13, item 4: an org secret referenced from a NON-secret field is as secret as the org
 * secret. Before the fix the Database test answered {@code FATAL: role "<secret value>" does not
 * exist} and kept it as {@code lastTest} for every user to read.
 */
class OrgSecretTestMessageApiTest extends ApiTestBase {

  static final RecordingHttpServer SERVER = RecordingHttpServer.start();

  @AfterAll
  static void stopServer() {
    SERVER.close();
  }

  @Test
  void anOrgSecretInADatabaseUsernameIsMaskedInTheTestMessageAndInLastTest() {
    String secretKey = "DB_USER_" + tag().toUpperCase(Locale.ROOT);
    String secretValue = "no_such_role_" + tag();
    putOrgSecret(secretKey, secretValue);
    String integration =
        integration(
            "DB " + tag(),
            "DATABASE",
            Map.of("vendor", "POSTGRESQL", "jdbcUrl", PostgresTestSchema.jdbcUrl()));
    String id = createConnection(modeler, integration, "DB " + tag(), "ORGANIZATION").text("/id");
    modeler.put(
        "/api/connections/" + id + "/environments/DEVELOPMENT",
        credentials(
            Map.of(
                "username", "@@SECRET:" + secretKey + "@@", "password", "unused-by-trust-auth")));

    Response result =
        modeler.post("/api/connections/" + id + "/environments/DEVELOPMENT/test", Map.of());

    assertThat(result.json().get("ok").asBoolean()).as(result.toString()).isFalse();
    assertThat(result.json().get("message").asText()).contains("****").doesNotContain(secretValue);
    assertThat(modeler.get("/api/connections/" + id).body()).doesNotContain(secretValue);
    assertThat(other.get("/api/connections/" + id).body()).doesNotContain(secretValue);
    assertThat(api.transcript()).noneMatch(exchange -> exchange.contains(secretValue));
  }

  @Test
  void anOrgSecretInARestHealthPathIsMaskedInTheTestMessage() {
    String secretKey = "PROBE_" + tag().toUpperCase(Locale.ROOT);
    String secretValue = "probe-path-" + tag();
    putOrgSecret(secretKey, secretValue);
    String integration =
        integration(
            "Probe " + tag(),
            "REST_API",
            Map.of(
                "baseUrl", SERVER.baseUrl(), "healthPath", "/status/@@SECRET:" + secretKey + "@@"));
    String id =
        createConnection(modeler, integration, "Probe " + tag(), "ORGANIZATION").text("/id");
    modeler.put("/api/connections/" + id + "/environments/DEVELOPMENT", credentials(Map.of()));

    Response result =
        modeler.post("/api/connections/" + id + "/environments/DEVELOPMENT/test", Map.of());

    assertThat(result.json().get("ok").asBoolean()).as(result.toString()).isTrue();
    assertThat(SERVER.lastRequest().rawPath()).isEqualTo("/status/" + secretValue);
    assertThat(result.json().get("message").asText()).isEqualTo("HTTP 200 from GET /status/****");
    assertThat(modeler.get("/api/connections/" + id).body()).doesNotContain(secretValue);
    assertThat(api.transcript()).noneMatch(exchange -> exchange.contains(secretValue));
  }

  /** The admin stores an organization secret; created or replaced, either is fine. */
  private void putOrgSecret(String key, String value) {
    assertThat(admin.put("/api/secrets/" + key, Map.of("value", value)).status()).isIn(200, 201);
  }

  /** The admin creates an integration of {@code type}; its id. */
  private String integration(String name, String type, Map<String, Object> config) {
    return createIntegration(admin, Map.of("name", name, "type", type, "config", config));
  }
}
