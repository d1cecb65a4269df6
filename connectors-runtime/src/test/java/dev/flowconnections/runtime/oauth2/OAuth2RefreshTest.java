package dev.flowconnections.runtime.oauth2;

import static dev.flowconnections.runtime.testsupport.OAuth2TestServer.KEEPING_CLIENT;
import static dev.flowconnections.runtime.testsupport.OAuth2TestServer.ROTATING_CLIENT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.flowconnections.credential.CredentialLocation;
import dev.flowconnections.credential.CredentialStore;
import dev.flowconnections.environment.Environment;
import dev.flowconnections.oauth2.OAuth2Grants;
import dev.flowconnections.oauth2.StoredTokens;
import dev.flowconnections.resolution.ConnectionResolver;
import dev.flowconnections.resolution.RuntimeEnvironment;
import dev.flowconnections.runtime.rest.RestFunction;
import dev.flowconnections.runtime.rest.RestService;
import dev.flowconnections.runtime.rest.auth.Authentications;
import dev.flowconnections.runtime.testsupport.ApiClient;
import dev.flowconnections.runtime.testsupport.ApiFixtures;
import dev.flowconnections.runtime.testsupport.OAuth2TestServer;
import dev.flowconnections.runtime.testsupport.RecordingHttpServer;
import dev.flowconnections.runtime.testsupport.WorkerTestContext;
import dev.flowconnections.scope.RuntimeCaller;
import io.camunda.connector.api.error.ConnectorInputException;
import io.camunda.connector.jackson.ConnectorsObjectMapperSupplier;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/**
 * Refreshing the tokens of authorization-code environments against the real authorization server,
 * with the real store. Runtimes whose clock runs {@link #LATER} ahead see the stored access token
 * (5 minutes) as expired, so each test refreshes without waiting.
 */
@ExtendWith(OutputCaptureExtension.class)
class OAuth2RefreshTest extends AuthorizationCodeTestBase {

  private static final Duration LATER = Duration.ofMinutes(10);
  private final RecordingHttpServer api = RecordingHttpServer.start();

  @Autowired private CredentialStore credentials;
  @Autowired private ConnectionResolver resolver;
  @Autowired private OAuth2Grants grants;
  @Autowired private TokenEndpointClient tokenEndpoint;
  @Autowired private RuntimeEnvironment runtime;

  @AfterEach
  void stopApi() {
    api.close();
  }

  /** Another runtime instance on the same database, whose clock is {@code ahead}. */
  private OAuth2AccessTokens runtimeLater(Duration ahead) {
    return new OAuth2AccessTokens(tokenEndpoint, grants, Clock.offset(Clock.systemUTC(), ahead));
  }

  private String[] connected(String clientId) {
    String tag = ApiFixtures.tag();
    String integration = oauth.integration("Calendar " + tag, api.baseUrl());
    String[] connection =
        oauth.connection(modeler, integration, "calendar " + tag, "DEVELOPMENT", clientId);
    ApiClient.Response connected = oauth.connect(modeler, connection[0], "DEVELOPMENT");
    assertThat(connected.status()).as(connected.toString()).isEqualTo(200);
    return connection;
  }

  private StoredTokens stored(String[] connection) {
    return StoredTokens.from(
            credentials
                .read(
                    new CredentialLocation(
                        "default",
                        UUID.fromString(connection[0]),
                        connection[1],
                        Environment.DEVELOPMENT))
                .orElseThrow())
        .orElseThrow();
  }

  private String tokenFor(OAuth2AccessTokens tokens, String[] connection) {
    return tokens.accessTokenFor(
        resolver.resolve("default", connection[1], Environment.DEVELOPMENT, RuntimeCaller.PERSON));
  }

  private int refreshes() {
    return authServer.tokenRequests("refresh_token");
  }

  @Test
  void aRotatedRefreshTokenIsStoredForTheNextRefresh() {
    String[] connection = connected(ROTATING_CLIENT);
    StoredTokens before = stored(connection);
    int refreshes = refreshes();

    OAuth2AccessTokens later = runtimeLater(LATER);
    String token = tokenFor(later, connection);

    StoredTokens after = stored(connection);
    assertThat(token).isNotEqualTo(before.accessToken()).isEqualTo(after.accessToken());
    assertThat(after.refreshToken()).isNotEqualTo(before.refreshToken());
    assertThat(authServer.isActive(ROTATING_CLIENT, after.refreshToken())).isTrue();
    assertThat(authServer.isActive(ROTATING_CLIENT, before.refreshToken())).isFalse();
    assertThat(refreshes()).isEqualTo(refreshes + 1);
    assertThat(tokenFor(later, connection)).as("cached").isEqualTo(token);
    assertThat(refreshes()).isEqualTo(refreshes + 1);

    // the stored rotated token works for the next refresh, even from yet another instance
    String next = tokenFor(runtimeLater(LATER.multipliedBy(2)), connection);
    assertThat(next).isNotEqualTo(token);
    assertThat(authServer.isActive(ROTATING_CLIENT, next)).isTrue();
  }

  @Test
  void withoutANewRefreshTokenTheOldOneIsKept() {
    String[] connection = connected(KEEPING_CLIENT);
    StoredTokens before = stored(connection);

    String token = tokenFor(runtimeLater(LATER), connection);

    StoredTokens after = stored(connection);
    assertThat(token).isNotEqualTo(before.accessToken()).isEqualTo(after.accessToken());
    assertThat(after.refreshToken()).isEqualTo(before.refreshToken());
    String again = tokenFor(runtimeLater(LATER.multipliedBy(2)), connection);
    assertThat(again).isNotEqualTo(token);
    assertThat(authServer.isActive(KEEPING_CLIENT, again)).isTrue();
  }

  @Test
  void twoRuntimeInstancesRefreshingAtOnceSendOneRefreshAndKeepTheRotatedToken() throws Exception {
    String[] connection = connected(ROTATING_CLIENT);
    OAuth2AccessTokens first = runtimeLater(LATER);
    OAuth2AccessTokens second = runtimeLater(LATER);
    int refreshes = refreshes();
    CountDownLatch start = new CountDownLatch(1);

    CompletableFuture<String> a =
        CompletableFuture.supplyAsync(
            () -> {
              await(start);
              return tokenFor(first, connection);
            });
    CompletableFuture<String> b =
        CompletableFuture.supplyAsync(
            () -> {
              await(start);
              return tokenFor(second, connection);
            });
    start.countDown();

    assertThat(a.get()).isEqualTo(b.get()).isEqualTo(stored(connection).accessToken());
    assertThat(refreshes()).isEqualTo(refreshes + 1);
    assertThat(authServer.isActive(ROTATING_CLIENT, stored(connection).refreshToken())).isTrue();
  }

  @Test
  void aRevokedRefreshTokenMarksTheEnvironmentAndJobsFailWithAClearIncident(CapturedOutput output) {
    String[] connection = connected(ROTATING_CLIENT);
    StoredTokens before = stored(connection);
    authServer.revoke(ROTATING_CLIENT, before.refreshToken());
    RestFunction worker =
        new RestFunction(
            new RestService(
                resolver,
                runtime,
                ConnectorsObjectMapperSupplier.getCopy(),
                new Authentications(runtimeLater(LATER))));
    Map<String, Object> job =
        Map.of("connection", connection[1], "method", "GET", "path", "/events");

    Throwable incident =
        catchThrowable(() -> worker.execute(new WorkerTestContext(RestFunction.TYPE, job)));

    assertThat(incident)
        .isInstanceOf(ConnectorInputException.class)
        .hasMessageStartingWith(
            "connection '" + connection[1] + "' needs re-authorisation in DEVELOPMENT: ")
        .hasMessageContaining("invalid_grant");
    ApiClient.Response read = modeler.get("/api/connections/" + connection[0]);
    assertThat(read.text("/environments/DEVELOPMENT/status")).isEqualTo("NEEDS_REAUTHORIZATION");
    assertThat(read.text("/environments/DEVELOPMENT/oauth2/reauthorizationReason"))
        .contains("invalid_grant");
    assertThat(api.requests()).isEmpty();

    // marked: the next job fails the same way without asking the server again
    int refreshes = refreshes();
    assertThat(catchThrowable(() -> worker.execute(new WorkerTestContext(RestFunction.TYPE, job))))
        .hasMessageStartingWith(
            "connection '" + connection[1] + "' needs re-authorisation in DEVELOPMENT: ");
    assertThat(refreshes()).isEqualTo(refreshes);

    for (String text : new String[] {incident.getMessage(), read.body(), output.getAll()}) {
      assertThat(text)
          .doesNotContain(before.refreshToken())
          .doesNotContain(before.accessToken())
          .doesNotContain(OAuth2TestServer.secretOf(ROTATING_CLIENT));
    }

    // connecting again clears the mark and jobs work again
    assertThat(oauth.connect(modeler, connection[0], "DEVELOPMENT").status()).isEqualTo(200);
    ApiClient.Response reconnected = modeler.get("/api/connections/" + connection[0]);
    assertThat(reconnected.text("/environments/DEVELOPMENT/status")).isEqualTo("CONFIGURED");
    assertThat(
            reconnected
                .json()
                .at("/environments/DEVELOPMENT/oauth2/reauthorizationReason")
                .isMissingNode())
        .isTrue();
    worker.execute(new WorkerTestContext(RestFunction.TYPE, job));
    assertThat(api.lastRequest().header("Authorization"))
        .isEqualTo("Bearer " + stored(connection).accessToken());
  }

  private static void await(CountDownLatch latch) {
    try {
      latch.await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
