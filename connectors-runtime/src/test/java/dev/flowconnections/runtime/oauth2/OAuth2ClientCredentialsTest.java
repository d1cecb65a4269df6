package dev.flowconnections.runtime.oauth2;

import static dev.flowconnections.runtime.testsupport.OAuth2TestServer.BASIC_CLIENT;
import static dev.flowconnections.runtime.testsupport.OAuth2TestServer.POST_CLIENT;
import static dev.flowconnections.runtime.testsupport.OAuth2TestServer.SHORT_CLIENT;
import static dev.flowconnections.runtime.testsupport.OAuth2TestServer.secretOf;
import static org.assertj.core.api.Assertions.assertThat;

import dev.flowconnections.integration.AuthScheme;
import dev.flowconnections.runtime.rest.RestTestFixture;
import dev.flowconnections.runtime.testsupport.OAuth2TestServer;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;

/**
 * The REST worker with OAuth2 client-credentials connections, against a real authorization server.
 */
class OAuth2ClientCredentialsTest {

  @AutoClose static final OAuth2TestServer AUTH_SERVER = OAuth2TestServer.forClientCredentials();
  @AutoClose private final RestTestFixture fixture = new RestTestFixture();

  static Map<String, Object> settings(
      OAuth2TestServer server, String clientId, Map<String, Object> extra) {
    Map<String, Object> settings = new LinkedHashMap<>();
    settings.put("tokenEndpoint", server.tokenEndpoint());
    settings.put("scopes", "orders.read");
    settings.put("clientId", clientId);
    settings.putAll(extra);
    return settings;
  }

  private int tokenRequests() {
    return AUTH_SERVER.tokenRequests("client_credentials");
  }

  @Test
  void clientSecretBasicSendsTheIssuedTokenAsBearer() {
    fixture.connection(
        AuthScheme.OAUTH2,
        settings(AUTH_SERVER, BASIC_CLIENT, Map.of()),
        Map.of("clientSecret", secretOf(BASIC_CLIENT)));
    int before = tokenRequests();

    fixture.get("/orders");

    String authorization = fixture.server.lastRequest().header("Authorization");
    assertThat(authorization).startsWith("Bearer ");
    assertThat(AUTH_SERVER.isActive(BASIC_CLIENT, authorization.substring(7))).isTrue();
    assertThat(tokenRequests()).isEqualTo(before + 1);
    Map<String, String> tokenRequest = AUTH_SERVER.tokenRequestLog().getLast();
    assertThat(tokenRequest.get("authorization")).startsWith("Basic ");
    assertThat(tokenRequest)
        .doesNotContainKeys("client_secret", "client_id")
        .containsEntry("scope", "orders.read");
  }

  @Test
  void clientSecretPostSendsTheClientInTheForm() {
    fixture.connection(
        AuthScheme.OAUTH2,
        settings(AUTH_SERVER, POST_CLIENT, Map.of("clientAuthentication", "CLIENT_SECRET_POST")),
        Map.of("clientSecret", secretOf(POST_CLIENT)));

    fixture.get("/orders");

    String authorization = fixture.server.lastRequest().header("Authorization");
    assertThat(AUTH_SERVER.isActive(POST_CLIENT, authorization.substring(7))).isTrue();
    Map<String, String> tokenRequest = AUTH_SERVER.tokenRequestLog().getLast();
    assertThat(tokenRequest)
        .doesNotContainKey("authorization")
        .containsEntry("client_id", POST_CLIENT)
        .containsEntry("client_secret", secretOf(POST_CLIENT));
  }

  @Test
  void audienceAndResourceGoToTheTokenEndpoint() {
    fixture.connection(
        AuthScheme.OAUTH2,
        settings(
            AUTH_SERVER,
            BASIC_CLIENT,
            Map.of("audience", "orders-api", "resource", "https://orders.example.test/")),
        Map.of("clientSecret", secretOf(BASIC_CLIENT)));

    fixture.get("/orders");

    assertThat(AUTH_SERVER.tokenRequestLog().getLast())
        .containsEntry("audience", "orders-api")
        .containsEntry("resource", "https://orders.example.test/");
  }

  @Test
  void theTokenIsCachedUntilShortlyBeforeItExpires() {
    fixture.connection(
        AuthScheme.OAUTH2,
        settings(AUTH_SERVER, SHORT_CLIENT, Map.of()),
        Map.of("clientSecret", secretOf(SHORT_CLIENT)));
    int before = tokenRequests();

    fixture.get("/orders");
    fixture.get("/orders");
    String first = fixture.server.requests().get(0).header("Authorization");
    assertThat(fixture.server.requests().get(1).header("Authorization")).isEqualTo(first);
    assertThat(tokenRequests()).isEqualTo(before + 1);

    AUTH_SERVER.awaitExpired(SHORT_CLIENT, first.substring("Bearer ".length()));
    fixture.get("/orders");

    assertThat(tokenRequests()).isEqualTo(before + 2);
    assertThat(fixture.server.lastRequest().header("Authorization")).isNotEqualTo(first);
    assertThat(
            AUTH_SERVER.isActive(
                SHORT_CLIENT, fixture.server.lastRequest().header("Authorization").substring(7)))
        .isTrue();
  }
}
