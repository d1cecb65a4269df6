package dev.flowconnections.runtime.audit;

import static dev.flowconnections.runtime.testsupport.ApiFixtures.createBasicRestIntegration;
import static dev.flowconnections.runtime.testsupport.ApiFixtures.createConnection;
import static dev.flowconnections.runtime.testsupport.ApiFixtures.credentials;
import static dev.flowconnections.runtime.testsupport.ApiFixtures.tag;
import static dev.flowconnections.runtime.testsupport.ProblemAssert.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.flowconnections.runtime.testsupport.ApiClient.Response;
import dev.flowconnections.runtime.testsupport.ApiTestBase;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * {@code GET /api/audit}: administrators read who did what to which connection, secret or
 * integration.
 */
class AuditApiTest extends ApiTestBase {

  @Autowired JdbcClient jdbc;

  @Test
  void recordsWhoChangedAndTestedAConnectionWithFieldNamesOnly() {
    String integration = createBasicRestIntegration(admin, "Audited " + tag());
    Response created =
        createConnection(modeler, integration, "Audited conn " + tag(), "ORGANIZATION");
    String id = created.text("/id");
    String key = created.text("/key");
    modeler.put(
        "/api/connections/" + id + "/environments/STAGING",
        credentials(Map.of("username", "svc", "password", "pw")));
    modeler.post("/api/connections/" + id + "/environments/STAGING/test", null);
    other.delete("/api/connections/" + id);

    JsonNode items = page(admin.get("/api/audit?connection=" + key));
    assertThat(actions(items))
        .containsExactly(
            "CONNECTION_DELETED", "CONNECTION_TESTED", "CREDENTIALS_CHANGED", "CONNECTION_CREATED");
    assertThat(items.get(0).get("actor").asText()).isEqualTo("other");
    assertThat(items.get(1).get("environment").asText()).isEqualTo("STAGING");
    assertThat(items.get(1).get("outcome").asText()).isIn("OK", "FAILED");
    assertThat(items.get(2).get("changedFields").toString())
        .isEqualTo("[\"password\",\"username\"]");
    assertThat(items.get(3).get("subjectId").asText()).isEqualTo(id);
    assertThat(items.get(3).get("subjectType").asText()).isEqualTo("CONNECTION");

    assertThat(actions(page(admin.get("/api/audit?connection=" + key + "&actor=other"))))
        .containsExactly("CONNECTION_DELETED");
    assertThat(
            actions(
                page(
                    admin.get(
                        "/api/audit?connection="
                            + key
                            + "&action=credentials_changed&environment=staging"))))
        .containsExactly("CREDENTIALS_CHANGED");
    assertThat(page(admin.get("/api/audit?connection=" + key + "&environment=PRODUCTION")))
        .isEmpty();
    assertThat(
            page(
                admin.get(
                    "/api/audit?connection=" + key + "&to=" + Instant.now().minusSeconds(3600))))
        .isEmpty();
    Response firstOfTwo = admin.get("/api/audit?connection=" + key + "&size=2");
    assertThat(firstOfTwo.json().get("hasMore").asBoolean()).isTrue();
    assertThat(actions(page(admin.get("/api/audit?connection=" + key + "&size=2&page=1"))))
        .containsExactly("CREDENTIALS_CHANGED", "CONNECTION_CREATED");
  }

  @Test
  void onlyAdministratorsMayRead() {
    assertProblem(modeler.get("/api/audit"), 403);
    assertProblem(api.anonymous().get("/api/audit"), 401);
    assertThat(admin.get("/api/audit").status()).isEqualTo(200);
    assertThat(root.get("/api/audit").status()).isEqualTo(200);
  }

  @Test
  void badFiltersAreProblemsNamingTheParameter() {
    assertProblem(admin.get("/api/audit?action=STOLEN"), 400, "action");
    assertProblem(admin.get("/api/audit?environment=MOON"), 400, "environment");
    assertProblem(admin.get("/api/audit?processInstanceKey=abc"), 400, "processInstanceKey");
    assertProblem(admin.get("/api/audit?from=yesterday"), 400, "from");
    assertProblem(admin.get("/api/audit?to=2026-13-01"), 400, "to");
    assertProblem(admin.get("/api/audit?size=0"), 400, "size");
    assertProblem(admin.get("/api/audit?size=501"), 400, "size");
    assertProblem(admin.get("/api/audit?page=-1"), 400, "page");
    assertProblem(
        admin.get("/api/audit?from=2026-02-01T00:00:00Z&to=2026-01-01T00:00:00Z"), 400, "to");
  }

  @Test
  void anotherUsersPersonalConnectionIsNotNamed() {
    String integration = createBasicRestIntegration(admin, "Private audited " + tag());
    Response created = createConnection(modeler, integration, "Mine " + tag(), "PERSONAL");
    String key = created.text("/key");
    String id = created.text("/id");

    assertThat(page(admin.get("/api/audit?connection=" + key))).isEmpty();
    String everything =
        admin.get("/api/audit?actor=modeler&action=CONNECTION_CREATED&size=500").body();
    assertThat(everything).doesNotContain(key).doesNotContain(id).contains("\"personal\":true");
  }

  @Test
  void noWrittenSecretReachesTheAuditLogOrItsAnswers() {
    String marker = "zq" + tag() + tag();
    String integration = createBasicRestIntegration(admin, "Secretive " + tag());
    String id =
        createConnection(modeler, integration, "Secretive conn " + tag(), "ORGANIZATION")
            .text("/id");
    modeler.put(
        "/api/connections/" + id + "/environments/QA",
        credentials(Map.of("username", "svc", "password", marker + "-1")));
    modeler.put(
        "/api/connections/" + id + "/environments/QA",
        credentials(Map.of("password", marker + "-2")));
    modeler.post("/api/connections/" + id + "/environments/QA/test", null);
    String secretKey = "AUDIT_" + tag().toUpperCase();
    admin.put("/api/secrets/" + secretKey, Map.of("value", marker + "-3"));
    admin.put("/api/secrets/" + secretKey, Map.of("value", marker + "-4"));
    admin.delete("/api/secrets/" + secretKey);
    assertThat(actions(page(admin.get("/api/audit?actor=admin&size=500"))))
        .contains("SECRET_CREATED", "SECRET_ROTATED", "SECRET_DELETED");

    for (String path :
        List.of(
            "/api/audit?size=500", "/api/audit?action=SECRET_ROTATED", "/api/audit?connection=x")) {
      assertThat(admin.get(path).body()).doesNotContain(marker);
    }
    // every column of every audit row, as PostgreSQL prints the whole row
    assertThat(
            jdbc.sql("select a::text from audit_event a where a::text like :m")
                .param("m", "%" + marker + "%")
                .query(String.class)
                .list())
        .isEmpty();
  }

  private static JsonNode page(Response response) {
    assertThat(response.status()).as(response.toString()).isEqualTo(200);
    return response.json().get("items");
  }

  private static List<String> actions(JsonNode items) {
    return StreamSupport.stream(items.spliterator(), false)
        .map(n -> n.get("action").asText())
        .toList();
  }
}
