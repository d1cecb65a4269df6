package dev.flowconnections.runtime.openapi;

import static dev.flowconnections.runtime.testsupport.ApiFixtures.createBasicRestIntegration;
import static dev.flowconnections.runtime.testsupport.ApiFixtures.createConnection;
import static dev.flowconnections.runtime.testsupport.ApiFixtures.createIntegration;
import static dev.flowconnections.runtime.testsupport.ApiFixtures.tag;
import static dev.flowconnections.runtime.testsupport.OpenApiFixtures.ORDERS_30_YAML;
import static dev.flowconnections.runtime.testsupport.OpenApiFixtures.PETS_31_JSON;
import static dev.flowconnections.runtime.testsupport.OpenApiFixtures.document;
import static dev.flowconnections.runtime.testsupport.ProblemAssert.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.flowconnections.runtime.network.OutboundAddressPolicy;
import dev.flowconnections.runtime.testsupport.ApiClient.Response;
import dev.flowconnections.runtime.testsupport.ApiTestBase;
import dev.flowconnections.runtime.testsupport.RecordingHttpServer;
import dev.flowconnections.runtime.testsupport.RecordingHttpServer.Reply;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class OpenApiImportApiTest extends ApiTestBase {

  private static final String ORDERS = document(ORDERS_30_YAML);
  private static final String PETS = document(PETS_31_JSON);

  private String path(String integrationId) {
    return "/api/integrations/" + integrationId + "/openapi";
  }

  @Test
  void importsAnUploadedDocumentAsANewVersionOfTheIntegration() {
    String id = createBasicRestIntegration(admin, "Orders " + tag());

    Response imported = admin.send("POST", path(id), ORDERS, "application/yaml");

    assertThat(imported.status()).as(imported.toString()).isEqualTo(201);
    JsonNode spec = imported.json().get("spec");
    assertThat(spec.get("number").asInt()).isEqualTo(1);
    assertThat(spec.get("title").asText()).isEqualTo("Orders API");
    assertThat(spec.get("specVersion").asText()).isEqualTo("1.4.0");
    assertThat(spec.get("operationCount").asInt()).isEqualTo(3);
    assertThat(imported.json().get("withoutOperationId").asInt()).isEqualTo(1);
    assertThat(spec.at("/operations/2/pathParameters/0/name").asText()).isEqualTo("orderId");
    // saved as a change of the integration: next version, audited
    JsonNode integration = admin.get("/api/integrations/" + id).json();
    assertThat(integration.get("version").asLong()).isEqualTo(2);
    assertThat(modeler.get(path(id)).json().get("title").asText())
        .as("any user may read the operations")
        .isEqualTo("Orders API");
  }

  @Test
  void theSameDocumentAgainIsNoNewVersionAndOlderVersionsStay() {
    String id = createBasicRestIntegration(admin, "Pets " + tag());
    assertThat(admin.send("POST", path(id), ORDERS, "application/yaml").status()).isEqualTo(201);

    Response again = admin.send("POST", path(id), ORDERS, "text/plain");
    assertThat(again.status()).as(again.toString()).isEqualTo(200);
    assertThat(again.json().get("newVersion").asBoolean()).isFalse();
    assertThat(admin.get("/api/integrations/" + id).json().get("version").asLong())
        .as("nothing saved")
        .isEqualTo(2);

    Response second = admin.send("POST", path(id), PETS, "application/json");
    assertThat(second.status()).isEqualTo(201);
    assertThat(second.json().at("/spec/number").asInt()).isEqualTo(2);
    assertThat(admin.get(path(id)).json().get("title").asText()).isEqualTo("Pets");

    JsonNode versions = admin.get(path(id) + "/versions").json();
    assertThat(versions).hasSize(2);
    assertThat(versions.get(0).get("active").asBoolean()).isTrue();
    assertThat(versions.get(1).get("title").asText()).isEqualTo("Orders API");

    // the older document again: its version is active again, no third version
    Response back = admin.send("POST", path(id), ORDERS, "application/yaml");
    assertThat(back.json().get("newVersion").asBoolean()).isFalse();
    assertThat(back.json().at("/spec/number").asInt()).isEqualTo(1);
    assertThat(admin.get(path(id)).json().get("title").asText()).isEqualTo("Orders API");
    assertThat(admin.get(path(id) + "/versions").json()).hasSize(2);
  }

  @Test
  void anEarlierVersionIsActivatedWithoutItsDocument() {
    String id = createBasicRestIntegration(admin, "Back " + tag());
    admin.send("POST", path(id), ORDERS, "application/yaml");
    admin.send("POST", path(id), PETS, "application/json");
    long version = admin.get("/api/integrations/" + id).json().get("version").asLong();

    assertProblem(modeler.post(path(id) + "/versions/1/activate", Map.of()), 403);
    assertProblem(admin.post(path(id) + "/versions/7/activate", Map.of()), 404);
    Response back = admin.post(path(id) + "/versions/1/activate", Map.of());

    assertThat(back.status()).as(back.toString()).isEqualTo(200);
    assertThat(admin.get(path(id)).json().get("title").asText()).isEqualTo("Orders API");
    assertThat(admin.get("/api/integrations/" + id).json().get("version").asLong())
        .as("a change of the integration, so a revision")
        .isEqualTo(version + 1);
    assertThat(admin.post(path(id) + "/versions/1/activate", Map.of()).status()).isEqualTo(200);
    assertThat(admin.get("/api/integrations/" + id).json().get("version").asLong())
        .as("already active: nothing saved")
        .isEqualTo(version + 1);
  }

  @Test
  void aUserMayNotImport() {
    String id = createBasicRestIntegration(admin, "Guarded " + tag());
    try (RecordingHttpServer server = RecordingHttpServer.start()) {
      server.respond(Reply.text(200, ORDERS));

      assertProblem(modeler.send("POST", path(id), ORDERS, "application/yaml"), 403);
      assertProblem(modeler.post(path(id) + "/url", Map.of("url", server.baseUrl())), 403);

      assertThat(server.requests()).as("a USER makes the runtime fetch nothing").isEmpty();
      assertProblem(modeler.get(path(id)), 404);
    }
  }

  @Test
  void systemIntegrationsNeedASuperAdmin() {
    String id =
        createIntegration(
            root,
            Map.of(
                "name",
                "System API " + tag(),
                "type",
                "REST_API",
                "scope",
                "SYSTEM",
                "config",
                Map.of("baseUrl", "https://api.example.test")));

    assertProblem(admin.send("POST", path(id), ORDERS, "application/yaml"), 403);
    assertThat(root.send("POST", path(id), ORDERS, "application/yaml").status()).isEqualTo(201);
  }

  @Test
  void otherTypesRefuseImportNamingTheField() {
    String id =
        createIntegration(
            admin,
            Map.of(
                "name",
                "Mail " + tag(),
                "type",
                "EMAIL",
                "config",
                Map.of("host", "smtp.example.test")));

    JsonNode problem =
        assertProblem(admin.send("POST", path(id), ORDERS, "application/yaml"), 400, "type");
    assertThat(problem.get("detail").asText()).contains("only REST API integrations");
  }

  @Test
  void anInvalidDocumentIsA400WithTheParsersMessages() {
    String id = createBasicRestIntegration(admin, "Broken " + tag());

    JsonNode problem =
        assertProblem(
            admin.send("POST", path(id), "openapi: 3.0.0\npaths: {}\n", "application/yaml"),
            400,
            "document");
    assertThat(problem.get("detail").asText()).contains("attribute info is missing");
    assertProblem(admin.get(path(id)), 404);
  }

  @Test
  void anOversizedUploadIsRefused() {
    String id = createBasicRestIntegration(admin, "Huge " + tag());
    String huge = ORDERS + "#" + "x".repeat(2 * 1024 * 1024) + "\n";

    JsonNode problem =
        assertProblem(admin.send("POST", path(id), huge, "application/yaml"), 400, "document");
    assertThat(problem.get("detail").asText()).contains("larger than");
  }

  @Test
  void importsFromAUrl() {
    String id = createBasicRestIntegration(admin, "Fetched " + tag());
    try (RecordingHttpServer server = RecordingHttpServer.start()) {
      server.respond(Reply.json(200, PETS));
      String url = server.baseUrl() + "/specs/pets.json";

      Response imported = admin.post(path(id) + "/url", Map.of("url", url));

      assertThat(imported.status()).as(imported.toString()).isEqualTo(201);
      assertThat(imported.json().at("/spec/sourceUrl").asText()).isEqualTo(url);
      assertThat(server.lastRequest().rawPath()).isEqualTo("/specs/pets.json");
      assertThat(admin.get("/api/integrations/" + id).json().get("openApiSpecUrl").asText())
          .isEqualTo(url);

      server.respond(Reply.text(404, "no"));
      assertProblem(admin.post(path(id) + "/url", Map.of("url", url)), 400, "url");
      server.respond(Reply.json(200, "x".repeat(2 * 1024 * 1024 + 1)));
      assertProblem(admin.post(path(id) + "/url", Map.of("url", url)), 400, "document");
    }
  }

  @Test
  void aUrlToABlockedAddressIsRefusedBeforeAnyConnection() {
    String id = createBasicRestIntegration(admin, "Metadata " + tag());
    List<String> refused = new ArrayList<>();
    for (String url :
        List.of(
            "http://169.254.169.254/latest/meta-data/",
            "http://[fe80::1]/spec.json",
            "file:///etc/passwd",
            "gopher://127.0.0.1/x",
            "http://user:pw@127.0.0.1/spec")) {
      long before = OutboundAddressPolicy.refusals();
      JsonNode problem =
          assertProblem(admin.post(path(id) + "/url", Map.of("url", url)), 400, "url");
      refused.add(problem.get("detail").asText());
      if (url.contains("169.254") || url.contains("fe80")) {
        assertThat(OutboundAddressPolicy.refusals()).as(url).isGreaterThan(before);
      }
    }
    assertThat(refused.get(0)).contains(OutboundAddressPolicy.REFUSAL);
    assertThat(refused).allMatch(detail -> !detail.contains("pw"));
  }

  @Test
  void theRestTemplateOffersTheOperationsOfAConnectionWithADocument() {
    String tag = tag();
    String id = createBasicRestIntegration(admin, "Templated " + tag);
    admin.send("POST", path(id), ORDERS, "application/yaml");
    String key =
        createConnection(admin, id, "Templated orders " + tag, "ORGANIZATION").text("/key");

    assertThat(admin.post("/api/templates/publish", Map.of()).status()).isEqualTo(200);
    JsonNode template = modeler.get("/api/templates/io.flowconnections.rest-api").json();

    JsonNode operation = null;
    for (JsonNode property : template.get("properties")) {
      if ("operation".equals(property.path("id").asText())) {
        operation = property;
      }
    }
    assertThat(operation).as("Operation dropdown").isNotNull();
    assertThat(operation.at("/condition/property").asText()).isEqualTo("connection");
    assertThat(operation.at("/condition/oneOf").toString()).contains("\"" + key + "\"");
    assertThat(operation.get("choices").toString())
        .contains("getOrder — One order")
        .contains("\"equals\":\"" + key + "\"");
  }
}
