package dev.flowconnections.runtime.security;

import static dev.flowconnections.runtime.testsupport.ApiFixtures.basicRestIntegration;
import static dev.flowconnections.runtime.testsupport.ApiFixtures.createBasicRestIntegration;
import static dev.flowconnections.runtime.testsupport.ApiFixtures.tag;
import static dev.flowconnections.runtime.testsupport.ProblemAssert.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import dev.flowconnections.runtime.testsupport.ApiClient.Response;
import dev.flowconnections.runtime.testsupport.ApiTestBase;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ApiSecurityTest extends ApiTestBase {

  @Test
  void everyApiCallNeedsCredentials() {
    String id = createBasicRestIntegration(admin, "Guarded " + tag());
    List<Response> anonymous =
        List.of(
            api.anonymous().get("/api/integrations"),
            api.anonymous().get("/api/integrations/" + id),
            api.anonymous().post("/api/integrations", basicRestIntegration("Anon " + tag())),
            api.anonymous().delete("/api/integrations/" + id),
            api.anonymous().get("/api/connections"),
            api.anonymous().put("/api/secrets/X", Map.of("value", "v")),
            api.anonymous().get("/api/does-not-exist"),
            api.anonymous().get("/actuator/info"));

    for (Response response : anonymous) {
      assertProblem(response, 401);
      assertThat(response.header("WWW-Authenticate")).startsWith("Basic realm=");
    }
    assertThat(admin.get("/api/integrations/" + id).status()).isEqualTo(200);
  }

  @Test
  void wrongCredentialsAreRefused() {
    assertProblem(api.as("admin", "wrong").get("/api/integrations"), 401);
    assertProblem(api.as("nobody", "nobody").get("/api/integrations"), 401);
    assertProblem(api.anonymous().send("GET", "/api/integrations", null, null), 401);
  }

  @Test
  void healthIsPublic() {
    Response health = api.anonymous().get("/actuator/health");
    assertThat(health.status()).isEqualTo(200);
    assertThat(health.body()).contains("UP");
  }

  @Test
  void usersCannotChangeIntegrations() {
    String id = createBasicRestIntegration(admin, "Admin owned " + tag());
    String before = admin.get("/api/integrations/" + id).body();
    String tag = tag();
    Map<String, Object> change = basicRestIntegration("Hijacked " + tag);
    change.put("version", 1);

    assertProblem(modeler.post("/api/integrations", basicRestIntegration("User made " + tag)), 403);
    assertProblem(modeler.put("/api/integrations/" + id, change), 403);
    assertProblem(modeler.delete("/api/integrations/" + id + "?force=true"), 403);
    assertProblem(modeler.get("/api/integrations/" + id + "/impact"), 403);

    assertThat(admin.get("/api/integrations/" + id).body()).isEqualTo(before);
    assertThat(admin.get("/api/integrations?search=" + tag).json()).isEmpty();
  }

  @Test
  void usersCannotManageSecrets() {
    String key = "GUARDED_" + tag();
    assertThat(admin.put("/api/secrets/" + key, Map.of("value", "v1")).status()).isEqualTo(201);
    String before = admin.get("/api/secrets").body();

    assertProblem(modeler.put("/api/secrets/" + key, Map.of("value", "v2")), 403);
    assertProblem(modeler.put("/api/secrets/NEW_" + key, Map.of("value", "v2")), 403);
    assertProblem(modeler.get("/api/secrets"), 403);
    assertProblem(modeler.delete("/api/secrets/" + key), 403);

    assertThat(admin.get("/api/secrets").body()).isEqualTo(before);
  }

  @Test
  void theActorIsTheAuthenticatedUser() {
    Response created =
        api.as("root").post("/api/integrations", basicRestIntegration("By root " + tag()));
    assertThat(created.status()).isEqualTo(201);
    assertThat(created.json().get("createdBy").asText()).isEqualTo("root");

    Response connection =
        api.as("other")
            .post(
                "/api/connections",
                Map.of(
                    "integrationId",
                    created.text("/id"),
                    "name",
                    "By other " + tag(),
                    "visibility",
                    "PERSONAL"));
    assertThat(connection.json().get("owner").asText()).isEqualTo("other");
    assertThat(connection.json().get("createdBy").asText()).isEqualTo("other");
  }

  @Test
  void bcryptPasswordsWork() {
    Response response = api.as("auditor", "auditor-password").get("/api/connections");
    assertThat(response.status()).isEqualTo(200);
    assertProblem(api.as("auditor", "auditor").get("/api/connections"), 401);
  }

  @Test
  void theApiIsStatelessAndNeedsNoCsrfToken() {
    Response created = admin.post("/api/integrations", basicRestIntegration("Stateless " + tag()));

    assertThat(created.status()).as("no CSRF token was sent").isEqualTo(201);
    assertThat(created.header("Set-Cookie")).isEmpty();
    assertThat(admin.get("/api/integrations").header("Set-Cookie")).isEmpty();
  }
}
