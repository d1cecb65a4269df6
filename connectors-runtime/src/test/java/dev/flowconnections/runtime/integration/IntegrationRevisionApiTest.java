package dev.flowconnections.runtime.integration;

import static dev.flowconnections.runtime.testsupport.ApiFixtures.basicRestIntegration;
import static dev.flowconnections.runtime.testsupport.ApiFixtures.createConnection;
import static dev.flowconnections.runtime.testsupport.ApiFixtures.createIntegration;
import static dev.flowconnections.runtime.testsupport.ApiFixtures.credentials;
import static dev.flowconnections.runtime.testsupport.ApiFixtures.tag;
import static dev.flowconnections.runtime.testsupport.ProblemAssert.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.flowconnections.runtime.testsupport.ApiClient.Response;
import dev.flowconnections.runtime.testsupport.ApiTestBase;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * /api/integrations/{id}/revisions: Manage Versions for admins of the integration's organization.
 */
class IntegrationRevisionApiTest extends ApiTestBase {

  @Test
  void listsRevisionsWithWhoWhenAndWhatAndDiffsThem() {
    String name = "Billing " + tag();
    String id = createIntegration(admin, basicRestIntegration(name));
    Response updated =
        admin.put("/api/integrations/" + id, edit(name, "https://v2.example.test", 1));
    assertThat(updated.status()).as(updated.toString()).isEqualTo(200);

    JsonNode list = admin.get(revisions(id)).json();

    assertThat(list).hasSize(2);
    assertThat(list.at("/0/revision").asInt()).isEqualTo(2);
    assertThat(list.at("/0/state").asText()).isEqualTo("ACTIVE");
    assertThat(list.at("/0/createdBy").asText()).isEqualTo("admin");
    assertThat(list.at("/0/createdAt").asText()).isEqualTo(updated.text("/updatedAt"));
    assertThat(list.at("/0/changedProperties").toString())
        .isEqualTo("[\"description\",\"config.baseUrl\"]");
    assertThat(list.at("/1/state").asText()).isEqualTo("EARLIER");
    assertThat(list.at("/1/origin").asText()).isEqualTo("CREATED");
    assertThat(list.at("/0/snapshot").isMissingNode()).isTrue();

    JsonNode first = admin.get(revisions(id) + "/1").json();
    assertThat(first.at("/snapshot/config/baseUrl").asText()).isEqualTo("https://api.example.test");
    assertThat(first.at("/snapshot/name").asText()).isEqualTo(name);

    JsonNode diff = admin.get(revisions(id) + "/2/diff").json();
    assertThat(diff.get("changes"))
        .anySatisfy(
            c -> {
              assertThat(c.get("path").asText()).isEqualTo("config.baseUrl");
              assertThat(c.get("before").asText()).isEqualTo("https://api.example.test");
              assertThat(c.get("after").asText()).isEqualTo("https://v2.example.test");
            });
    assertThat(admin.get(revisions(id) + "/1/diff?against=2").json().at("/changes/0/path").asText())
        .isEqualTo("description");
  }

  @Test
  void aDraftIsActivatedWithTheVersionLastReadAndAStaleOneConflicts() {
    String name = "Drafted " + tag();
    String id = createIntegration(admin, basicRestIntegration(name));
    Response draft = admin.post(revisions(id), edit(name, "https://draft.example.test", null));
    assertThat(draft.status()).as(draft.toString()).isEqualTo(201);
    assertThat(draft.location()).isEqualTo(revisions(id) + "/2");
    assertThat(draft.text("/state")).isEqualTo("DRAFT");
    assertThat(admin.get("/api/integrations/" + id).text("/config/baseUrl"))
        .isEqualTo("https://api.example.test");

    Response edited =
        admin.put(revisions(id) + "/2", edit(name, "https://draft2.example.test", null));
    assertThat(edited.text("/snapshot/config/baseUrl")).isEqualTo("https://draft2.example.test");
    assertProblem(
        admin.put(revisions(id) + "/2", edit(name, "ftp://nope", null)), 400, "config.baseUrl");

    admin.put("/api/integrations/" + id, edit(name, "https://meanwhile.example.test", 1));
    assertProblem(admin.post(revisions(id) + "/2/activate", Map.of("version", 1)), 409);
    assertProblem(admin.post(revisions(id) + "/2/activate", Map.of()), 400, "version");

    Response activated = admin.post(revisions(id) + "/2/activate", Map.of("version", 2));

    assertThat(activated.status()).as(activated.toString()).isEqualTo(200);
    assertThat(activated.text("/config/baseUrl")).isEqualTo("https://draft2.example.test");
    assertThat(admin.get(revisions(id) + "/2").text("/state")).isEqualTo("ACTIVE");
    assertProblem(admin.delete(revisions(id) + "/2"), 409, "revision");
  }

  @Test
  void aDraftCanBeDiscarded() {
    String name = "Discarded " + tag();
    String id = createIntegration(admin, basicRestIntegration(name));
    admin.post(revisions(id), edit(name, "https://draft.example.test", null));

    assertThat(admin.delete(revisions(id) + "/2").status()).isEqualTo(204);

    assertThat(admin.get(revisions(id)).json()).hasSize(1);
    assertProblem(admin.get(revisions(id) + "/2"), 404);
  }

  @Test
  void restoreAppliesAnEarlierRevisionAndNamesTheFieldTodaysRulesRefuse() {
    String name = "Restored " + tag();
    String id = createIntegration(admin, basicRestIntegration(name));
    admin.put("/api/integrations/" + id, edit(name, "https://v2.example.test", 1));

    Response restored = admin.post(revisions(id) + "/1/restore", Map.of("version", 2));

    assertThat(restored.status()).as(restored.toString()).isEqualTo(200);
    assertThat(restored.text("/config/baseUrl")).isEqualTo("https://api.example.test");
    JsonNode third = admin.get(revisions(id)).json().get(0);
    assertThat(third.get("revision").asInt()).isEqualTo(3);
    assertThat(third.get("origin").asText()).isEqualTo("RESTORED");
    assertThat(third.get("sourceRevision").asInt()).isEqualTo(1);

    // another integration took revision 1's name meanwhile: the restore names the field
    String renamed = name + " new";
    admin.put("/api/integrations/" + id, editNamed(renamed, "https://v2.example.test", 3));
    createIntegration(admin, basicRestIntegration(name));
    assertProblem(admin.post(revisions(id) + "/1/restore", Map.of("version", 4)), 409, "name");
    assertProblem(admin.post(revisions(id) + "/1/restore", Map.of("version", 3)), 409);
  }

  @Test
  void usersAreRefusedAndOtherOrganizationsSeeNothing() {
    String name = "Guarded " + tag();
    String id = createIntegration(admin, basicRestIntegration(name));
    admin.post(revisions(id), edit(name, "https://draft.example.test", null));
    List<Response> asUser =
        List.of(
            modeler.get(revisions(id)),
            modeler.get(revisions(id) + "/1"),
            modeler.get(revisions(id) + "/2/diff"),
            modeler.post(revisions(id), edit(name, "https://evil.example.test", null)),
            modeler.put(revisions(id) + "/2", edit(name, "https://evil.example.test", null)),
            modeler.delete(revisions(id) + "/2"),
            modeler.post(revisions(id) + "/2/activate", Map.of("version", 1)),
            modeler.post(revisions(id) + "/1/restore", Map.of("version", 1)));
    asUser.forEach(r -> assertProblem(r, 403));

    var stranger = api.as("stranger");
    var strangeRoot = api.as("strangeroot");
    List<Response> asOtherOrganization =
        List.of(
            stranger.get(revisions(id)),
            stranger.get(revisions(id) + "/1"),
            stranger.get(revisions(id) + "/2/diff"),
            strangeRoot.post(revisions(id), edit(name, "https://evil.example.test", null)),
            strangeRoot.put(revisions(id) + "/2", edit(name, "https://evil.example.test", null)),
            strangeRoot.delete(revisions(id) + "/2"),
            strangeRoot.post(revisions(id) + "/2/activate", Map.of("version", 1)),
            strangeRoot.post(revisions(id) + "/1/restore", Map.of("version", 1)));
    asOtherOrganization.forEach(r -> assertProblem(r, 404));

    assertThat(admin.get(revisions(id)).json()).hasSize(2);
    assertThat(admin.get("/api/integrations/" + id).text("/config/baseUrl"))
        .isEqualTo("https://api.example.test");
  }

  @Test
  void malformedRevisionNumbersAndVersionsAreProblemsNotErrors() {
    String name = "Malformed " + tag();
    String id = createIntegration(admin, basicRestIntegration(name));

    assertProblem(admin.get(revisions(id) + "/abc"), 400);
    assertProblem(admin.get(revisions(id) + "/99999999999"), 400);
    assertProblem(admin.get(revisions(id) + "/-1"), 404);
    assertProblem(admin.get(revisions(id) + "/1/diff?against=1%27%20or%201=1"), 400);
    assertProblem(admin.get(revisions(id) + "/1/diff?against=7"), 404);
    assertProblem(admin.post(revisions(id) + "/1/restore", Map.of("version", "latest")), 400);
    assertProblem(admin.send("POST", revisions(id) + "/1/restore", "{", "application/json"), 400);
    assertProblem(
        admin.get("/api/integrations/" + java.util.UUID.randomUUID() + "/revisions"), 404);
    assertThat(admin.get(revisions(id)).json()).hasSize(1);
  }

  @Test
  void systemIntegrationRevisionsAreChangedOnlyBySuperAdmins() {
    String name = "System " + tag();
    Map<String, Object> body = basicRestIntegration(name);
    body.put("scope", "SYSTEM");
    String id = createIntegration(root, body);
    admin.post(revisions(id), edit(name, "https://draft.example.test", null));

    assertThat(admin.get(revisions(id)).status()).isEqualTo(200);
    assertProblem(admin.post(revisions(id), edit(name, "https://x.example.test", null)), 403);
    assertProblem(admin.post(revisions(id) + "/1/restore", Map.of("version", 1)), 403);
    assertThat(root.post(revisions(id), edit(name, "https://x.example.test", null)).status())
        .isEqualTo(201);
  }

  @Test
  void neverASecretInARevisionOrDiff() {
    String host = "HOST_" + tag().toUpperCase().replace('-', '_');
    String hostValue = "revision-secret-host-" + tag();
    assertThat(admin.put("/api/secrets/" + host, Map.of("value", hostValue)).status())
        .isLessThan(300);
    String name = "Referenced " + tag();
    Map<String, Object> body = basicRestIntegration(name);
    body.put("config", Map.of("baseUrl", "https://@@SECRET:" + host + "@@/v1"));
    String id = createIntegration(admin, body);
    Response connection = createConnection(modeler, id, "Conn " + tag(), "ORGANIZATION");
    String password = "revision-connection-password-" + tag();
    modeler.put(
        "/api/connections/" + connection.text("/id") + "/environments/DEVELOPMENT",
        credentials(Map.of("username", "svc", "password", password)));
    admin.put("/api/integrations/" + id, edit(name, "https://@@SECRET:" + host + "@@/v2", 1));
    admin.post(revisions(id), edit(name, "https://@@SECRET:" + host + "@@/v3", null));

    List<Response> responses =
        List.of(
            admin.get(revisions(id)),
            admin.get(revisions(id) + "/1"),
            admin.get(revisions(id) + "/2"),
            admin.get(revisions(id) + "/3"),
            admin.get(revisions(id) + "/2/diff"),
            admin.get(revisions(id) + "/3/diff"),
            admin.post(revisions(id) + "/3/activate", Map.of("version", 2)),
            admin.post(revisions(id) + "/1/restore", Map.of("version", 3)));
    responses.forEach(
        r -> {
          assertThat(r.status()).as(r.toString()).isLessThan(300);
          assertThat(r.body()).doesNotContain(hostValue).doesNotContain(password);
        });
    // the reference, a name, is what an admin wrote and reads on the integration too
    assertThat(admin.get(revisions(id) + "/2/diff").body()).contains("@@SECRET:" + host + "@@");
  }

  private static String revisions(String id) {
    return "/api/integrations/" + id + "/revisions";
  }

  private static Map<String, Object> edit(String name, String baseUrl, Integer version) {
    Map<String, Object> body = editNamed(name, baseUrl, version);
    body.put("description", "edited");
    return body;
  }

  private static Map<String, Object> editNamed(String name, String baseUrl, Integer version) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("name", name);
    body.put("description", "test integration");
    body.put("config", Map.of("baseUrl", baseUrl));
    if (version != null) {
      body.put("version", version);
    }
    return body;
  }
}
