package dev.flowconnections.runtime.problem;

import static dev.flowconnections.runtime.testsupport.ApiFixtures.basicRestIntegration;
import static dev.flowconnections.runtime.testsupport.ApiFixtures.createBasicRestIntegration;
import static dev.flowconnections.runtime.testsupport.ApiFixtures.createConnection;
import static dev.flowconnections.runtime.testsupport.ApiFixtures.credentials;
import static dev.flowconnections.runtime.testsupport.ApiFixtures.tag;
import static dev.flowconnections.runtime.testsupport.ProblemAssert.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.flowconnections.environment.Environment;
import dev.flowconnections.runtime.testsupport.ApiClient;
import dev.flowconnections.runtime.testsupport.ApiClient.Response;
import dev.flowconnections.runtime.testsupport.RuntimeTestSupport;
import io.camunda.zeebe.process.test.api.ZeebeTestEngine;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The mistakes a person makes with the API: each answers a problem naming the field at fault, and
 * leaves the data as it was (checked by reading it again).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class ApiInputValidationTest {

  static final ZeebeTestEngine ENGINE = RuntimeTestSupport.startEngine();

  @DynamicPropertySource
  static void properties(DynamicPropertyRegistry registry) {
    RuntimeTestSupport.register(registry, ENGINE, Environment.DEVELOPMENT);
  }

  @LocalServerPort int port;

  ApiClient admin;
  ApiClient modeler;
  String integrationId;
  String connectionId;

  @BeforeEach
  void setUp() {
    ApiClient api = ApiClient.on(port);
    admin = api.as("admin");
    modeler = api.as("modeler");
    integrationId = createBasicRestIntegration(admin, "Validated " + tag());
    connectionId = createConnection(modeler, integrationId, "Checked " + tag(), "ORGANIZATION").text("/id");
  }

  // --- integrations -------------------------------------------------------------------------

  @Test
  void malformedJsonOnCreateNamesWhereItBroke() {
    String tag = tag();
    int before = count("/api/integrations");

    assertProblem(admin.send("POST", "/api/integrations", "{\"name\": \"Broken " + tag + "\", \"type\": }"), 400, "type");
    JsonNode truncated = assertProblem(
        admin.send("POST", "/api/integrations", "{\"name\": \"Broken " + tag + "\", \"type\": \"REST_API\""), 400, "body");
    assertThat(truncated.get("detail").asText()).contains("line 1");
    assertProblem(admin.send("POST", "/api/integrations", "{\"name\": \"Broken " + tag + "\"} trailing"), 400);

    assertThat(count("/api/integrations")).isEqualTo(before);
    assertThat(count("/api/integrations?search=" + tag)).isZero();
  }

  @Test
  void malformedJsonOnUpdateChangesNothing() {
    String before = read("/api/integrations/" + integrationId);

    assertProblem(admin.send("PUT", "/api/integrations/" + integrationId, "{\"name\": \"x\", \"version\": 1,,}"), 400, "body");

    assertThat(read("/api/integrations/" + integrationId)).isEqualTo(before);
  }

  @Test
  void anUnknownTypeListsTheAllowedOnes() {
    String tag = tag();
    Map<String, Object> body = basicRestIntegration("Soap " + tag);
    body.put("type", "SOAP");

    JsonNode problem = assertProblem(admin.post("/api/integrations", body), 400, "type");

    assertThat(problem.get("detail").asText()).contains("REST_API", "DATABASE", "AI_PROVIDER").doesNotContain("SOAP");
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

    JsonNode problem = assertProblem(admin.put("/api/integrations/" + integrationId, body), 400, "type");

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
    JsonNode conflict = assertProblem(admin.as("root").put("/api/integrations/" + integrationId, secondEdit), 409, "version");

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

    body.put("environments", Map.of(
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

    body.put("config", Map.of("baseUrl", "https://api.example.test", "baseURL", "https://typo.example.test"));
    assertProblem(admin.post("/api/integrations", body), 400, "config.baseURL");

    assertThat(count("/api/integrations?search=" + tag)).isZero();
  }

  @Test
  void aVersionThatIsNotANumberIsReported() {
    String before = read("/api/integrations/" + integrationId);
    Map<String, Object> body = basicRestIntegration("Versioned " + tag());
    body.put("version", "latest");

    JsonNode problem = assertProblem(admin.put("/api/integrations/" + integrationId, body), 400, "version");

    assertThat(problem.get("detail").asText()).contains("whole number");
    assertThat(read("/api/integrations/" + integrationId)).isEqualTo(before);
  }

  // --- connections --------------------------------------------------------------------------

  @Test
  void aDuplicateConnectionNameIsAConflict() {
    String name = modeler.get("/api/connections/" + connectionId).text("/name");
    int before = count("/api/connections");

    assertProblem(modeler.post("/api/connections",
        Map.of("integrationId", integrationId, "name", name, "visibility", "ORGANIZATION")), 409, "name");
    assertProblem(modeler.post("/api/connections",
        Map.of("integrationId", integrationId, "name", name.toUpperCase(), "visibility", "PERSONAL")), 409, "name");

    assertThat(count("/api/connections")).isEqualTo(before);
  }

  @Test
  void anUnknownPropertyIsReportedNotIgnored() {
    String tag = tag();
    JsonNode problem = assertProblem(modeler.post("/api/connections",
        Map.of("integrationId", integrationId, "name", "Typo " + tag, "visiblity", "PERSONAL")), 400, "visiblity");

    assertThat(problem.get("detail").asText()).contains("visibility");
    assertThat(count("/api/connections?search=" + tag)).isZero();
  }

  @Test
  void anIntegrationIdThatIsNotAUuidIsReported() {
    String tag = tag();
    assertProblem(modeler.post("/api/connections",
        Map.of("integrationId", "gmail", "name", "Bad ref " + tag, "visibility", "ORGANIZATION")), 400, "integrationId");
    assertProblem(modeler.post("/api/connections",
        Map.of("integrationId", java.util.UUID.randomUUID().toString(), "name", "Bad ref " + tag, "visibility", "ORGANIZATION")),
        400, "integrationId");
    assertProblem(modeler.post("/api/connections",
        Map.of("integrationId", integrationId, "name", "Bad ref " + tag, "visibility", "TEAM")), 400, "visibility");
    assertThat(count("/api/connections?search=" + tag)).isZero();
  }

  @Test
  void aMissingBodyIsReported() {
    int before = count("/api/connections");

    assertProblem(modeler.send("POST", "/api/connections", null), 400, "body");
    assertProblem(modeler.send("POST", "/api/connections", "null"), 400, "body");
    assertProblem(modeler.send("POST", "/api/connections", "[]"), 400, "body");

    assertThat(count("/api/connections")).isEqualTo(before);
  }

  @Test
  void anUnknownEnvironmentInThePathIsReported() {
    String before = read("/api/connections/" + connectionId);

    JsonNode problem = assertProblem(
        modeler.put(env("PROD"), credentials(Map.of("username", "u", "password", "p"))), 400, "environment");
    assertThat(problem.get("detail").asText()).contains("PRODUCTION");
    assertProblem(modeler.delete(env("PROD")), 400, "environment");

    assertThat(read("/api/connections/" + connectionId)).isEqualTo(before);
  }

  @Test
  void theSecondOfTwoConcurrentConnectionEditsGetsAConflict() {
    long version = modeler.get("/api/connections/" + connectionId).json().get("version").asLong();
    String firstName = "First " + tag();

    assertThat(modeler.put("/api/connections/" + connectionId,
        Map.of("name", firstName, "visibility", "ORGANIZATION", "version", version)).status()).isEqualTo(200);
    JsonNode conflict = assertProblem(modeler.as("other").put("/api/connections/" + connectionId,
        Map.of("name", "Second " + tag(), "visibility", "ORGANIZATION", "version", version)), 409, "version");

    assertThat(conflict.get("currentVersion").asLong()).isEqualTo(version + 1);
    JsonNode now = modeler.get("/api/connections/" + connectionId).json();
    assertThat(now.get("name").asText()).isEqualTo(firstName);
    assertThat(now.get("version").asLong()).isEqualTo(version + 1);
  }

  @Test
  void staleCredentialsAreRefusedAndTheFirstWriteKept() {
    modeler.put(env("DEVELOPMENT"), Map.of("fields", Map.of("username", "first", "password", "p1"), "version", 1));
    String after = read("/api/connections/" + connectionId);

    assertProblem(modeler.as("other").put(env("DEVELOPMENT"),
        Map.of("fields", Map.of("username", "second", "password", "p2"), "version", 1)), 409, "version");

    assertThat(read("/api/connections/" + connectionId)).isEqualTo(after);
    assertThat(modeler.get("/api/connections/" + connectionId).text("/environments/DEVELOPMENT/fields/username"))
        .isEqualTo("first");
  }

  @Test
  void aMissingRequiredCredentialFieldIsReported() {
    String before = read("/api/connections/" + connectionId);

    assertProblem(modeler.put(env("DEVELOPMENT"), credentials(Map.of("username", "svc"))), 400, "fields.password");
    assertProblem(modeler.put(env("DEVELOPMENT"), credentials(Map.of("username", "svc", "password", " "))), 400,
        "fields.password");
    assertProblem(modeler.put(env("DEVELOPMENT"), Map.of()), 400, "fields.username");

    assertThat(read("/api/connections/" + connectionId)).isEqualTo(before);
    assertThat(modeler.get("/api/connections/" + connectionId).text("/environments/DEVELOPMENT/status"))
        .isEqualTo("NOT_CONFIGURED");
  }

  @Test
  void anUnknownCredentialFieldIsReported() {
    String before = read("/api/connections/" + connectionId);

    JsonNode problem = assertProblem(modeler.put(env("DEVELOPMENT"),
        credentials(Map.of("username", "svc", "password", "pw", "pasword", "pw"))), 400, "fields.pasword");

    assertThat(problem.get("detail").asText()).contains("password");
    assertThat(read("/api/connections/" + connectionId)).isEqualTo(before);
  }

  @Test
  void credentialsOutsideFieldsAreReported() {
    String before = read("/api/connections/" + connectionId);

    assertProblem(modeler.put(env("DEVELOPMENT"), Map.of("username", "svc", "password", "pw")), 400, "username");

    assertThat(read("/api/connections/" + connectionId)).isEqualTo(before);
  }

  // --- paths, parameters, methods -----------------------------------------------------------

  @Test
  void aBadUuidInThePathIsReported() {
    assertProblem(admin.get("/api/integrations/not-a-uuid"), 400, "id");
    assertProblem(modeler.get("/api/connections/42"), 400, "id");
    assertProblem(modeler.put("/api/connections/42/environments/DEVELOPMENT", credentials(Map.of())), 400, "id");
  }

  @Test
  void badQueryParametersAreReported() {
    assertProblem(admin.get("/api/integrations?type=SOAP"), 400, "type");
    assertProblem(admin.get("/api/integrations?scope=GLOBAL"), 400, "scope");
    assertProblem(modeler.get("/api/connections?integrationId=gmail"), 400, "integrationId");
    assertProblem(admin.delete("/api/integrations/" + integrationId + "?force=maybe"), 400, "force");
    assertThat(admin.get("/api/integrations/" + integrationId).status()).isEqualTo(200);
  }

  @Test
  void unknownIdsAreNotFound() {
    String unknown = java.util.UUID.randomUUID().toString();
    assertProblem(admin.get("/api/integrations/" + unknown), 404);
    assertProblem(admin.get("/api/integrations/" + unknown + "/fields"), 404);
    assertProblem(modeler.get("/api/connections/" + unknown), 404);
    assertProblem(modeler.put("/api/connections/" + unknown + "/environments/QA", credentials(Map.of())), 404);
    assertProblem(admin.get("/api/nothing-here"), 404);
  }

  @Test
  void aWrongMethodOrMediaTypeIsReported() {
    Response patch = admin.send("PATCH", "/api/integrations/" + integrationId, "{}");
    assertProblem(patch, 405);
    assertThat(patch.header("Allow")).contains("PUT");
    assertProblem(admin.send("POST", "/api/integrations/" + integrationId, "{}"), 405);

    String before = read("/api/integrations/" + integrationId);
    assertProblem(admin.send("PUT", "/api/integrations/" + integrationId, "name=x", "text/plain"), 415);
    assertThat(read("/api/integrations/" + integrationId)).isEqualTo(before);
  }

  private String env(String environment) {
    return "/api/connections/" + connectionId + "/environments/" + environment;
  }

  private String read(String path) {
    Response response = admin.get(path).status() == 200 ? admin.get(path) : modeler.get(path);
    assertThat(response.status()).as(response.toString()).isEqualTo(200);
    return response.body();
  }

  private int count(String listPath) {
    Response response = modeler.get(listPath);
    assertThat(response.status()).as(response.toString()).isEqualTo(200);
    return response.json().size();
  }
}
