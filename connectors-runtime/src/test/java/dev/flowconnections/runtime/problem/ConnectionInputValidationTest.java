package dev.flowconnections.runtime.problem;

import static dev.flowconnections.runtime.testsupport.ApiFixtures.createBasicRestIntegration;
import static dev.flowconnections.runtime.testsupport.ApiFixtures.createConnection;
import static dev.flowconnections.runtime.testsupport.ApiFixtures.credentials;
import static dev.flowconnections.runtime.testsupport.ApiFixtures.postConnection;
import static dev.flowconnections.runtime.testsupport.ApiFixtures.postKeyedConnection;
import static dev.flowconnections.runtime.testsupport.ApiFixtures.tag;
import static dev.flowconnections.runtime.testsupport.ProblemAssert.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.flowconnections.runtime.testsupport.ApiFixtures;
import dev.flowconnections.runtime.testsupport.ApiTestBase;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The mistakes a person makes with connections and their credentials: each answers a problem naming
 * the field at fault, and leaves the connection as it was (checked by reading it again).
 */
class ConnectionInputValidationTest extends ApiTestBase {

  String integrationId;
  String connectionId;

  @BeforeEach
  void setUp() {
    integrationId = createBasicRestIntegration(admin, "Validated " + tag());
    connectionId =
        createConnection(modeler, integrationId, "Checked " + tag(), "ORGANIZATION").text("/id");
  }

  @Test
  void aDuplicateConnectionNameIsAConflict() {
    String name = modeler.get("/api/connections/" + connectionId).text("/name");
    int before = count("/api/connections");

    assertProblem(postConnection(modeler, integrationId, name, "ORGANIZATION"), 409, "name");
    assertProblem(
        postConnection(modeler, integrationId, name.toUpperCase(), "PERSONAL"), 409, "name");

    assertThat(count("/api/connections")).isEqualTo(before);
  }

  @Test
  void anUnknownPropertyIsReportedNotIgnored() {
    String tag = tag();
    JsonNode problem =
        assertProblem(
            modeler.post(
                "/api/connections",
                Map.of(
                    "integrationId",
                    integrationId,
                    "name",
                    "Typo " + tag,
                    "visiblity",
                    "PERSONAL")),
            400,
            "visiblity");

    assertThat(problem.get("detail").asText()).contains("visibility");
    assertThat(count("/api/connections?search=" + tag)).isZero();
  }

  @Test
  void anIntegrationIdThatIsNotAUuidIsReported() {
    String tag = tag();
    assertProblem(
        postConnection(modeler, "gmail", "Bad ref " + tag, "ORGANIZATION"), 400, "integrationId");
    assertProblem(
        postConnection(
            modeler, java.util.UUID.randomUUID().toString(), "Bad ref " + tag, "ORGANIZATION"),
        400,
        "integrationId");
    assertProblem(
        postConnection(modeler, integrationId, "Bad ref " + tag, "TEAM"), 400, "visibility");
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

    JsonNode problem =
        assertProblem(
            modeler.put(env("PROD"), credentials(Map.of("username", "u", "password", "p"))),
            400,
            "environment");
    assertThat(problem.get("detail").asText()).contains("PRODUCTION");
    assertProblem(modeler.delete(env("PROD")), 400, "environment");

    assertThat(read("/api/connections/" + connectionId)).isEqualTo(before);
  }

  @Test
  void theSecondOfTwoConcurrentConnectionEditsGetsAConflict() {
    long version = modeler.get("/api/connections/" + connectionId).json().get("version").asLong();
    String firstName = "First " + tag();

    assertThat(
            modeler
                .put(
                    "/api/connections/" + connectionId,
                    Map.of("name", firstName, "visibility", "ORGANIZATION", "version", version))
                .status())
        .isEqualTo(200);
    JsonNode conflict =
        assertProblem(
            modeler
                .as("other")
                .put(
                    "/api/connections/" + connectionId,
                    Map.of(
                        "name",
                        "Second " + tag(),
                        "visibility",
                        "ORGANIZATION",
                        "version",
                        version)),
            409,
            "version");

    assertThat(conflict.get("currentVersion").asLong()).isEqualTo(version + 1);
    JsonNode now = modeler.get("/api/connections/" + connectionId).json();
    assertThat(now.get("name").asText()).isEqualTo(firstName);
    assertThat(now.get("version").asLong()).isEqualTo(version + 1);
  }

  @Test
  void staleCredentialsAreRefusedAndTheFirstWriteKept() {
    modeler.put(
        env("DEVELOPMENT"),
        Map.of("fields", Map.of("username", "first", "password", "p1"), "version", 1));
    String after = read("/api/connections/" + connectionId);

    assertProblem(
        modeler
            .as("other")
            .put(
                env("DEVELOPMENT"),
                Map.of("fields", Map.of("username", "second", "password", "p2"), "version", 1)),
        409,
        "version");

    assertThat(read("/api/connections/" + connectionId)).isEqualTo(after);
    assertThat(
            modeler
                .get("/api/connections/" + connectionId)
                .text("/environments/DEVELOPMENT/fields/username"))
        .isEqualTo("first");
  }

  @Test
  void aMissingRequiredCredentialFieldIsReported() {
    String before = read("/api/connections/" + connectionId);

    assertProblem(
        modeler.put(env("DEVELOPMENT"), credentials(Map.of("username", "svc"))),
        400,
        "fields.password");
    assertProblem(
        modeler.put(env("DEVELOPMENT"), credentials(Map.of("username", "svc", "password", " "))),
        400,
        "fields.password");
    assertProblem(modeler.put(env("DEVELOPMENT"), Map.of()), 400, "fields.username");

    assertThat(read("/api/connections/" + connectionId)).isEqualTo(before);
    assertThat(
            modeler
                .get("/api/connections/" + connectionId)
                .text("/environments/DEVELOPMENT/status"))
        .isEqualTo("NOT_CONFIGURED");
  }

  @Test
  void anUnknownCredentialFieldIsReported() {
    String before = read("/api/connections/" + connectionId);

    JsonNode problem =
        assertProblem(
            modeler.put(
                env("DEVELOPMENT"),
                credentials(Map.of("username", "svc", "password", "pw", "pasword", "pw"))),
            400,
            "fields.pasword");

    assertThat(problem.get("detail").asText()).contains("password");
    assertThat(read("/api/connections/" + connectionId)).isEqualTo(before);
  }

  @Test
  void credentialsOutsideFieldsAreReported() {
    String before = read("/api/connections/" + connectionId);

    assertProblem(
        modeler.send("PUT", env("DEVELOPMENT"), "{\"username\": \"svc\", \"password\": \"pw\"}"),
        400,
        "username");

    assertThat(read("/api/connections/" + connectionId)).isEqualTo(before);
  }

  @Test
  void aNameOrKeyThatMakesNoValidKeyIsReported() {
    String tag = tag();
    assertProblem(postConnection(modeler, integrationId, "!!!", "ORGANIZATION"), 400, "name");
    assertProblem(
        postKeyedConnection(modeler, integrationId, "Keyed " + tag, "Not A Key", "ORGANIZATION"),
        400,
        "key");
    assertThat(count("/api/connections?search=" + tag)).isZero();
  }

  @Test
  void credentialsWithNulCharactersAreRefused() {
    String before = read("/api/connections/" + connectionId);

    assertProblem(
        modeler.send(
            "PUT",
            env("DEVELOPMENT"),
            "{\"fields\": {\"username\": \"svc\", \"password\": \"p\\u0000w\"}}"),
        400,
        "fields.password");

    assertThat(read("/api/connections/" + connectionId)).isEqualTo(before);
  }

  private String env(String environment) {
    return "/api/connections/" + connectionId + "/environments/" + environment;
  }

  private String read(String path) {
    return ApiFixtures.read(modeler, path);
  }

  private int count(String listPath) {
    return ApiFixtures.count(modeler, listPath);
  }
}
