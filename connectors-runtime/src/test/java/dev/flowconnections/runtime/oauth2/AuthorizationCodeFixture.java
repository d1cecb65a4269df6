package dev.flowconnections.runtime.oauth2;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flowconnections.runtime.testsupport.ApiClient;
import dev.flowconnections.runtime.testsupport.ApiFixtures;
import dev.flowconnections.runtime.testsupport.OAuth2TestServer;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Sets up OAuth2 authorization-code connections through the API and plays "Connect" the way a
 * user's browser does: start, log in on the authorization server, come back to our callback.
 */
final class AuthorizationCodeFixture {

  private final ApiClient admin;
  private final OAuth2TestServer authServer;
  private final String callbackUrl;

  AuthorizationCodeFixture(ApiClient admin, OAuth2TestServer authServer, int runtimePort) {
    this.admin = admin;
    this.authServer = authServer;
    this.callbackUrl = callbackUrl(runtimePort);
  }

  static String callbackUrl(int runtimePort) {
    return "http://127.0.0.1:" + runtimePort + OAuth2ConnectController.CALLBACK_PATH;
  }

  /** An authorization-code integration whose API is {@code baseUrl}; answers its id. */
  String integration(String name, String baseUrl) {
    Map<String, Object> config = new LinkedHashMap<>();
    config.put("baseUrl", baseUrl);
    config.put("grantType", "AUTHORIZATION_CODE");
    config.put("authorizationEndpoint", authServer.authorizationEndpoint());
    config.put("tokenEndpoint", authServer.tokenEndpoint());
    config.put("userInfoEndpoint", authServer.userInfoEndpoint());
    config.put("scopes", "orders.read");
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("name", name);
    body.put("type", "REST_API");
    body.put("authScheme", "OAUTH2");
    body.put("config", config);
    return ApiFixtures.createIntegration(admin, body);
  }

  /**
   * A connection of {@code user} with the client's ID and secret in {@code environment}; answers
   * [id, key].
   */
  String[] connection(
      ApiClient user, String integrationId, String name, String environment, String clientId) {
    ApiClient.Response created =
        ApiFixtures.createConnection(user, integrationId, name, "ORGANIZATION");
    String id = created.text("/id");
    ApiClient.Response saved =
        user.put(
            "/api/connections/" + id + "/environments/" + environment,
            ApiFixtures.credentials(
                Map.of("clientId", clientId, "clientSecret", OAuth2TestServer.secretOf(clientId))));
    assertThat(saved.status()).as(saved.toString()).isEqualTo(200);
    return new String[] {id, created.text("/key")};
  }

  /** Starts "Connect" as {@code user}; answers the authorization URL. */
  String start(ApiClient user, String connectionId, String environment) {
    ApiClient.Response started =
        user.post(
            "/api/connections/"
                + connectionId
                + "/environments/"
                + environment
                + "/oauth2/authorize",
            null);
    assertThat(started.status()).as(started.toString()).isEqualTo(200);
    return started.text("/authorizationUrl");
  }

  /**
   * Logs in at the authorization server; answers the callback URL the browser is sent to (not yet
   * called).
   */
  URI authorize(String authorizationUrl) {
    return authServer.loginAndAuthorize(authorizationUrl, callbackUrl);
  }

  /** The callback as {@code user}'s browser calls it: path and query. */
  static String callbackPath(URI callback) {
    return callback.getRawPath() + "?" + callback.getRawQuery();
  }

  /** The whole "Connect" as {@code user}; answers the callback's response. */
  ApiClient.Response connect(ApiClient user, String connectionId, String environment) {
    return user.get(callbackPath(authorize(start(user, connectionId, environment))));
  }
}
