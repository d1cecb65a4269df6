package dev.flowconnections.runtime.problem;

import static dev.flowconnections.runtime.testsupport.ApiFixtures.basicRestIntegration;
import static dev.flowconnections.runtime.testsupport.ApiFixtures.createBasicRestIntegration;
import static dev.flowconnections.runtime.testsupport.ApiFixtures.credentials;
import static dev.flowconnections.runtime.testsupport.ApiFixtures.tag;
import static dev.flowconnections.runtime.testsupport.ProblemAssert.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.flowconnections.runtime.testsupport.ApiClient.Response;
import dev.flowconnections.runtime.testsupport.ApiFixtures;
import dev.flowconnections.runtime.testsupport.ApiTestBase;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The mistakes a person makes with integrations, paths, parameters and methods: each answers a
 * problem naming the field at fault, and leaves the data as it was (checked by reading it again).
 * Connection and credential mistakes are in {@link ConnectionInputValidationTest}.
 */
class ApiInputValidationTest extends ApiTestBase {

  String integrationId;

  @BeforeEach
  void setUp() {
    integrationId = createBasicRestIntegration(admin, "Validated " + tag());
  }

  // --- integrations -------------------------------------------------------------------------

  @Test
  void malformedJsonOnCreateNamesWhereItBroke() {
    String tag = tag();
    int before = count("/api/integrations");

    assertProblem(
        admin.send("POST", "/api/integrations", "{\"name\": \"Broken " + tag + "\", \"type\": }"),
        400,
        "type");
    JsonNode truncated =
        assertProblem(
            admin.send(
                "POST",
                "/api/integrations",
                "{\"name\": \"Broken " + tag + "\", \"type\": \"REST_API\""),
            400,
            "body");
    assertThat(truncated.get("detail").asText()).contains("line 1");
    assertProblem(
        admin.send("POST", "/api/integrations", "{\"name\": \"Broken " + tag + "\"} trailing"),
        400);

    assertThat(count("/api/integrations")).isEqualTo(before);
    assertThat(count("/api/integrations?search=" + tag)).isZero();
  }

  @Test
  void malformedJsonOnUpdateChangesNothing() {
    String before = read("/api/integrations/" + integrationId);

    assertProblem(
        admin.send(
            "PUT", "/api/integrations/" + integrationId, "{\"name\": \"x\", \"version\": 1,,}"),
        400,
        "body");

    assertThat(read("/api/integrations/" + integrationId)).isEqualTo(before);
  }

  @Test
  void anUnknownTypeListsTheAllowedOnes() {
    String tag = tag();
    Map<String, Object> body = basicRestIntegration("Soap " + tag);
    body.put("type", "SOAP");

    JsonNode problem = assertProblem(admin.post("/api/integrations", body), 400, "type");

    assertThat(problem.get("detail").asText())
        .contains("REST_API", "DATABASE", "AI_PROVIDER")
        .doesNotContain("SOAP");
    assertThat(count("/api/integrations?search=" + tag)).isZero();
  }

  @Test
  void aMissingNameIsReported() {
    int before = count("/api/integrations");
    Map<String, Object> body = basicRestIntegration(null);
    body.remove("name");

    assertProblem(admin.post("/api/integrations", body), 400, "name");
    body.put("name", "   ");
    assertProblem(admin.post("/api/integrations", body), 400, "name");

    assertThat(count("/api/integrations")).isEqualTo(before);
  }

  @Test
  void theTypeCannotChangeOnUpdate() {
    String before = read("/api/integrations/" + integrationId);
    Map<String, Object> body = basicRestIntegration("Validated renamed " + tag());
    body.put("type", "DATABASE");
    body.put("version", 1);

    JsonNode problem =
        assertProblem(admin.put("/api/integrations/" + integrationId, body), 400, "type");

    assertThat(problem.get("detail").asText()).contains("cannot be changed");
    assertThat(read("/api/integrations/" + integrationId)).isEqualTo(before);
  }

  @Test
  void theSecondOfTwoConcurrentIntegrationEditsGetsAConflict() {
    JsonNode first = admin.get("/api/integrations/" + integrationId).json();
    JsonNode second = admin.as("root").get("/api/integrations/" + integrationId).json();
    Map<String, Object> firstEdit = basicRestIntegration(first.get("name").asText());
    firstEdit.put("description", "first edit");
    firstEdit.put("version", first.get("version").asLong());
    Map<String, Object> secondEdit = basicRestIntegration(second.get("name").asText());
    secondEdit.put("description", "second edit");
    secondEdit.put("version", second.get("version").asLong());

    assertThat(admin.put("/api/integrations/" + integrationId, firstEdit).status()).isEqualTo(200);
    JsonNode conflict =
        assertProblem(
            admin.as("root").put("/api/integrations/" + integrationId, secondEdit), 409, "version");

    assertThat(conflict.get("currentVersion").asLong()).isEqualTo(2);
    JsonNode now = admin.get("/api/integrations/" + integrationId).json();
    assertThat(now.get("description").asText()).isEqualTo("first edit");
    assertThat(now.get("version").asLong()).isEqualTo(2);
  }

  @Test
  void environmentNamesInTheBodyAreChecked() {
    String tag = tag();
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("name", "Per env " + tag);
    body.put("type", "REST_API");
    body.put("configMode", "PER_ENVIRONMENT");
    body.put("environments", Map.of("PROD", Map.of("baseUrl", "https://p.example.test")));
    assertProblem(admin.post("/api/integrations", body), 400, "environments.PROD");

    body.put(
        "environments",
        Map.of(
            "STAGING", Map.of("baseUrl", "https://s.example.test"),
            "PRODUCTION", Map.of("copyFrom", "STAGEING")));
    assertProblem(admin.post("/api/integrations", body), 400, "environments.PRODUCTION.copyFrom");

    body.put("environments", Map.of("PRODUCTION", Map.of("copyFrom", "STAGING")));
    assertProblem(admin.post("/api/integrations", body), 400, "environments.PRODUCTION.copyFrom");

    assertThat(count("/api/integrations?search=" + tag)).isZero();
  }

  @Test
  void configValuesOfTheWrongShapeAreReportedByPath() {
    String tag = tag();
    Map<String, Object> body = basicRestIntegration("Shapes " + tag);
    body.put("config", "https://api.example.test");
    JsonNode notAnObject = assertProblem(admin.post("/api/integrations", body), 400, "config");
    assertThat(notAnObject.get("detail").asText()).contains("JSON object");

    body.put("config", Map.of("baseUrl", "not a url"));
    assertProblem(admin.post("/api/integrations", body), 400, "config.baseUrl");

    body.put(
        "config",
        Map.of("baseUrl", "https://api.example.test", "baseURL", "https://typo.example.test"));
    assertProblem(admin.post("/api/integrations", body), 400, "config.baseURL");

    assertThat(count("/api/integrations?search=" + tag)).isZero();
  }

  @Test
  void aVersionThatIsNotANumberIsReported() {
    String before = read("/api/integrations/" + integrationId);
    Map<String, Object> body = basicRestIntegration("Versioned " + tag());
    body.put("version", "latest");

    JsonNode problem =
        assertProblem(admin.put("/api/integrations/" + integrationId, body), 400, "version");

    assertThat(problem.get("detail").asText()).contains("whole number");
    assertThat(read("/api/integrations/" + integrationId)).isEqualTo(before);
  }

  @Test
  void textWithNulCharactersIsRefusedBeforeItReachesTheDatabase() {
    String tag = tag();
    assertProblem(
        admin.send(
            "POST",
            "/api/integrations",
            "{\"name\": \"Nul\\u0000" + tag + "\", \"type\": \"EMAIL\"}"),
        400,
        "name");
    assertProblem(
        admin.send(
            "POST",
            "/api/integrations",
            "{\"name\": \"Nul "
                + tag
                + "\", \"type\": \"EMAIL\", \"config\": {\"host\": \"a\\u0000b\"}}"),
        400,
        "config.host");
    assertProblem(admin.get("/api/integrations?search=a%00b"), 400);

    assertThat(count("/api/integrations?search=" + tag)).isZero();
  }

  // --- paths, parameters, methods -----------------------------------------------------------

  @Test
  void aBadUuidInThePathIsReported() {
    assertProblem(admin.get("/api/integrations/not-a-uuid"), 400, "id");
    assertProblem(modeler.get("/api/connections/42"), 400, "id");
    assertProblem(
        modeler.put("/api/connections/42/environments/DEVELOPMENT", credentials(Map.of())),
        400,
        "id");
  }

  @Test
  void badQueryParametersAreReported() {
    assertProblem(admin.get("/api/integrations?type=SOAP"), 400, "type");
    assertProblem(admin.get("/api/integrations?scope=GLOBAL"), 400, "scope");
    assertProblem(modeler.get("/api/connections?integrationId=gmail"), 400, "integrationId");
    assertProblem(
        admin.delete("/api/integrations/" + integrationId + "?force=maybe"), 400, "force");
    assertThat(admin.get("/api/integrations/" + integrationId).status()).isEqualTo(200);
  }

  @Test
  void unknownIdsAreNotFound() {
    String unknown = java.util.UUID.randomUUID().toString();
    assertProblem(admin.get("/api/integrations/" + unknown), 404);
    assertProblem(admin.get("/api/integrations/" + unknown + "/fields"), 404);
    assertProblem(modeler.get("/api/connections/" + unknown), 404);
    assertProblem(
        modeler.put("/api/connections/" + unknown + "/environments/QA", credentials(Map.of())),
        404);
    assertProblem(admin.get("/api/nothing-here"), 404);
  }

  @Test
  void aWrongMethodOrMediaTypeIsReported() {
    Response patch = admin.send("PATCH", "/api/integrations/" + integrationId, "{}");
    assertProblem(patch, 405);
    assertThat(patch.header("Allow")).contains("PUT");
    assertProblem(admin.send("POST", "/api/integrations/" + integrationId, "{}"), 405);

    String before = read("/api/integrations/" + integrationId);
    assertProblem(
        admin.send("PUT", "/api/integrations/" + integrationId, "name=x", "text/plain"), 415);
    assertThat(read("/api/integrations/" + integrationId)).isEqualTo(before);
  }

  private String read(String path) {
    return ApiFixtures.read(admin, path);
  }

  private int count(String listPath) {
    return ApiFixtures.count(modeler, listPath);
  }
}
