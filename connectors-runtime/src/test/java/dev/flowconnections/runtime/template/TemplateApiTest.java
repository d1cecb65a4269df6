package dev.flowconnections.runtime.template;

import static dev.flowconnections.runtime.testsupport.ApiFixtures.createConnection;
import static dev.flowconnections.runtime.testsupport.ApiFixtures.createIntegration;
import static dev.flowconnections.runtime.testsupport.ApiFixtures.credentials;
import static dev.flowconnections.runtime.testsupport.ApiFixtures.tag;
import static dev.flowconnections.runtime.testsupport.ProblemAssert.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.flowconnections.runtime.testsupport.ApiClient.Response;
import dev.flowconnections.runtime.testsupport.ApiTestBase;
import dev.flowconnections.runtime.testsupport.RuntimeTestSupport;
import dev.flowconnections.templates.ElementTemplateSchema;
import io.camunda.zeebe.process.test.api.ZeebeTestEngine;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TemplateApiTest extends ApiTestBase {

  static final ZeebeTestEngine ENGINE = RuntimeTestSupport.startEngine();
  static final String REST_TEMPLATE = "io.flowconnections.rest-api";

  /** The nodes of the guide's type table, each found from its worker bean's descriptor. */
  static final int NODES = 13;

  @Test
  void adminsPublishAndEveryoneDownloadsSchemaValidTemplates() {
    Response published = admin.post("/api/templates/publish", Map.of());
    assertThat(published.status()).as(published.toString()).isEqualTo(200);
    assertThat(published.json().get("templates")).hasSize(NODES);

    Response download = modeler.get("/api/templates");
    assertThat(download.status()).isEqualTo(200);
    ElementTemplateSchema schema = new ElementTemplateSchema();
    assertThat(download.json()).hasSize(NODES);
    download
        .json()
        .forEach(
            template ->
                assertThat(schema.validate(template)).as(template.get("id").asText()).isEmpty());
  }

  @Test
  void usersCannotPublish() {
    assertProblem(modeler.post("/api/templates/publish", Map.of()), 403);
  }

  @Test
  void aNewConnectionMakesANewVersionAndTheOldOneStaysDownloadable() {
    admin.post("/api/templates/publish", Map.of());
    int before = admin.get("/api/templates/" + REST_TEMPLATE).json().get("version").asInt();
    String key = restConnection("ORGANIZATION");

    admin.post("/api/templates/publish", Map.of());

    JsonNode latest = modeler.get("/api/templates/" + REST_TEMPLATE).json();
    assertThat(latest.get("version").asInt()).isEqualTo(before + 1);
    assertThat(choices(latest)).contains(key);
    assertThat(
            choices(modeler.get("/api/templates/" + REST_TEMPLATE + "?version=" + before).json()))
        .doesNotContain(key);
    assertThat(
            modeler
                .get("/api/templates/" + REST_TEMPLATE + "/versions")
                .json()
                .findValuesAsText("version"))
        .contains(String.valueOf(before), String.valueOf(before + 1));
  }

  @Test
  void personalConnectionsAreOnlyInTheOwnersDownloadAndNoSecretIsInAny() {
    String personal = restConnection("PERSONAL");
    admin.post("/api/templates/publish", Map.of());

    assertThat(choices(modeler.get("/api/templates/" + REST_TEMPLATE).json())).contains(personal);
    assertThat(choices(other.get("/api/templates/" + REST_TEMPLATE).json()))
        .doesNotContain(personal);
    assertThat(other.get("/api/templates").body()).doesNotContain(personal);
    assertThat(modeler.get("/api/templates").body()).doesNotContain("token-that-stays-secret");
  }

  @Test
  void unknownTemplatesAndVersionsAreNotFound() {
    admin.post("/api/templates/publish", Map.of());
    assertProblem(modeler.get("/api/templates/io.flowconnections.nothing"), 404);
    assertProblem(modeler.get("/api/templates/" + REST_TEMPLATE + "?version=9999"), 404);
  }

  /** A BEARER REST connection of the modeler with a Development token; returns its key. */
  private String restConnection(String visibility) {
    String integrationId =
        createIntegration(
            admin,
            Map.of(
                "name",
                "Templates " + tag(),
                "type",
                "REST_API",
                "authScheme",
                "BEARER",
                "config",
                Map.of("baseUrl", "https://templates.example.test")));
    Response connection =
        createConnection(modeler, integrationId, "Templated " + tag(), visibility);
    modeler.put(
        "/api/connections/" + connection.text("/id") + "/environments/DEVELOPMENT",
        credentials(Map.of("token", "token-that-stays-secret")));
    return connection.text("/key");
  }

  private static List<String> choices(JsonNode template) {
    List<String> values = new ArrayList<>();
    for (JsonNode property : template.get("properties")) {
      if ("connection".equals(property.path("id").asText())) {
        property.get("choices").forEach(choice -> values.add(choice.get("value").asText()));
      }
    }
    return values;
  }
}
