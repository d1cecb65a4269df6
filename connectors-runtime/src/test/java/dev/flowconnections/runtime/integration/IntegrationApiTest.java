package dev.flowconnections.runtime.integration;

import static dev.flowconnections.runtime.testsupport.ApiFixtures.basicRestIntegration;
import static dev.flowconnections.runtime.testsupport.ApiFixtures.createBasicRestIntegration;
import static dev.flowconnections.runtime.testsupport.ApiFixtures.createConnection;
import static dev.flowconnections.runtime.testsupport.ApiFixtures.createIntegration;
import static dev.flowconnections.runtime.testsupport.ApiFixtures.tag;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.flowconnections.runtime.testsupport.ApiClient;
import dev.flowconnections.runtime.testsupport.ApiClient.Response;
import dev.flowconnections.runtime.testsupport.ApiTestBase;
import java.net.URLEncoder;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;

class IntegrationApiTest extends ApiTestBase {

  @Test
  void createsASameForAllIntegration() {
    String name = "Billing " + tag();
    Response created = admin.post("/api/integrations", basicRestIntegration(name));

    assertThat(created.status()).isEqualTo(201);
    JsonNode body = created.json();
    assertThat(created.location()).isEqualTo("/api/integrations/" + body.get("id").asText());
    assertThat(body.get("name").asText()).isEqualTo(name);
    assertThat(body.get("type").asText()).isEqualTo("REST_API");
    assertThat(body.get("typeLabel").asText()).isEqualTo("REST API");
    assertThat(body.get("scope").asText()).isEqualTo("ORGANIZATION");
    assertThat(body.get("configMode").asText()).isEqualTo("SAME_FOR_ALL");
    assertThat(body.get("authScheme").asText()).isEqualTo("BASIC");
    assertThat(body.get("status").asText()).isEqualTo("ACTIVE");
    assertThat(body.at("/config/baseUrl").asText()).isEqualTo("https://api.example.test");
    assertThat(body.has("environments")).isFalse();
    assertThat(body.get("version").asLong()).isEqualTo(1);
    assertThat(body.get("createdBy").asText()).isEqualTo("admin");
    assertThat(body.get("createdAt").asText()).isNotBlank();

    Response read = admin.get(created.location());
    assertThat(read.status()).isEqualTo(200);
    assertThat(read.json().get("name").asText()).isEqualTo(name);
    assertThat(read.json().at("/config/baseUrl").asText()).isEqualTo("https://api.example.test");
  }

  @Test
  void createsAPerEnvironmentIntegrationResolvingCopyFrom() {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("name", "Payments " + tag());
    body.put("type", "REST_API");
    body.put("authScheme", "API_KEY");
    body.put("configMode", "PER_ENVIRONMENT");
    body.put(
        "environments",
        Map.of(
            "STAGING",
                Map.of("baseUrl", "https://staging.pay.example.test", "apiKeyName", "X-Pay-Key"),
            "PRODUCTION", Map.of("copyFrom", "STAGING", "baseUrl", "https://pay.example.test"),
            "DEVELOPMENT", Map.of("copyFrom", "PRODUCTION")));

    Response created = admin.post("/api/integrations", body);

    assertThat(created.status()).as(created.toString()).isEqualTo(201);
    JsonNode read = admin.get(created.location()).json();
    assertThat(read.has("config")).isFalse();
    JsonNode environments = read.get("environments");
    assertThat(environments.at("/STAGING/baseUrl").asText())
        .isEqualTo("https://staging.pay.example.test");
    assertThat(environments.at("/PRODUCTION/baseUrl").asText())
        .isEqualTo("https://pay.example.test");
    assertThat(environments.at("/PRODUCTION/apiKeyName").asText()).isEqualTo("X-Pay-Key");
    assertThat(environments.at("/DEVELOPMENT/baseUrl").asText())
        .isEqualTo("https://pay.example.test");
    assertThat(environments.at("/DEVELOPMENT/apiKeyName").asText()).isEqualTo("X-Pay-Key");
    assertThat(environments.at("/DEVELOPMENT/apiKeyLocation").asText())
        .as("default")
        .isEqualTo("HEADER");
    assertThat(environments.has("QA")).isFalse();
    assertThat(environments.at("/PRODUCTION").has("copyFrom")).as("applied when saved").isFalse();
  }

  @Test
  void filtersBySearchTypeAndScope() {
    String tag = tag();
    createBasicRestIntegration(admin, "Acme " + tag + " CRM");
    createIntegration(
        admin,
        Map.of(
            "name",
            "Acme " + tag + " Mail",
            "type",
            "EMAIL",
            "config",
            Map.of("host", "smtp.example.test")));
    createIntegration(
        root(),
        Map.of(
            "name",
            "Acme " + tag + " Warehouse",
            "type",
            "DATABASE",
            "scope",
            "SYSTEM",
            "config",
            Map.of("vendor", "POSTGRESQL", "jdbcUrl", "jdbc:postgresql://db:5432/wh")));

    assertThat(names(admin.get("/api/integrations?search=" + tag)))
        .containsExactly(
            "Acme " + tag + " CRM", "Acme " + tag + " Mail", "Acme " + tag + " Warehouse");
    assertThat(names(admin.get("/api/integrations?search=" + tag.toUpperCase() + "&type=EMAIL")))
        .containsExactly("Acme " + tag + " Mail");
    assertThat(names(admin.get("/api/integrations?search=" + tag + "&scope=SYSTEM")))
        .containsExactly("Acme " + tag + " Warehouse");
    assertThat(
            names(
                admin.get("/api/integrations?search=" + tag + "&scope=ORGANIZATION&type=REST_API")))
        .containsExactly("Acme " + tag + " CRM");
    assertThat(names(admin.get("/api/integrations?type=DATABASE&size=500")))
        .contains("Acme " + tag + " Warehouse")
        .noneMatch(n -> n.equals("Acme " + tag + " CRM"));
  }

  @Test
  void updatesAnIntegrationAndBumpsItsVersion() {
    String id = createBasicRestIntegration(admin, "Ledger " + tag());
    JsonNode current = admin.get("/api/integrations/" + id).json();
    Map<String, Object> change = basicRestIntegration(current.get("name").asText());
    change.put("description", "the general ledger");
    change.put("config", Map.of("baseUrl", "https://ledger.example.test"));
    change.put("version", current.get("version").asLong());

    Response updated = admin.put("/api/integrations/" + id, change);

    assertThat(updated.status()).as(updated.toString()).isEqualTo(200);
    JsonNode read = admin.get("/api/integrations/" + id).json();
    assertThat(read.get("description").asText()).isEqualTo("the general ledger");
    assertThat(read.at("/config/baseUrl").asText()).isEqualTo("https://ledger.example.test");
    assertThat(read.get("version").asLong()).isEqualTo(2);
    assertThat(read.get("updatedBy").asText()).isEqualTo("admin");
  }

  @Test
  void anUpdateMayEchoWhatItReadIncludingReadOnlyProperties() {
    String id = createBasicRestIntegration(admin, "Echo " + tag());
    JsonNode read = admin.get("/api/integrations/" + id).json();

    Response updated = admin.put("/api/integrations/" + id, read.toString());

    assertThat(updated.status()).as(updated.toString()).isEqualTo(200);
    assertThat(updated.json().get("version").asLong()).isEqualTo(2);
  }

  @Test
  void usersMayReadIntegrationsAndTheirFields() {
    String id = createBasicRestIntegration(admin, "Readable " + tag());

    assertThat(modeler.get("/api/integrations/" + id).status()).isEqualTo(200);
    assertThat(modeler.get("/api/integrations").status()).isEqualTo(200);
    Response fields = modeler.get("/api/integrations/" + id + "/fields");

    assertThat(fields.status()).isEqualTo(200);
    JsonNode schema = fields.json();
    assertThat(schema.at("/integrationFields/0/name").asText()).isEqualTo("baseUrl");
    assertThat(schema.at("/integrationFields/0/required").asBoolean()).isTrue();
    JsonNode connectionFields = schema.get("connectionFields");
    assertThat(connectionFields).hasSize(2);
    assertThat(connectionFields.get(0).get("name").asText()).isEqualTo("username");
    assertThat(connectionFields.get(0).get("secret").asBoolean()).isFalse();
    assertThat(connectionFields.get(1).get("name").asText()).isEqualTo("password");
    assertThat(connectionFields.get(1).get("type").asText()).isEqualTo("SECRET");
    assertThat(connectionFields.get(1).get("secret").asBoolean()).isTrue();
  }

  @Test
  void deletingAnIntegrationInUseAnswers409ListingItsConnectionsUnlessForced() {
    String id = createBasicRestIntegration(admin, "Shared CRM " + tag());
    String shared = createConnection(modeler, id, "CRM team " + tag(), "ORGANIZATION").text("/id");
    String personal = createConnection(modeler, id, "CRM mine " + tag(), "PERSONAL").text("/id");

    Response refused = admin.delete("/api/integrations/" + id);

    assertThat(refused.status()).isEqualTo(409);
    assertThat(refused.isProblem()).isTrue();
    assertThat(refused.text("/field")).isEqualTo("force");
    assertThat(refused.text("/detail")).contains("force=true");
    // the admin sees the shared connection; the modeler's personal one is only counted
    assertThat(ids(refused.json().get("connections"))).containsExactly(shared);
    assertThat(refused.json().get("personalConnectionsOfOtherUsers").asInt()).isEqualTo(1);
    assertThat(refused.body()).doesNotContain(personal);
    assertThat(refused.json().at("/connections/0/key").asText()).isNotBlank();
    assertThat(refused.json().at("/connections/0/name").asText()).isNotBlank();
    assertThat(admin.get("/api/integrations/" + id).status()).isEqualTo(200);
    assertThat(modeler.get("/api/connections/" + shared).status()).isEqualTo(200);
    assertThat(modeler.get("/api/connections/" + personal).status()).isEqualTo(200);

    Response impact = admin.get("/api/integrations/" + id + "/impact");
    assertThat(impact.status()).isEqualTo(200);
    assertThat(ids(impact.json().get("connections"))).containsExactly(shared);
    assertThat(impact.json().get("personalConnectionsOfOtherUsers").asInt()).isEqualTo(1);
    assertThat(impact.body()).doesNotContain(personal);

    assertThat(admin.delete("/api/integrations/" + id + "?force=true").status()).isEqualTo(204);
    assertThat(admin.get("/api/integrations/" + id).status()).isEqualTo(404);
    assertThat(modeler.get("/api/connections/" + shared).status()).isEqualTo(404);
    assertThat(modeler.get("/api/connections/" + personal).status()).isEqualTo(404);
  }

  @Test
  void deletingAnUnusedIntegrationNeedsNoForce() {
    String id = createBasicRestIntegration(admin, "Unused " + tag());

    assertThat(admin.get("/api/integrations/" + id + "/impact").json().get("connections"))
        .isEmpty();
    assertThat(admin.delete("/api/integrations/" + id).status()).isEqualTo(204);

    Response gone = admin.get("/api/integrations/" + id);
    assertThat(gone.status()).isEqualTo(404);
    assertThat(gone.isProblem()).isTrue();
    assertThat(admin.delete("/api/integrations/" + id).status()).isEqualTo(404);
  }

  @Test
  void onlySuperAdminsDefineSystemIntegrations() {
    Map<String, Object> system = basicRestIntegration("Platform " + tag());
    system.put("scope", "SYSTEM");

    Response refused = admin.post("/api/integrations", system);
    assertThat(refused.status()).isEqualTo(403);
    assertThat(refused.isProblem()).isTrue();
    assertThat(
            names(
                admin.get(
                    "/api/integrations?search="
                        + URLEncoder.encode((String) system.get("name"), UTF_8))))
        .isEmpty();

    Response created = root().post("/api/integrations", system);
    assertThat(created.status()).isEqualTo(201);
    assertThat(created.json().get("scope").asText()).isEqualTo("SYSTEM");
    Map<String, Object> edit = new java.util.HashMap<>(system);
    edit.put("description", "edited by an admin");
    edit.put("version", 1);
    assertThat(admin.put(created.location(), edit).status())
        .as("admins cannot edit System ones")
        .isEqualTo(403);
    assertThat(admin.get(created.location()).json().get("description").asText())
        .isEqualTo("test integration");
    assertThat(root().put(created.location(), edit).status()).isEqualTo(200);
    assertThat(admin.delete(created.location()).status())
        .as("admins cannot delete System ones")
        .isEqualTo(403);
    assertThat(root().delete(created.location()).status()).isEqualTo(204);
  }

  private ApiClient root() {
    return admin.as("root");
  }

  private static List<String> names(Response list) {
    assertThat(list.status()).as(list.toString()).isEqualTo(200);
    return StreamSupport.stream(list.json().spliterator(), false)
        .map(n -> n.get("name").asText())
        .toList();
  }

  private static List<String> ids(JsonNode array) {
    return StreamSupport.stream(array.spliterator(), false).map(n -> n.get("id").asText()).toList();
  }
}
