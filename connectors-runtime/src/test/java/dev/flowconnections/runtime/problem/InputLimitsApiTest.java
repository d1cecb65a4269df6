package dev.flowconnections.runtime.problem;

import static dev.flowconnections.runtime.testsupport.ApiFixtures.basicRestIntegration;
import static dev.flowconnections.runtime.testsupport.ApiFixtures.createBasicRestIntegration;
import static dev.flowconnections.runtime.testsupport.ApiFixtures.createConnection;
import static dev.flowconnections.runtime.testsupport.ApiFixtures.credentials;
import static dev.flowconnections.runtime.testsupport.ApiFixtures.read;
import static dev.flowconnections.runtime.testsupport.ApiFixtures.tag;
import static dev.flowconnections.runtime.testsupport.ProblemAssert.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.flowconnections.runtime.testsupport.ApiClient.Response;
import dev.flowconnections.runtime.testsupport.ApiTestBase;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Issue 13, input limits: an oversized credential, setting or secret value is a 400 naming the
 * field (and never echoed); a first save without a required field is a 400 naming it; a URL the
 * server refuses (an encoded slash) still answers application/problem+json.
 */
class InputLimitsApiTest extends ApiTestBase {

  /**
   * Over the default 64 KiB; the limit counts UTF-8 bytes, so 22,000 three-byte characters are over
   * too.
   */
  private static final String HUGE = "x".repeat(64 * 1024 + 1);

  private static final String HUGE_MULTIBYTE = "€".repeat(22_000);

  @Test
  void anOversizedCredentialIsRefusedNamingTheField() {
    String integrationId = createBasicRestIntegration(admin, "Limits " + tag());
    String id =
        createConnection(modeler, integrationId, "Huge " + tag(), "ORGANIZATION").text("/id");
    String before = read(modeler, "/api/connections/" + id);

    Response secret =
        modeler.put(env(id), credentials(Map.of("username", "svc", "password", HUGE)));
    Response setting =
        modeler.put(env(id), credentials(Map.of("username", HUGE_MULTIBYTE, "password", "p")));

    assertTooLong(secret, "fields.password");
    assertTooLong(setting, "fields.username");
    assertThat(read(modeler, "/api/connections/" + id)).isEqualTo(before);
    String atTheLimit = "y".repeat(64 * 1024);
    assertThat(
            modeler
                .put(env(id), credentials(Map.of("username", "svc", "password", atTheLimit)))
                .status())
        .isEqualTo(200);
  }

  @Test
  void anOversizedIntegrationSettingOrSecretValueIsRefusedNamingTheField() {
    String name = "Huge config " + tag();
    Map<String, Object> integration = basicRestIntegration(name);
    integration.put("config", Map.of("baseUrl", "https://api.example.test/" + HUGE));

    assertTooLong(admin.post("/api/integrations", integration), "config.baseUrl");
    assertThat(admin.get("/api/integrations?search=" + name.replace(' ', '+')).json()).isEmpty();
    String key = "HUGE_" + tag().toUpperCase();
    assertTooLong(admin.put("/api/secrets/" + key, Map.of("value", HUGE)), "value");
    assertThat(read(admin, "/api/secrets")).doesNotContain(key);
  }

  @Test
  void aFirstSaveWithoutARequiredFieldIsRefusedALaterBlankSecretKeepsTheStoredOne() {
    String integrationId = createBasicRestIntegration(admin, "Required " + tag());
    String id =
        createConnection(modeler, integrationId, "Partial " + tag(), "ORGANIZATION").text("/id");

    assertProblem(
        modeler.put(env(id), credentials(Map.of("username", "svc"))), 400, "fields.password");
    assertProblem(
        modeler.put(env(id), credentials(Map.of("username", "svc", "password", ""))),
        400,
        "fields.password");
    assertProblem(
        modeler.put(env(id), credentials(Map.of("password", "p"))), 400, "fields.username");
    assertProblem(modeler.put(env(id), Map.of("fields", Map.of())), 400, "fields.username");
    assertProblem(modeler.put(env(id), Map.of()), 400, "fields.username");
    assertProblem(
        modeler.put(env(id), credentials(Map.of("username", "   ", "password", "p"))),
        400,
        "fields.username");
    assertProblem(
        modeler.put(env(id), credentials(Map.of("username", "svc", "password", "   "))),
        400,
        "fields.password");
    assertProblem(modeler.send("PUT", env(id), "{\"fields\": null}"), 400, "fields.username");
    assertThat(
            modeler
                .get("/api/connections/" + id)
                .json()
                .at("/environments/DEVELOPMENT/status")
                .asText())
        .isEqualTo("NOT_CONFIGURED");

    assertThat(
            modeler.put(env(id), credentials(Map.of("username", "svc", "password", "p1"))).status())
        .isEqualTo(200);
    Response later = modeler.put(env(id), credentials(Map.of("username", "svc2", "password", "")));
    assertThat(later.status()).as(later.toString()).isEqualTo(200);
    assertThat(later.json().at("/environments/DEVELOPMENT/fields/password/set").asBoolean())
        .isTrue();
  }

  @Test
  void aUrlTheServerRefusesStillAnswersAProblem() {
    for (String path :
        new String[] {
          "/api/connections/a%2Fb",
          "/api/connections/a%2fb/environments/QA",
          "/api/connections/..%2F..%2Fetc",
          "/api/connections/a%5Cb",
          "/api/secrets/a%00b"
        }) {
      Response refused = modeler.get(path);
      assertThat(refused.status()).as(path).isBetween(400, 404);
      assertThat(refused.contentType())
          .as(path + " " + refused)
          .startsWith("application/problem+json");
      JsonNode problem = refused.json();
      assertThat(problem.get("status").asInt()).isEqualTo(refused.status());
    }
  }

  private static void assertTooLong(Response response, String field) {
    JsonNode problem = assertProblem(response, 400, field);
    assertThat(problem.get("detail").asText()).contains("at most 65536 bytes");
    assertThat(response.body()).doesNotContain("xxxxxxxxxx", "€€€€€€€€");
  }

  private static String env(String id) {
    return "/api/connections/" + id + "/environments/DEVELOPMENT";
  }
}
