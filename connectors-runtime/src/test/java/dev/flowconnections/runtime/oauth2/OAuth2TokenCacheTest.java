package dev.flowconnections.runtime.oauth2;

import static dev.flowconnections.runtime.testsupport.OAuth2TestServer.BASIC_CLIENT;
import static dev.flowconnections.runtime.testsupport.OAuth2TestServer.SHORT_CLIENT;
import static dev.flowconnections.runtime.testsupport.OAuth2TestServer.secretOf;
import static org.assertj.core.api.Assertions.assertThat;

import dev.flowconnections.credential.SecretValues;
import dev.flowconnections.environment.Environment;
import dev.flowconnections.integration.AuthScheme;
import dev.flowconnections.integration.IntegrationType;
import dev.flowconnections.resolution.ResolvedConnection;
import dev.flowconnections.runtime.testsupport.OAuth2TestServer;
import io.camunda.connector.jackson.ConnectorsObjectMapperSupplier;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;

/**
 * What {@link OAuth2AccessTokens} caches, for how long, and for whom; against a real authorization
 * server.
 */
class OAuth2TokenCacheTest {

  @AutoClose static final OAuth2TestServer AUTH_SERVER = OAuth2TestServer.forClientCredentials();
  private final OAuth2AccessTokens tokens =
      new OAuth2AccessTokens(
          new TokenEndpointClient(ConnectorsObjectMapperSupplier.getCopy()),
          null,
          Clock.systemUTC());

  static ResolvedConnection connection(
      OAuth2TestServer server,
      String organization,
      String key,
      Environment environment,
      String clientId,
      String secret) {
    return new ResolvedConnection(
        key,
        "Orders API",
        IntegrationType.REST_API,
        AuthScheme.OAUTH2,
        environment,
        OAuth2ClientCredentialsTest.settings(server, clientId, Map.of()),
        SecretValues.of(Map.of("clientSecret", secret)),
        organization);
  }

  private static ResolvedConnection orders(Environment environment) {
    return connection(
        AUTH_SERVER, "org-1", "orders", environment, SHORT_CLIENT, secretOf(SHORT_CLIENT));
  }

  private static ResolvedConnection longLived(
      String organization, String key, Environment environment) {
    return connection(
        AUTH_SERVER, organization, key, environment, BASIC_CLIENT, secretOf(BASIC_CLIENT));
  }

  private int tokenRequests() {
    return AUTH_SERVER.tokenRequests("client_credentials");
  }

  @Test
  void manyJobsNeedingATokenAtOnceCauseOneTokenRequest() throws Exception {
    ResolvedConnection connection = orders(Environment.QA);
    int before = tokenRequests();
    int jobs = 24;
    CountDownLatch start = new CountDownLatch(1);
    ExecutorService pool = Executors.newFixedThreadPool(jobs);
    try {
      List<Future<String>> results = new ArrayList<>();
      for (int i = 0; i < jobs; i++) {
        results.add(
            pool.submit(
                () -> {
                  start.await();
                  return tokens.accessTokenFor(connection);
                }));
      }
      start.countDown();
      Set<String> issued = new java.util.HashSet<>();
      for (Future<String> result : results) {
        issued.add(result.get());
      }

      assertThat(issued).hasSize(1);
      assertThat(tokenRequests()).isEqualTo(before + 1);
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void anExpiredTokenIsReplacedOnceForConcurrentJobs() throws Exception {
    ResolvedConnection connection = orders(Environment.STAGING);
    String first = tokens.accessTokenFor(connection);
    AUTH_SERVER.awaitExpired(SHORT_CLIENT, first);
    int before = tokenRequests();

    List<Thread> threads = new ArrayList<>();
    Set<String> issued = java.util.concurrent.ConcurrentHashMap.newKeySet();
    CountDownLatch start = new CountDownLatch(1);
    for (int i = 0; i < 12; i++) {
      Thread thread =
          new Thread(
              () -> {
                try {
                  start.await();
                  issued.add(tokens.accessTokenFor(connection));
                } catch (InterruptedException e) {
                  Thread.currentThread().interrupt();
                }
              });
      thread.start();
      threads.add(thread);
    }
    start.countDown();
    for (Thread thread : threads) {
      thread.join();
    }

    assertThat(issued).hasSize(1).doesNotContain(first);
    assertThat(tokenRequests()).isEqualTo(before + 1);
  }

  @Test
  void anotherEnvironmentOrConnectionNeverReusesAToken() {
    // same client and secret everywhere, 5-minute tokens: only the key can tell them apart
    String development =
        tokens.accessTokenFor(longLived("org-1", "orders", Environment.DEVELOPMENT));
    String production = tokens.accessTokenFor(longLived("org-1", "orders", Environment.PRODUCTION));
    String otherConnection =
        tokens.accessTokenFor(longLived("org-1", "invoices", Environment.DEVELOPMENT));
    String otherOrganization =
        tokens.accessTokenFor(longLived("org-2", "orders", Environment.DEVELOPMENT));

    assertThat(Set.of(development, production, otherConnection, otherOrganization)).hasSize(4);
    assertThat(tokens.accessTokenFor(longLived("org-1", "orders", Environment.DEVELOPMENT)))
        .isEqualTo(development);
  }

  @Test
  void changedCredentialsGetANewTokenAtOnce() {
    ResolvedConnection before =
        connection(
            AUTH_SERVER, "org-1", "crm", Environment.QA, BASIC_CLIENT, secretOf(BASIC_CLIENT));
    String first = tokens.accessTokenFor(before);
    int requests = tokenRequests();

    ResolvedConnection narrowed =
        new ResolvedConnection(
            before.key(),
            before.integrationName(),
            before.type(),
            before.authScheme(),
            before.environment(),
            OAuth2ClientCredentialsTest.settings(
                AUTH_SERVER, BASIC_CLIENT, Map.of("audience", "crm")),
            before.secrets(),
            before.organizationId());
    String second = tokens.accessTokenFor(narrowed);

    assertThat(second).isNotEqualTo(first);
    assertThat(tokenRequests()).isEqualTo(requests + 1);
  }
}
