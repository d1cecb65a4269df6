package dev.flowconnections.runtime.access;

import static dev.flowconnections.runtime.testsupport.ApiFixtures.createBasicRestIntegration;
import static dev.flowconnections.runtime.testsupport.ApiFixtures.createConnection;
import static dev.flowconnections.runtime.testsupport.ApiFixtures.credentials;
import static dev.flowconnections.runtime.testsupport.ApiFixtures.postConnection;
import static dev.flowconnections.runtime.testsupport.ApiFixtures.tag;
import static dev.flowconnections.runtime.testsupport.ProblemAssert.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import dev.flowconnections.runtime.testsupport.ApiClient;
import dev.flowconnections.runtime.testsupport.ApiClient.Response;
import dev.flowconnections.runtime.testsupport.ApiTestBase;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Users of another organization ("stranger" ADMIN and "strangeroot" SUPER_ADMIN of other-org) reach
 * nothing of the default organization: every id answers 404, as if it did not exist, so they cannot
 * even learn that it does. Lists and the audit log show them their own organization only.
 */
class OrganizationIsolationApiTest extends ApiTestBase {

  @Test
  void theCallerSeesWhoAndWhereTheyAre() {
    Response me = api.as("stranger").get("/api/me");
    assertThat(me.status()).isEqualTo(200);
    assertThat(me.text("/username")).isEqualTo("stranger");
    assertThat(me.text("/organizationId")).isEqualTo("other-org");
    assertThat(me.json().get("roles").toString()).isEqualTo("[\"ADMIN\"]");
    assertThat(modeler.get("/api/me").text("/organizationId")).isEqualTo("default");
  }

  @Test
  void anotherOrganizationsIdsAnswer404ForEveryEndpoint() {
    String integration = createBasicRestIntegration(admin, "Home " + tag());
    String connection =
        createConnection(modeler, integration, "Home conn " + tag(), "ORGANIZATION").text("/id");
    assertThat(
            modeler
                .put(
                    "/api/connections/" + connection + "/environments/QA",
                    credentials(Map.of("username", "u", "password", "p")))
                .status())
        .isEqualTo(200);
    assertThat(
            admin
                .put("/api/secrets/HOME_ONLY_" + tag().toUpperCase(), Map.of("value", "v"))
                .status())
        .isEqualTo(201);

    for (ApiClient stranger : List.of(api.as("stranger"), api.as("strangeroot"))) {
      assertProblem(stranger.get("/api/integrations/" + integration), 404);
      assertProblem(stranger.get("/api/integrations/" + integration + "/fields"), 404);
      assertProblem(stranger.get("/api/integrations/" + integration + "/impact"), 404);
      assertProblem(
          stranger.put(
              "/api/integrations/" + integration,
              Map.of("name", "Taken", "config", Map.of("baseUrl", "https://x.test"), "version", 1)),
          404);
      assertProblem(stranger.delete("/api/integrations/" + integration + "?force=true"), 404);
      assertProblem(stranger.get("/api/connections/" + connection), 404);
      assertProblem(
          stranger.put("/api/connections/" + connection, Map.of("name", "Taken", "version", 2)),
          404);
      assertProblem(
          stranger.put(
              "/api/connections/" + connection + "/environments/QA",
              credentials(Map.of("username", "x", "password", "y"))),
          404);
      assertProblem(
          stranger.post("/api/connections/" + connection + "/environments/QA/test", null), 404);
      assertProblem(stranger.delete("/api/connections/" + connection + "/environments/QA"), 404);
      assertProblem(stranger.delete("/api/connections/" + connection), 404);
      // a connection on another organization's integration cannot be created either
      assertProblem(
          postConnection(stranger, integration, "Sneaky " + tag(), "ORGANIZATION"),
          400,
          "integrationId");

      assertThat(stranger.get("/api/integrations").body()).doesNotContain(integration);
      assertThat(stranger.get("/api/connections").body()).doesNotContain(connection);
      assertThat(stranger.get("/api/secrets").body()).doesNotContain("HOME_ONLY_");
      assertThat(stranger.get("/api/audit?size=500").body())
          .doesNotContain(connection)
          .doesNotContain(integration);
    }
    // nothing was changed by any of it
    assertThat(
            modeler
                .get("/api/connections/" + connection)
                .json()
                .at("/environments/QA/fields/username")
                .asText())
        .isEqualTo("u");
    assertThat(admin.get("/api/integrations/" + integration).status()).isEqualTo(200);
  }

  @Test
  void organizationsWorkSideBySideWithTheSameNames() {
    String name = "Twin " + tag();
    String home = createBasicRestIntegration(admin, name);
    String away = createBasicRestIntegration(api.as("stranger"), name);

    String homeConnection = createConnection(modeler, home, name, "ORGANIZATION").text("/key");
    Response awayConnection = createConnection(api.as("stranger"), away, name, "ORGANIZATION");

    assertThat(awayConnection.text("/key")).isEqualTo(homeConnection);
    assertThat(api.as("stranger").get("/api/connections?search=" + name.replace(" ", "%20")).json())
        .hasSize(1);
    assertThat(modeler.get("/api/connections?search=" + name.replace(" ", "%20")).json())
        .hasSize(1);
  }
}
