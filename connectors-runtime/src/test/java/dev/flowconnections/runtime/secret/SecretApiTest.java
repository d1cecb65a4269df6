package dev.flowconnections.runtime.secret;

import static dev.flowconnections.runtime.testsupport.ApiFixtures.createBasicRestIntegration;
import static dev.flowconnections.runtime.testsupport.ApiFixtures.createConnection;
import static dev.flowconnections.runtime.testsupport.ApiFixtures.credentials;
import static dev.flowconnections.runtime.testsupport.ApiFixtures.tag;
import static dev.flowconnections.runtime.testsupport.ProblemAssert.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.flowconnections.environment.Environment;
import dev.flowconnections.resolution.CachingConnectionResolver;
import dev.flowconnections.runtime.testsupport.ApiClient.Response;
import dev.flowconnections.runtime.testsupport.ApiTestBase;
import dev.flowconnections.scope.RuntimeCaller;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

class SecretApiTest extends ApiTestBase {

  @Autowired CachingConnectionResolver resolver;

  @Test
  void createsThenRotatesASecretWithoutEverReturningItsValue() {
    String key = "DB_PASSWORD_" + tag();

    Response created = admin.put("/api/secrets/" + key, Map.of("value", "first-value"));

    assertThat(created.status()).as(created.toString()).isEqualTo(201);
    assertThat(created.location()).isEqualTo("/api/secrets/" + key);
    JsonNode body = created.json();
    assertThat(body.get("key").asText()).isEqualTo(key);
    assertThat(body.get("createdBy").asText()).isEqualTo("admin");
    assertThat(body.has("value")).isFalse();

    Response rotated = admin.as("root").put("/api/secrets/" + key, Map.of("value", "second-value"));

    assertThat(rotated.status()).as(rotated.toString()).isEqualTo(200);
    assertThat(rotated.json().get("createdAt").asText()).isEqualTo(body.get("createdAt").asText());
    assertThat(rotated.json().get("createdBy").asText()).isEqualTo("admin");
    assertThat(rotated.json().get("updatedBy").asText()).isEqualTo("root");
    assertThat(Instant.parse(rotated.json().get("updatedAt").asText()))
        .isAfterOrEqualTo(Instant.parse(body.get("createdAt").asText()));
    assertThat(created.body() + rotated.body()).doesNotContain("first-value", "second-value");
  }

  @Test
  void listsKeysTimestampsAndAllowedProcessesOnly() {
    String key = "API_TOKEN_" + tag();
    admin.put("/api/secrets/" + key, Map.of("value", "listed-value"));

    Response list = admin.get("/api/secrets");

    assertThat(list.status()).isEqualTo(200);
    JsonNode entry =
        StreamSupport.stream(list.json().spliterator(), false)
            .filter(n -> n.get("key").asText().equals(key))
            .findFirst()
            .orElseThrow();
    List<String> properties = new java.util.ArrayList<>();
    entry.fieldNames().forEachRemaining(properties::add);
    assertThat(properties)
        .containsExactlyInAnyOrder(
            "key", "createdAt", "createdBy", "updatedAt", "updatedBy", "allowedProcesses");
    assertThat(list.body()).doesNotContain("listed-value");
  }

  @Test
  void deletesASecret() {
    String key = "OLD_" + tag();
    admin.put("/api/secrets/" + key, Map.of("value", "to-be-deleted"));

    assertThat(admin.delete("/api/secrets/" + key).status()).isEqualTo(204);

    assertThat(keys(admin.get("/api/secrets"))).doesNotContain(key);
    assertProblem(admin.delete("/api/secrets/" + key), 404);
  }

  @Test
  void rejectsBadKeysAndMissingValues() {
    String tag = tag();
    assertProblem(admin.put("/api/secrets/connections.x" + tag, Map.of("value", "v")), 400, "key");
    assertProblem(admin.put("/api/secrets/-leading-dash" + tag, Map.of("value", "v")), 400, "key");
    assertProblem(admin.put("/api/secrets/EMPTY_" + tag, Map.of("value", "")), 400, "value");
    assertProblem(admin.put("/api/secrets/EMPTY_" + tag, Map.of()), 400, "value");
    assertProblem(
        admin.put("/api/secrets/EMPTY_" + tag, Map.of("value", Map.of("nested", "v"))),
        400,
        "value");
    assertProblem(
        admin.put("/api/secrets/EMPTY_" + tag, Map.of("value", "v", "secret", "w")), 400, "secret");

    assertThat(keys(admin.get("/api/secrets"))).noneMatch(k -> k.contains(tag));
  }

  @Test
  void connectionFieldsReferenceSecretsThatResolveToTheirCurrentValue() {
    String key = "CRM_PASSWORD_" + tag();
    admin.put("/api/secrets/" + key, Map.of("value", "referenced-value"));
    String integration = createBasicRestIntegration(admin, "CRM " + tag());
    Response connection =
        createConnection(modeler, integration, "CRM ref " + tag(), "ORGANIZATION");
    modeler.put(
        "/api/connections/" + connection.text("/id") + "/environments/DEVELOPMENT",
        credentials(Map.of("username", "crm", "password", "@@SECRET:" + key + "@@")));

    var resolved =
        resolver.resolve(
            "default", connection.text("/key"), Environment.DEVELOPMENT, RuntimeCaller.PERSON);
    assertThat(resolved.secrets().text("password")).contains("referenced-value");

    admin.put("/api/secrets/" + key, Map.of("value", "rotated-value"));
    var afterRotation =
        resolver.resolve(
            "default", connection.text("/key"), Environment.DEVELOPMENT, RuntimeCaller.PERSON);
    assertThat(afterRotation.secrets().text("password")).contains("rotated-value");
  }

  private static List<String> keys(Response list) {
    assertThat(list.status()).isEqualTo(200);
    return StreamSupport.stream(list.json().spliterator(), false)
        .map(n -> n.get("key").asText())
        .toList();
  }
}
