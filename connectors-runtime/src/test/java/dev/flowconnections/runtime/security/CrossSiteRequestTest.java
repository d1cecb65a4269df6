package dev.flowconnections.runtime.security;

import static dev.flowconnections.runtime.testsupport.ApiFixtures.createBasicRestIntegration;
import static dev.flowconnections.runtime.testsupport.ApiFixtures.createConnection;
import static dev.flowconnections.runtime.testsupport.ApiFixtures.read;
import static dev.flowconnections.runtime.testsupport.ApiFixtures.tag;
import static dev.flowconnections.runtime.testsupport.ProblemAssert.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import dev.flowconnections.runtime.testsupport.ApiClient;
import dev.flowconnections.runtime.testsupport.ApiClient.Response;
import dev.flowconnections.runtime.testsupport.ApiTestBase;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Issue 13, item 8: a browser keeps HTTP Basic credentials once typed and adds them to any request
 * to this origin, so another site's form could POST to body-less endpoints (publish, test,
 * rotation) as the signed-in admin. State-changing requests a browser marks as cross-site are
 * refused; API clients that send neither {@code Origin} nor {@code Sec-Fetch-Site} keep working.
 */
class CrossSiteRequestTest extends ApiTestBase {

  private static final Map<String, String> EVIL_FORM =
      Map.of(
          "Origin",
          "https://evil.example",
          "Sec-Fetch-Site",
          "cross-site",
          "Sec-Fetch-Mode",
          "navigate");

  @Test
  void aCrossSiteFormPostWithCachedBasicCredentialsChangesNothing() {
    String integrationId = createBasicRestIntegration(admin, "Cross-site " + tag());
    String id =
        createConnection(admin, integrationId, "Target " + tag(), "ORGANIZATION").text("/id");
    String before = read(admin, "/api/connections/" + id);
    String secretKey = "CSRF_" + tag().toUpperCase();
    ApiClient evil = admin.withHeaders(EVIL_FORM);

    assertRefused(
        evil.send("POST", "/api/templates/publish", "", "application/x-www-form-urlencoded"));
    assertRefused(
        evil.send(
            "POST", "/api/connections/" + id + "/environments/DEVELOPMENT/test", "", "text/plain"));
    assertRefused(
        evil.send(
            "POST", "/api/admin/encryption/rotation", "", "application/x-www-form-urlencoded"));
    assertRefused(evil.put("/api/secrets/" + secretKey, Map.of("value", "planted")));
    assertRefused(evil.delete("/api/connections/" + id));
    assertRefused(
        admin
            .withHeaders(Map.of("Origin", "https://evil.example"))
            .delete("/api/connections/" + id));
    assertRefused(
        admin.withHeaders(Map.of("Sec-Fetch-Site", "same-site")).delete("/api/connections/" + id));

    assertThat(read(admin, "/api/connections/" + id)).isEqualTo(before);
    assertThat(read(admin, "/api/secrets")).doesNotContain(secretKey);
    assertThat(admin.get("/api/templates").status()).as("reading stays possible").isEqualTo(200);
  }

  @Test
  void sameOriginAndHeaderlessRequestsStillWork() {
    String integrationId = createBasicRestIntegration(admin, "Same origin " + tag());
    ApiClient page =
        admin.withHeaders(Map.of("Origin", admin.origin(), "Sec-Fetch-Site", "same-origin"));
    ApiClient olderBrowser = admin.withHeaders(Map.of("Origin", admin.origin()));
    ApiClient typedUrl = admin.withHeaders(Map.of("Sec-Fetch-Site", "none"));

    assertThat(page.send("POST", "/api/templates/publish", null).status()).isEqualTo(200);
    assertThat(olderBrowser.send("POST", "/api/templates/publish", null).status()).isEqualTo(200);
    assertThat(typedUrl.send("POST", "/api/templates/publish", null).status()).isEqualTo(200);
    assertThat(admin.send("POST", "/api/templates/publish", null).status())
        .as("curl")
        .isEqualTo(200);
    String id =
        createConnection(page, integrationId, "From the page " + tag(), "ORGANIZATION").text("/id");
    assertThat(admin.delete("/api/connections/" + id).status()).isEqualTo(204);
  }

  private static void assertRefused(Response response) {
    assertProblem(response, 403);
    assertThat(response.text("/detail")).contains("cross-site");
  }
}
