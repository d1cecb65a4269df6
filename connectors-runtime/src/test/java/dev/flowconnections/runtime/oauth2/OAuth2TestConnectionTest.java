package dev.flowconnections.runtime.oauth2;

import static dev.flowconnections.runtime.testsupport.OAuth2TestServer.BASIC_CLIENT;
import static dev.flowconnections.runtime.testsupport.OAuth2TestServer.secretOf;
import static org.assertj.core.api.Assertions.assertThat;

import dev.flowconnections.runtime.testsupport.ApiClient;
import dev.flowconnections.runtime.testsupport.ApiFixtures;
import dev.flowconnections.runtime.testsupport.ApiTestBase;
import dev.flowconnections.runtime.testsupport.OAuth2TestServer;
import dev.flowconnections.runtime.testsupport.RecordingHttpServer;
import java.util.Map;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;

/**
 * "Test connection" of an OAuth2 client-credentials REST connection: a token is obtained and used.
 */
class OAuth2TestConnectionTest extends ApiTestBase {

  @AutoClose static final OAuth2TestServer AUTH_SERVER = OAuth2TestServer.forClientCredentials();
  @AutoClose private final RecordingHttpServer api = RecordingHttpServer.start();

  private String connection(String environment, String clientSecret) {
    String tag = ApiFixtures.tag();
    String integration =
        ApiFixtures.createIntegration(
            admin,
            Map.of(
                "name",
                "Billing " + tag,
                "type",
                "REST_API",
                "authScheme",
                "OAUTH2",
                "config",
                Map.of(
                    "baseUrl",
                    api.baseUrl(),
                    "tokenEndpoint",
                    AUTH_SERVER.tokenEndpoint(),
                    "scopes",
                    "orders.read",
                    "healthPath",
                    "/health")));
    String id =
        ApiFixtures.createConnection(modeler, integration, "billing " + tag, "ORGANIZATION")
            .text("/id");
    ApiClient.Response saved =
        modeler.put(
            "/api/connections/" + id + "/environments/" + environment,
            ApiFixtures.credentials(
                Map.of("clientId", BASIC_CLIENT, "clientSecret", clientSecret)));
    assertThat(saved.status()).as(saved.toString()).isEqualTo(200);
    return id;
  }

  @Test
  void aTokenIsObtainedAndTheHealthPathCalledWithIt() {
    String id = connection("QA", secretOf(BASIC_CLIENT));

    ApiClient.Response tested =
        modeler.post("/api/connections/" + id + "/environments/QA/test", null);

    assertThat(tested.status()).as(tested.toString()).isEqualTo(200);
    assertThat(tested.json().get("ok").asBoolean()).isTrue();
    assertThat(tested.text("/message")).isEqualTo("HTTP 200 from GET /health");
    String authorization = api.lastRequest().header("Authorization");
    assertThat(AUTH_SERVER.isActive(BASIC_CLIENT, authorization.substring("Bearer ".length())))
        .isTrue();
    assertThat(tested.body()).doesNotContain(authorization.substring("Bearer ".length()));
  }

  @Test
  void aRefusedClientSecretFailsTheTestWithoutShowingIt() {
    String wrong = "wrong-billing-secret-" + ApiFixtures.tag();
    String id = connection("PRODUCTION", wrong);

    ApiClient.Response tested =
        modeler.post("/api/connections/" + id + "/environments/PRODUCTION/test", null);

    assertThat(tested.status()).as(tested.toString()).isEqualTo(200);
    assertThat(tested.json().get("ok").asBoolean()).isFalse();
    assertThat(tested.text("/message"))
        .contains("in PRODUCTION refused the request: invalid_client");
    assertThat(tested.body()).doesNotContain(wrong);
    assertThat(modeler.get("/api/connections/" + id).body()).doesNotContain(wrong);
    assertThat(api.requests()).isEmpty();
  }
}
