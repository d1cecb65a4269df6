package dev.flowconnections.runtime.oauth2;

import static dev.flowconnections.runtime.testsupport.OAuth2TestServer.ROTATING_CLIENT;
import static org.assertj.core.api.Assertions.assertThat;

import dev.flowconnections.credential.CredentialLocation;
import dev.flowconnections.credential.CredentialStore;
import dev.flowconnections.credential.SecretValues;
import dev.flowconnections.environment.Environment;
import dev.flowconnections.oauth2.StoredTokens;
import dev.flowconnections.runtime.rest.RestFunction;
import dev.flowconnections.runtime.rest.RestResponse;
import dev.flowconnections.runtime.testsupport.ApiClient;
import dev.flowconnections.runtime.testsupport.ApiFixtures;
import dev.flowconnections.runtime.testsupport.OAuth2TestServer;
import dev.flowconnections.runtime.testsupport.ProblemAssert;
import dev.flowconnections.runtime.testsupport.RecordingHttpServer;
import dev.flowconnections.runtime.testsupport.WorkerTestContext;
import java.net.URI;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * "Connect" of an OAuth2 authorization-code environment over HTTP: our API, the real authorization
 * server's login form, and the callback with state checks and PKCE.
 */
class OAuth2ConnectApiTest extends AuthorizationCodeTestBase {

  private final RecordingHttpServer api = RecordingHttpServer.start();

  @Autowired private CredentialStore credentials;
  @Autowired private RestFunction restFunction;

  @AfterEach
  void stopApi() {
    api.close();
  }

  private String[] developmentConnection() {
    String tag = ApiFixtures.tag();
    String integration = oauth.integration("CRM " + tag, api.baseUrl());
    return oauth.connection(modeler, integration, "crm " + tag, "DEVELOPMENT", ROTATING_CLIENT);
  }

  private StoredTokens storedTokens(String connectionId, String key, Environment environment) {
    SecretValues secrets =
        credentials
            .read(
                new CredentialLocation("default", UUID.fromString(connectionId), key, environment))
            .orElseThrow();
    return StoredTokens.from(secrets).orElseThrow();
  }

  /** A problem+json naming {@code field} with exactly {@code message}. */
  static void problem(ApiClient.Response response, int status, String field, String message) {
    var problem = ProblemAssert.assertProblem(response, status, field);
    assertThat(problem.path("errors").findValuesAsText("message"))
        .as(response.toString())
        .contains(message);
  }

  @Test
  void connectStoresTheTokensAndShowsWhoAuthorisedIt() {
    String[] connection = developmentConnection();
    assertThat(
            modeler
                .get("/api/connections/" + connection[0])
                .text("/environments/DEVELOPMENT/status"))
        .isEqualTo("NEEDS_AUTHORIZATION");

    String authorizationUrl = oauth.start(modeler, connection[0], "DEVELOPMENT");
    Map<String, String> query =
        UriComponentsBuilder.fromUriString(authorizationUrl)
            .build()
            .getQueryParams()
            .toSingleValueMap();
    assertThat(query)
        .containsEntry("response_type", "code")
        .containsEntry("client_id", ROTATING_CLIENT)
        .containsEntry("code_challenge_method", "S256")
        .containsKeys("state", "code_challenge");
    URI callback = oauth.authorize(authorizationUrl);
    ApiClient.Response completed = modeler.get(AuthorizationCodeFixture.callbackPath(callback));

    assertThat(completed.status()).as(completed.toString()).isEqualTo(200);
    assertThat(completed.text("/authorizedBy")).isEqualTo("modeler");
    assertThat(completed.text("/environment")).isEqualTo("DEVELOPMENT");
    // the server required PKCE and got the verifier that matches the challenge
    Map<String, String> exchange = authServer.tokenRequestLog().getLast();
    assertThat(exchange)
        .containsEntry("grant_type", "authorization_code")
        .containsKey("code_verifier");
    assertThat(OAuth2Connect.challenge(exchange.get("code_verifier")))
        .isEqualTo(query.get("code_challenge"));

    ApiClient.Response read = modeler.get("/api/connections/" + connection[0]);
    assertThat(read.text("/environments/DEVELOPMENT/status")).isEqualTo("CONFIGURED");
    assertThat(read.text("/environments/DEVELOPMENT/oauth2/authorizedBy")).isEqualTo("modeler");
    assertThat(read.text("/environments/DEVELOPMENT/oauth2/authorizedAt")).isNotBlank();
    assertThat(read.text("/environments/QA/status")).isEqualTo("NOT_CONFIGURED");

    StoredTokens stored = storedTokens(connection[0], connection[1], Environment.DEVELOPMENT);
    assertThat(authServer.isActive(ROTATING_CLIENT, stored.accessToken())).isTrue();
    assertThat(stored.refreshToken()).isNotBlank();
    // the account the provider's user info endpoint named for the new token, asked once
    assertThat(completed.text("/account")).isEqualTo("alice@example.test");
    assertThat(read.text("/environments/DEVELOPMENT/oauth2/account"))
        .isEqualTo("alice@example.test");
    assertThat(authServer.userInfoRequests()).containsOnlyOnce("Bearer " + stored.accessToken());
    for (String body :
        new String[] {completed.body(), read.body(), modeler.get("/api/connections").body()}) {
      assertThat(body)
          .doesNotContain(stored.accessToken())
          .doesNotContain(stored.refreshToken())
          .doesNotContain(OAuth2TestServer.secretOf(ROTATING_CLIENT));
    }
  }

  @Test
  void aFailingUserInfoEndpointDoesNotBreakTheConnect() {
    String[] connection = developmentConnection();
    authServer.userInfoAnswers(500);
    ApiClient.Response completed;
    try {
      completed = oauth.connect(modeler, connection[0], "DEVELOPMENT");
    } finally {
      authServer.userInfoAnswers(200);
    }

    assertThat(completed.status()).as(completed.toString()).isEqualTo(200);
    assertThat(completed.json().has("account")).isFalse();
    ApiClient.Response read = modeler.get("/api/connections/" + connection[0]);
    assertThat(read.text("/environments/DEVELOPMENT/status")).isEqualTo("CONFIGURED");
    assertThat(read.text("/environments/DEVELOPMENT/oauth2/authorizedBy")).isEqualTo("modeler");
    assertThat(read.json().at("/environments/DEVELOPMENT/oauth2/account").isMissingNode()).isTrue();

    // a Reconnect while the endpoint answers names the account; saving credentials forgets it
    assertThat(oauth.connect(modeler, connection[0], "DEVELOPMENT").text("/account"))
        .isEqualTo("alice@example.test");
    modeler.put(
        "/api/connections/" + connection[0] + "/environments/DEVELOPMENT",
        ApiFixtures.credentials(Map.of("clientId", ROTATING_CLIENT)));
    assertThat(
            modeler
                .get("/api/connections/" + connection[0])
                .json()
                .at("/environments/DEVELOPMENT/oauth2")
                .isMissingNode())
        .isTrue();
  }

  @Test
  void aJobUsesTheAuthorisedUsersToken() {
    String[] connection = developmentConnection();
    assertThat(oauth.connect(modeler, connection[0], "DEVELOPMENT").status()).isEqualTo(200);

    RestResponse response =
        (RestResponse)
            restFunction.execute(
                new WorkerTestContext(
                    RestFunction.TYPE,
                    Map.of("connection", connection[1], "method", "GET", "path", "/me")));

    assertThat(response.status()).isEqualTo(200);
    String stored =
        storedTokens(connection[0], connection[1], Environment.DEVELOPMENT).accessToken();
    assertThat(api.lastRequest().header("Authorization")).isEqualTo("Bearer " + stored);
  }

  @Test
  void savingTheEnvironmentAgainDropsTheAuthorisation() {
    String[] connection = developmentConnection();
    assertThat(oauth.connect(modeler, connection[0], "DEVELOPMENT").status()).isEqualTo(200);

    ApiClient.Response edited =
        modeler.put(
            "/api/connections/" + connection[0] + "/environments/DEVELOPMENT",
            ApiFixtures.credentials(Map.of("clientId", ROTATING_CLIENT)));

    assertThat(edited.status()).as(edited.toString()).isEqualTo(200);
    assertThat(edited.text("/environments/DEVELOPMENT/status")).isEqualTo("NEEDS_AUTHORIZATION");
    assertThat(edited.json().at("/environments/DEVELOPMENT/oauth2").isMissingNode()).isTrue();
    SecretValues secrets =
        credentials
            .read(
                new CredentialLocation(
                    "default",
                    UUID.fromString(connection[0]),
                    connection[1],
                    Environment.DEVELOPMENT))
            .orElseThrow();
    assertThat(StoredTokens.from(secrets)).as("tokens of the old authorisation are gone").isEmpty();
  }

  @Test
  void aJobBeforeConnectIsAnIncidentSayingSo() {
    String[] connection = developmentConnection();

    org.assertj.core.api.Assertions.assertThatThrownBy(
            () ->
                restFunction.execute(
                    new WorkerTestContext(
                        RestFunction.TYPE,
                        Map.of("connection", connection[1], "method", "GET", "path", "/me"))))
        .isInstanceOf(io.camunda.connector.api.error.ConnectorInputException.class)
        .hasMessage(
            "connection '"
                + connection[1]
                + "' in DEVELOPMENT is not authorised yet: a user must use"
                + " \"Connect\" for this environment first");
    assertThat(api.requests()).isEmpty();
  }

  @Test
  void aCallbackWithAnotherStateIsRejectedAndTheRealOneStillWorks() {
    String[] connection = developmentConnection();
    URI callback = oauth.authorize(oauth.start(modeler, connection[0], "DEVELOPMENT"));
    String forged =
        UriComponentsBuilder.fromUri(callback)
            .replaceQueryParam("state", "forged-" + ApiFixtures.tag())
            .build()
            .toUri()
            .getRawQuery();

    ApiClient.Response rejected = modeler.get(OAuth2ConnectController.CALLBACK_PATH + "?" + forged);

    problem(rejected, 400, "state", "is unknown or was already used; start \"Connect\" again");
    assertThat(modeler.get(AuthorizationCodeFixture.callbackPath(callback)).status())
        .isEqualTo(200);
  }

  @Test
  void aReplayedCallbackIsRejected() {
    String[] connection = developmentConnection();
    URI callback = oauth.authorize(oauth.start(modeler, connection[0], "DEVELOPMENT"));
    assertThat(modeler.get(AuthorizationCodeFixture.callbackPath(callback)).status())
        .isEqualTo(200);
    int exchanges = authServer.tokenRequests("authorization_code");

    ApiClient.Response replayed = modeler.get(AuthorizationCodeFixture.callbackPath(callback));

    problem(replayed, 400, "state", "is unknown or was already used; start \"Connect\" again");
    assertThat(authServer.tokenRequests("authorization_code")).isEqualTo(exchanges);
  }

  @Test
  void anotherUserCannotCompleteSomeonesConnect() {
    String[] connection = developmentConnection();
    URI callback = oauth.authorize(oauth.start(modeler, connection[0], "DEVELOPMENT"));

    ApiClient.Response taken = other.get(AuthorizationCodeFixture.callbackPath(callback));

    problem(taken, 400, "state", "was issued to another user; start \"Connect\" yourself");
    assertThat(
            modeler
                .get("/api/connections/" + connection[0])
                .text("/environments/DEVELOPMENT/status"))
        .isEqualTo("NEEDS_AUTHORIZATION");
    assertThat(api.requests()).isEmpty();
  }

  @Test
  void aRefusalByTheUserOrServerIsReported() {
    String[] connection = developmentConnection();
    String authorizationUrl = oauth.start(modeler, connection[0], "DEVELOPMENT");
    String state =
        UriComponentsBuilder.fromUriString(authorizationUrl)
            .build()
            .getQueryParams()
            .getFirst("state");

    ApiClient.Response refused =
        modeler.get(OAuth2ConnectController.CALLBACK_PATH + "?error=access_denied&state=" + state);

    problem(
        refused,
        400,
        "error",
        "the authorization server did not authorise the connection: access_denied");
  }

  @Test
  void connectIsOnlyForAuthorizationCodeEnvironmentsWithCredentials() {
    String tag = ApiFixtures.tag();
    String integration = oauth.integration("ERP " + tag, api.baseUrl());
    String id =
        ApiFixtures.createConnection(modeler, integration, "erp " + tag, "ORGANIZATION")
            .text("/id");
    String basic = ApiFixtures.createBasicRestIntegration(admin, "Basic " + tag);
    String basicId =
        ApiFixtures.createConnection(modeler, basic, "basic " + tag, "ORGANIZATION").text("/id");

    problem(
        modeler.post("/api/connections/" + id + "/environments/QA/oauth2/authorize", null),
        409,
        "environment",
        "connection 'erp-"
            + tag
            + "' has no credentials for QA; save its client ID and secret first");
    problem(
        modeler.post("/api/connections/" + basicId + "/environments/QA/oauth2/authorize", null),
        400,
        "environment",
        "connection 'basic-"
            + tag
            + "' does not use the OAuth2 authorization code grant in QA; nothing to connect");
    problem(
        modeler.post("/api/connections/" + id + "/environments/MOON/oauth2/authorize", null),
        400,
        "environment",
        "must be one of [DEVELOPMENT, QA, STAGING, PRODUCTION]");
  }

  @Test
  void connectCanRedirectTheBrowserStraightAway() {
    String[] connection = developmentConnection();

    ApiClient.Response redirect =
        modeler.post(
            "/api/connections/"
                + connection[0]
                + "/environments/DEVELOPMENT/oauth2/authorize?redirect=true",
            null);

    assertThat(redirect.status()).isEqualTo(302);
    assertThat(redirect.location()).startsWith(authServer.authorizationEndpoint() + "?");
  }

  @Test
  void aBrowserIsSentBackToTheConnectionsPageWithTheOutcome() {
    String[] connection = developmentConnection();
    URI callback = oauth.authorize(oauth.start(modeler, connection[0], "DEVELOPMENT"));

    ApiClient.Response completed =
        modeler.get(AuthorizationCodeFixture.callbackPath(callback), BROWSER_ACCEPT);

    assertThat(completed.status()).as(completed.toString()).isEqualTo(303);
    assertThat(completed.location())
        .isEqualTo("/connections?connected=" + connection[0] + "&environment=DEVELOPMENT");
    assertThat(completed.body()).isEmpty();
    assertThat(
            modeler
                .get("/api/connections/" + connection[0])
                .text("/environments/DEVELOPMENT/oauth2/authorizedBy"))
        .isEqualTo("modeler");

    // the same callback again: used up, and the browser learns why by a fixed code only
    ApiClient.Response replayed =
        modeler.get(AuthorizationCodeFixture.callbackPath(callback), BROWSER_ACCEPT);
    assertThat(replayed.status()).isEqualTo(303);
    assertThat(replayed.location()).isEqualTo("/connections?connectError=state-unknown");
  }

  @Test
  void aBrowserLearnsWhyTheCallbackFailed() {
    String[] connection = developmentConnection();
    String state = stateOf(oauth.start(modeler, connection[0], "DEVELOPMENT"));
    String adminsState = stateOf(oauth.start(admin, connection[0], "DEVELOPMENT"));

    assertThat(
            modeler
                .get(
                    OAuth2ConnectController.CALLBACK_PATH
                        + "?error=access_denied&error_description=%3Cb%3Eno%3C%2Fb%3E&state="
                        + state,
                    BROWSER_ACCEPT)
                .location())
        .isEqualTo("/connections?connectError=denied");
    assertThat(
            modeler
                .get(
                    OAuth2ConnectController.CALLBACK_PATH + "?code=x&state=" + adminsState,
                    BROWSER_ACCEPT)
                .location())
        .isEqualTo("/connections?connectError=state-other-user");
    assertThat(
            modeler
                .get(OAuth2ConnectController.CALLBACK_PATH + "?code=x", BROWSER_ACCEPT)
                .location())
        .isEqualTo("/connections?connectError=state-missing");
    // an API client asking for JSON (or for anything) still gets the problem
    problem(
        modeler.get(
            OAuth2ConnectController.CALLBACK_PATH + "?code=x&state=forged", "application/json"),
        400,
        "state",
        "is unknown or was already used; start \"Connect\" again");
    problem(
        modeler.get(OAuth2ConnectController.CALLBACK_PATH + "?code=x&state=forged", "*/*"),
        400,
        "state",
        "is unknown or was already used; start \"Connect\" again");
  }

  private static final String BROWSER_ACCEPT =
      "text/html,application/xhtml+xml,application/xml;q=0.9,image/avif,image/webp,*/*;q=0.8";

  private static String stateOf(String authorizationUrl) {
    return UriComponentsBuilder.fromUriString(authorizationUrl)
        .build()
        .getQueryParams()
        .getFirst("state");
  }
}
