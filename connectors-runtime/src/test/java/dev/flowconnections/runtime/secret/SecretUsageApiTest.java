package dev.flowconnections.runtime.secret;

import static dev.flowconnections.runtime.testsupport.ApiFixtures.createBasicRestIntegration;
import static dev.flowconnections.runtime.testsupport.ApiFixtures.createConnection;
import static dev.flowconnections.runtime.testsupport.ApiFixtures.credentials;
import static dev.flowconnections.runtime.testsupport.ApiFixtures.tag;
import static dev.flowconnections.runtime.testsupport.ProblemAssert.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.flowconnections.runtime.testsupport.ApiClient;
import dev.flowconnections.runtime.testsupport.ApiTestBase;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * {@code GET /api/secrets/usage} and {@code /api/secrets/{KEY}/usage}: which connections reference
 * a secret, whether from a plain setting (username) or from a write-only secret field (password),
 * per environment; others' personal connections counted, not named; admins only; no values.
 */
class SecretUsageApiTest extends ApiTestBase {

  @Test
  void namesConnectionsReferencingTheKeyFromSettingsAndSecretFields() {
    String tag = tag();
    String key = "USAGE_" + tag;
    admin.put("/api/secrets/" + key, Map.of("value", "usage-value-" + tag));
    admin.put("/api/secrets/UNUSED_" + tag, Map.of("value", "unused-value-" + tag));
    String integrationId = createBasicRestIntegration(admin, "Usage " + tag);
    String inPassword =
        id(createConnection(modeler, integrationId, "In password " + tag, "ORGANIZATION"));
    String inUsername =
        id(createConnection(modeler, integrationId, "In username " + tag, "ORGANIZATION"));
    String hidden = id(createConnection(other, integrationId, "Other's " + tag, "PERSONAL"));
    save(
        modeler,
        inPassword,
        "DEVELOPMENT",
        Map.of("username", "svc", "password", "@@SECRET:" + key + "@@"));
    save(
        modeler,
        inPassword,
        "PRODUCTION",
        Map.of("username", "svc", "password", "prefix-@@SECRET:" + key + "@@"));
    save(
        modeler,
        inUsername,
        "QA",
        Map.of("username", "@@SECRET:" + key + "@@", "password", "plain"));
    save(other, hidden, "QA", Map.of("username", "svc", "password", "@@SECRET:" + key + "@@"));

    ApiClient.Response one = admin.get("/api/secrets/" + key + "/usage");
    assertThat(one.status()).as(one.toString()).isEqualTo(200);
    JsonNode usage = one.json();
    assertThat(usage.get("key").asText()).isEqualTo(key);
    assertThat(usage.get("hiddenPersonalConnections").asInt()).isEqualTo(1);
    assertThat(usage.get("connections").findValuesAsText("name"))
        .containsExactlyInAnyOrder("In password " + tag, "In username " + tag);
    JsonNode password = connection(usage, "In password " + tag);
    assertThat(password.get("environments").toString())
        .isEqualTo("[\"DEVELOPMENT\",\"PRODUCTION\"]");
    assertThat(password.get("key").asText()).isEqualTo("in-password-" + tag);
    assertThat(connection(usage, "In username " + tag).get("environments").toString())
        .isEqualTo("[\"QA\"]");
    assertThat(one.body()).doesNotContain("Other's", hidden);

    JsonNode all = admin.get("/api/secrets/usage").json();
    assertThat(all.findValuesAsText("key")).contains(key).doesNotContain("UNUSED_" + tag);
    assertThat(admin.get("/api/secrets/UNUSED_" + tag + "/usage").json().get("connections"))
        .isEmpty();
    assertThat(api.transcript())
        .noneMatch(
            entry -> entry.contains("usage-value-" + tag) || entry.contains("unused-value-" + tag));
  }

  @Test
  void ownerOfAPersonalConnectionWhoIsAdminSeesItNamed() {
    String tag = tag();
    String key = "MINE_" + tag;
    admin.put("/api/secrets/" + key, Map.of("value", "v"));
    String id =
        id(
            createConnection(
                admin,
                createBasicRestIntegration(admin, "Mine " + tag),
                "Mine " + tag,
                "PERSONAL"));
    save(admin, id, "STAGING", Map.of("username", "svc", "password", "@@SECRET:" + key + "@@"));
    JsonNode usage = admin.get("/api/secrets/" + key + "/usage").json();
    assertThat(usage.get("connections").findValuesAsText("name")).containsExactly("Mine " + tag);
    assertThat(usage.get("hiddenPersonalConnections").asInt()).isZero();
  }

  @Test
  void onlyAdminsMayAskAndUnknownKeysAreNotFound() {
    assertProblem(modeler.get("/api/secrets/usage"), 403);
    assertProblem(modeler.get("/api/secrets/ANY/usage"), 403);
    assertProblem(api.anonymous().get("/api/secrets/usage"), 401);
    assertThat(
            assertProblem(admin.get("/api/secrets/NOPE_" + tag() + "/usage"), 404)
                .get("detail")
                .asText())
        .startsWith("secret 'NOPE_");
  }

  private static void save(
      ApiClient user, String connectionId, String environment, Map<String, Object> fields) {
    ApiClient.Response saved =
        user.put(
            "/api/connections/" + connectionId + "/environments/" + environment,
            credentials(fields));
    assertThat(saved.status()).as(saved.toString()).isEqualTo(200);
  }

  private static String id(ApiClient.Response created) {
    return created.text("/id");
  }

  private static JsonNode connection(JsonNode usage, String name) {
    for (JsonNode c : usage.get("connections")) {
      if (c.get("name").asText().equals(name)) {
        return c;
      }
    }
    throw new AssertionError("no connection " + name + " in " + usage);
  }
}
