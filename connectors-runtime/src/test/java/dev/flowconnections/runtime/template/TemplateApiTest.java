package dev.flowconnections.runtime.template;

import static dev.flowconnections.runtime.testsupport.ApiFixtures.createConnection;
import static dev.flowconnections.runtime.testsupport.ApiFixtures.createIntegration;
import static dev.flowconnections.runtime.testsupport.ApiFixtures.credentials;
import static dev.flowconnections.runtime.testsupport.ApiFixtures.tag;
import static dev.flowconnections.runtime.testsupport.ProblemAssert.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dev.flowconnections.runtime.testsupport.ApiClient.Response;
import dev.flowconnections.runtime.testsupport.ApiTestBase;
import dev.flowconnections.runtime.testsupport.RuntimeTestSupport;
import dev.flowconnections.templates.ElementTemplateSchema;
import io.camunda.zeebe.process.test.api.ZeebeTestEngine;
import java.time.Duration;
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

    // the new version is ours or auto-publish's (on by default), whichever came first
    JsonNode latest = modeler.get("/api/templates/" + REST_TEMPLATE).json();
    int after = latest.get("version").asInt();
    assertThat(after).isGreaterThan(before);
    assertThat(choices(latest)).contains(key);
    assertThat(
            choices(modeler.get("/api/templates/" + REST_TEMPLATE + "?version=" + before).json()))
        .doesNotContain(key);
    assertThat(
            modeler
                .get("/api/templates/" + REST_TEMPLATE + "/versions")
                .json()
                .findValuesAsText("version"))
        .contains(String.valueOf(before), String.valueOf(after));
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

  @Test
  void aNewConnectionIsAutoPublishedWithinSecondsAndTheStatusSaysSo() {
    admin.post("/api/templates/publish", Map.of());
    String key = restConnection("ORGANIZATION");

    JsonNode latest = awaitOffered(key);

    JsonNode versions = modeler.get("/api/templates/" + REST_TEMPLATE + "/versions").json();
    JsonNode newest = versions.get(versions.size() - 1);
    assertThat(newest.get("version").asInt()).isEqualTo(latest.get("version").asInt());
    assertThat(newest.get("publishedBy").asText()).isEqualTo("auto-publish");
    JsonNode status = admin.get("/api/templates/status").json();
    assertThat(status.get("autoPublish").asBoolean()).isTrue();
    JsonNode rest = entry(status, REST_TEMPLATE);
    assertThat(rest.get("version").asInt()).isEqualTo(newest.get("version").asInt());
    assertThat(rest.get("publishedBy").asText()).isEqualTo("auto-publish");
    assertThat(rest.get("name").asText()).isNotBlank();
    assertThat(rest.get("publishedAt").asText()).isNotBlank();
  }

  @Test
  void afterAPublicationNothingIsChangedAndOnlyAdminsSeeTheStatus() {
    admin.post("/api/templates/publish", Map.of());

    JsonNode status = admin.get("/api/templates/status").json();
    assertThat(status.get("templates")).hasSize(NODES);
    status.get("templates").forEach(t -> assertThat(t.get("changed").asBoolean()).isFalse());
    assertProblem(modeler.get("/api/templates/status"), 403);
  }

  @Test
  void theDownloadIsTheUsersViewAsAnAttachment() {
    String personal = restConnection("PERSONAL");
    admin.post("/api/templates/publish", Map.of());

    Response download = modeler.get("/api/templates/download");

    assertThat(download.status()).isEqualTo(200);
    assertThat(download.header("Content-Disposition"))
        .isEqualTo("attachment; filename=\"flow-connections.json\"");
    assertThat(download.json()).isEqualTo(modeler.get("/api/templates").json());
    assertThat(download.body()).contains(personal).doesNotContain("token-that-stays-secret");
    assertThat(other.get("/api/templates/download").body()).doesNotContain(personal);
  }

  @Test
  void theAvailabilityOfAConnectionNamesTheRestTaskAndTurnsPublished() {
    String integrationId =
        createIntegration(
            admin,
            Map.of(
                "name",
                "Avail " + tag(),
                "type",
                "REST_API",
                "authScheme",
                "BEARER",
                "config",
                Map.of("baseUrl", "https://templates.example.test")));
    Response connection =
        createConnection(modeler, integrationId, "Avail " + tag(), "ORGANIZATION");
    String id = connection.text("/id");

    JsonNode availability = modeler.get("/api/templates/availability/" + id).json();
    assertThat(availability.get("connectionKey").asText()).isEqualTo(connection.text("/key"));
    assertThat(availability.get("autoPublish").asBoolean()).isTrue();
    JsonNode rest = null;
    for (JsonNode place : availability.get("places")) {
      if (place.get("templateId").asText().equals(REST_TEMPLATE)) {
        rest = place;
      }
    }
    assertThat(rest).as(availability.toString()).isNotNull();
    assertThat(rest.get("property").asText()).isEqualTo("Connection");

    awaitOffered(connection.text("/key"));
    assertThat(modeler.get("/api/templates/availability/" + id).json().get("places"))
        .allMatch(place -> place.get("published").asBoolean());
  }

  @Test
  void theAvailabilityOfAnotherUsersPersonalConnectionIsNotFound() {
    String integrationId =
        createIntegration(
            admin,
            Map.of(
                "name",
                "Hidden " + tag(),
                "type",
                "REST_API",
                "authScheme",
                "BEARER",
                "config",
                Map.of("baseUrl", "https://templates.example.test")));
    String id = createConnection(modeler, integrationId, "Mine " + tag(), "PERSONAL").text("/id");

    assertProblem(other.get("/api/templates/availability/" + id), 404);
    assertProblem(admin.get("/api/templates/availability/" + id), 404);
    assertProblem(modeler.get("/api/templates/availability/not-a-uuid"), 400);
  }

  /** The newest REST template once it offers {@code key}: auto-publish runs within seconds. */
  private JsonNode awaitOffered(String key) {
    return await()
        .atMost(Duration.ofSeconds(30))
        .pollInterval(Duration.ofMillis(100))
        .until(
            () -> modeler.get("/api/templates/" + REST_TEMPLATE),
            latest -> latest.status() == 200 && choices(latest.json()).contains(key))
        .json();
  }

  private static JsonNode entry(JsonNode status, String templateId) {
    for (JsonNode template : status.get("templates")) {
      if (template.get("templateId").asText().equals(templateId)) {
        return template;
      }
    }
    throw new AssertionError(templateId + " missing from " + status);
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
