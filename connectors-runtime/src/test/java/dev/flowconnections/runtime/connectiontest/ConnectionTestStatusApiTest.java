package dev.flowconnections.runtime.connectiontest;

import static dev.flowconnections.runtime.testsupport.ApiFixtures.createConnection;
import static dev.flowconnections.runtime.testsupport.ApiFixtures.createIntegration;
import static dev.flowconnections.runtime.testsupport.ApiFixtures.credentials;
import static dev.flowconnections.runtime.testsupport.ApiFixtures.tag;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.flowconnections.runtime.testsupport.ApiClient.Response;
import dev.flowconnections.runtime.testsupport.ApiTestBase;
import dev.flowconnections.runtime.testsupport.RecordingHttpServer;
import dev.flowconnections.runtime.testsupport.RecordingHttpServer.Reply;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What a test leaves behind: the answer ({@code ok, message, testedAt, testedBy}), the last result
 * per environment, the failing count of the credential status, and that each environment is tested
 * with its own credentials, whatever environment the runtime serves (DEVELOPMENT here).
 */
class ConnectionTestStatusApiTest extends ApiTestBase {

  static final RecordingHttpServer SERVER = RecordingHttpServer.start();
  static final String GOOD_TOKEN = "good-token-" + tag();

  @AfterAll
  static void stopServer() {
    SERVER.close();
  }

  @BeforeEach
  void acceptOnlyTheGoodToken() {
    SERVER.reset();
    SERVER.respond(
        request ->
            ("Bearer " + GOOD_TOKEN).equals(request.header("Authorization"))
                ? Reply.json(200, "{}")
                : Reply.json(401, "{}"));
  }

  @Test
  void eachEnvironmentIsTestedWithItsOwnCredentialsAndCountedUntilItsCredentialsChange() {
    String id = restConnection();
    String qaToken = "qa-token-" + tag();
    String stagingToken = "staging-token-" + tag();
    modeler.put(path(id, "DEVELOPMENT"), credentials(Map.of("token", GOOD_TOKEN)));
    modeler.put(path(id, "QA"), credentials(Map.of("token", qaToken)));
    modeler.put(path(id, "STAGING"), credentials(Map.of("token", stagingToken)));
    long version = modeler.get("/api/connections/" + id).json().get("version").asLong();

    assertThat(test(id, "DEVELOPMENT").get("ok").asBoolean()).isTrue();
    assertThat(test(id, "QA").get("ok").asBoolean()).isFalse();
    assertThat(SERVER.lastRequest().header("Authorization")).isEqualTo("Bearer " + qaToken);
    assertThat(test(id, "STAGING").get("ok").asBoolean()).isFalse();
    assertThat(SERVER.lastRequest().header("Authorization")).isEqualTo("Bearer " + stagingToken);

    JsonNode tested = modeler.get("/api/connections/" + id).json();
    assertThat(tested.at("/credentialStatus/label").asText())
        .isEqualTo("3 of 4 environments configured, 2 failing");
    assertThat(tested.at("/credentialStatus/failing").asInt()).isEqualTo(2);
    assertThat(tested.get("version").asLong()).as("a test is not an edit").isEqualTo(version);
    assertThat(tested.at("/environments/QA/lastTest/message").asText())
        .isEqualTo("authentication rejected (HTTP 401 from HEAD /)");
    assertThat(
            tested.at("/environments/PRODUCTION/lastTest").isMissingNode()
                || tested.at("/environments/PRODUCTION/lastTest").isNull())
        .isTrue();

    modeler.put(path(id, "QA"), credentials(Map.of("token", GOOD_TOKEN)));

    JsonNode fixed = modeler.get("/api/connections/" + id).json();
    assertThat(fixed.at("/credentialStatus/label").asText())
        .isEqualTo("3 of 4 environments configured, 1 failing");
    JsonNode qaLastTest = fixed.at("/environments/QA/lastTest");
    assertThat(qaLastTest.isMissingNode() || qaLastTest.isNull())
        .as("QA's result described the old token")
        .isTrue();
    assertThat(fixed.at("/environments/STAGING/lastTest/ok").asBoolean()).isFalse();
    assertThat(fixed.at("/environments/DEVELOPMENT/lastTest/ok").asBoolean()).isTrue();
    assertThat(test(id, "QA").get("ok").asBoolean()).isTrue();
    assertThat(modeler.get("/api/connections/" + id).json().at("/credentialStatus/label").asText())
        .isEqualTo("3 of 4 environments configured, 1 failing");
  }

  @Test
  void theAnswerSaysWhoTestedWhenAndMatchesTheRecordedResult() {
    String id = restConnection();
    modeler.put(path(id, "DEVELOPMENT"), credentials(Map.of("token", GOOD_TOKEN)));
    Instant before = Instant.now();

    JsonNode answer = test(id, "DEVELOPMENT");

    assertThat(answer.get("ok").asBoolean()).isTrue();
    assertThat(answer.get("testedBy").asText()).isEqualTo("modeler");
    assertThat(Instant.parse(answer.get("testedAt").asText()))
        .isBetween(before.minusSeconds(1), Instant.now());
    assertThat(
            modeler.get("/api/connections/" + id).json().at("/environments/DEVELOPMENT/lastTest"))
        .isEqualTo(answer);
  }

  @Test
  void aRedirectMeansTheServerIsThereAndIsNotFollowed() {
    String id = restConnection();
    modeler.put(path(id, "DEVELOPMENT"), credentials(Map.of("token", GOOD_TOKEN)));
    SERVER.respond(Reply.text(302, "").withHeader("Location", "https://elsewhere.example/login"));

    JsonNode answer = test(id, "DEVELOPMENT");

    assertThat(answer.get("ok").asBoolean()).as(answer.toString()).isTrue();
    assertThat(answer.get("message").asText())
        .isEqualTo("HTTP 302 (a redirect, not followed) from HEAD /");
    assertThat(SERVER.requests()).hasSize(1);
  }

  private JsonNode test(String id, String environment) {
    Response response = modeler.post(path(id, environment) + "/test", Map.of());
    assertThat(response.status()).as(response.toString()).isEqualTo(200);
    return response.json();
  }

  private String restConnection() {
    String integration =
        createIntegration(
            admin,
            Map.of(
                "name",
                "Status " + tag(),
                "type",
                "REST_API",
                "authScheme",
                "BEARER",
                "config",
                Map.of("baseUrl", SERVER.baseUrl())));
    return createConnection(modeler, integration, "Status " + tag(), "ORGANIZATION").text("/id");
  }

  private static String path(String id, String environment) {
    return "/api/connections/" + id + "/environments/" + environment;
  }
}
