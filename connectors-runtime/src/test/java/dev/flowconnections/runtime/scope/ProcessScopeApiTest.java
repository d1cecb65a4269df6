package dev.flowconnections.runtime.scope;

import static dev.flowconnections.runtime.testsupport.ApiFixtures.createBasicRestIntegration;
import static dev.flowconnections.runtime.testsupport.ApiFixtures.tag;
import static dev.flowconnections.runtime.testsupport.ProblemAssert.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.flowconnections.runtime.testsupport.ApiClient.Response;
import dev.flowconnections.runtime.testsupport.ApiTestBase;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * allowedProcesses and allowedInProduction through the API: validation, who may set what, audit.
 */
class ProcessScopeApiTest extends ApiTestBase {

  String integrationId;

  @BeforeEach
  void setUp() {
    integrationId = createBasicRestIntegration(admin, "Scoped " + tag());
  }

  @Test
  void connectionsTakeAndShowAllowedProcessesAndTheAuditNamesTheChange() {
    Response created =
        modeler.post(
            "/api/connections",
            Map.of(
                "integrationId",
                integrationId,
                "name",
                "Orders " + tag(),
                "visibility",
                "ORGANIZATION",
                "allowedProcesses",
                List.of("order-fulfilment", "billing_v2")));
    assertThat(created.status()).as(created.toString()).isEqualTo(201);
    assertThat(list(created.json().get("allowedProcesses")))
        .containsExactly("order-fulfilment", "billing_v2");
    assertThat(created.json().get("allowedInProduction").asBoolean()).isFalse();

    String id = created.text("/id");
    Response renamed =
        modeler.put(
            "/api/connections/" + id,
            Map.of("name", created.text("/name") + " renamed", "version", 1));
    assertThat(list(renamed.json().get("allowedProcesses")))
        .as("absent keeps the list")
        .containsExactly("order-fulfilment", "billing_v2");

    Response narrowed =
        modeler.put(
            "/api/connections/" + id,
            Map.of(
                "name",
                created.text("/name"),
                "version",
                2,
                "allowedProcesses",
                List.of("order-fulfilment")));
    assertThat(narrowed.status()).as(narrowed.toString()).isEqualTo(200);
    assertThat(list(narrowed.json().get("allowedProcesses"))).containsExactly("order-fulfilment");

    JsonNode audit =
        admin.get("/api/audit?action=CONNECTION_UPDATED&connection=" + created.text("/key")).json();
    assertThat(audit.at("/items/0/changedFields").toString()).contains("allowedProcesses");
  }

  @Test
  void badProcessIdsAreA400NamingTheEntry() {
    Map<String, Object> body =
        new LinkedHashMap<>(
            Map.of(
                "integrationId",
                integrationId,
                "name",
                "Bad " + tag(),
                "visibility",
                "ORGANIZATION"));
    body.put("allowedProcesses", List.of("fine", "9starts-with-digit"));
    assertProblem(modeler.post("/api/connections", body), 400, "allowedProcesses[1]");
    body.put("allowedProcesses", List.of("twice", "twice"));
    assertProblem(modeler.post("/api/connections", body), 400, "allowedProcesses[1]");
    body.put("allowedProcesses", List.of("x".repeat(256)));
    assertProblem(modeler.post("/api/connections", body), 400, "allowedProcesses[0]");
    body.put("allowedProcesses", List.of("has space"));
    assertProblem(modeler.post("/api/connections", body), 400, "allowedProcesses[0]");
    List<String> tooMany = new ArrayList<>();
    for (int i = 0; i < 101; i++) {
      tooMany.add("p" + i);
    }
    body.put("allowedProcesses", tooMany);
    assertProblem(modeler.post("/api/connections", body), 400, "allowedProcesses");

    assertProblem(
        admin.put(
            "/api/secrets/BAD_" + tag().replace('-', '_'),
            Map.of("value", "v", "allowedProcesses", List.of("ok", "no/slash"))),
        400,
        "allowedProcesses[1]");
  }

  @Test
  void onlyAnAdministratorAllowsAPersonalConnectionInProduction() {
    Map<String, Object> body =
        new LinkedHashMap<>(
            Map.of(
                "integrationId",
                integrationId,
                "name",
                "Mine " + tag(),
                "visibility",
                "PERSONAL",
                "allowedProcesses",
                List.of("my-process"),
                "allowedInProduction",
                true));
    assertProblem(modeler.post("/api/connections", body), 403, "allowedInProduction");

    body.remove("allowedInProduction");
    Response created = modeler.post("/api/connections", body);
    assertThat(created.status()).as(created.toString()).isEqualTo(201);
    String id = created.text("/id");
    assertProblem(
        modeler.put(
            "/api/connections/" + id,
            Map.of("name", created.text("/name"), "version", 1, "allowedInProduction", true)),
        403,
        "allowedInProduction");
    Response unchanged =
        modeler.put(
            "/api/connections/" + id,
            Map.of("name", created.text("/name"), "version", 1, "allowedInProduction", false));
    assertThat(unchanged.status()).as("repeating the current value is no change").isEqualTo(200);

    assertProblem(
        modeler.put(
            "/api/connections/" + id + "/production-permission",
            Map.of("allowedInProduction", true)),
        403,
        "allowedInProduction");
    // the admin cannot see the personal connection, but can allow it by the id its owner hands over
    assertThat(admin.get("/api/connections/" + id).status()).isEqualTo(404);
    Response allowed =
        admin.put(
            "/api/connections/" + id + "/production-permission",
            Map.of("allowedInProduction", true));
    assertThat(allowed.status()).as(allowed.toString()).isEqualTo(204);
    assertThat(allowed.body()).doesNotContain(created.text("/key"));
    assertThat(modeler.get("/api/connections/" + id).json().get("allowedInProduction").asBoolean())
        .isTrue();
    assertProblem(
        admin.put("/api/connections/" + id + "/production-permission", Map.of()),
        400,
        "allowedInProduction");
  }

  @Test
  void orgSecretsTakeAllowedProcessesAndCanChangeThemWithoutANewValue() {
    String key = "SCOPED_" + tag().replace('-', '_');
    Response created =
        admin.put(
            "/api/secrets/" + key,
            Map.of("value", "first", "allowedProcesses", List.of("billing")));
    assertThat(created.status()).as(created.toString()).isEqualTo(201);
    assertThat(list(created.json().get("allowedProcesses"))).containsExactly("billing");

    Response rotated = admin.put("/api/secrets/" + key, Map.of("value", "second"));
    assertThat(list(rotated.json().get("allowedProcesses")))
        .as("a rotation keeps the list")
        .containsExactly("billing");

    Response rescoped =
        admin.put(
            "/api/secrets/" + key, Map.of("allowedProcesses", List.of("billing", "shipping")));
    assertThat(rescoped.status()).as(rescoped.toString()).isEqualTo(200);
    assertThat(list(rescoped.json().get("allowedProcesses")))
        .containsExactly("billing", "shipping");
    JsonNode listed = admin.get("/api/secrets").json();
    assertThat(listed.toString()).doesNotContain("second");

    JsonNode audit = admin.get("/api/audit?action=SECRET_UPDATED").json();
    assertThat(audit.get("items").toString()).contains(key).contains("allowedProcesses");

    assertProblem(
        admin.put("/api/secrets/NEW_" + key, Map.of("allowedProcesses", List.of("billing"))),
        400,
        "value");
    assertThat(modeler.put("/api/secrets/" + key, Map.of("allowedProcesses", List.of())).status())
        .isEqualTo(403);
  }

  private static List<String> list(JsonNode array) {
    List<String> values = new ArrayList<>();
    array.forEach(v -> values.add(v.asText()));
    return values;
  }
}
