package dev.flowconnections.invalidation;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flowconnections.access.Actor;
import dev.flowconnections.access.Role;
import dev.flowconnections.connection.ConnectionDraft;
import dev.flowconnections.connection.ConnectionView;
import dev.flowconnections.connection.Visibility;
import dev.flowconnections.environment.Environment;
import dev.flowconnections.integration.Integration;
import dev.flowconnections.resolution.ResolutionInputsChanged;
import dev.flowconnections.scope.RuntimeCaller;
import dev.flowconnections.secret.OrgSecretService;
import dev.flowconnections.testsupport.DatabaseTest;
import dev.flowconnections.testsupport.IntegrationDrafts;
import dev.flowconnections.testsupport.RuntimeInstance;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Two runtime instances with their own pools and caches: A is this test's application context, B is
 * built by hand and listens on its own connection. Every test works in its own organization, so
 * notifications of other tests (or other JVMs on the same database) cannot evict for it.
 */
class LiveInvalidationTest extends DatabaseTest {

  private static final Duration WITHIN = Duration.ofSeconds(1);

  @Autowired OrgSecretService secrets;

  private final String org = "org-" + UUID.randomUUID();
  private final Actor orgAdmin = new Actor("admin", org, Set.of(Role.ADMIN));
  private RuntimeInstance instanceB;

  @BeforeEach
  void startInstanceB() {
    instanceB = RuntimeInstance.listening();
    awaitListening(instanceB, 1);
  }

  @AfterEach
  void stopInstanceB() {
    instanceB.close();
  }

  @Test
  void aCredentialChangeThroughInstanceAIsSeenByInstanceBWithinASecond() {
    ConnectionView c = connection();
    putToken(c, "token-v1");
    assertThat(cachedTokenAtB(c)).isEqualTo("token-v1");

    try (RuntimeInstance deaf = RuntimeInstance.deaf()) {
      assertThat(tokenAt(deaf, c)).isEqualTo("token-v1");
      putToken(c, "token-v2");

      long took = millisUntil(() -> tokenAtB(c), "token-v2");
      assertThat(took).isLessThan(WITHIN.toMillis());
      // the control: an instance that does not listen keeps its cached value until its TTL
      assertThat(tokenAt(deaf, c)).isEqualTo("token-v1");
    }
  }

  @Test
  void anOrgSecretChangeThroughInstanceAIsSeenByInstanceB() {
    String secretKey = "API_" + System.nanoTime();
    secrets.put(orgAdmin, secretKey, "secret-v1");
    ConnectionView c = connection();
    putToken(c, "@@SECRET:" + secretKey + "@@");
    assertThat(tokenAtB(c)).isEqualTo("secret-v1");

    secrets.put(orgAdmin, secretKey, "secret-v2");

    assertThat(millisUntil(() -> tokenAtB(c), "secret-v2")).isLessThan(WITHIN.toMillis());
  }

  @Test
  void aChangeInAnotherOrganizationLeavesInstanceBsEntriesAlone() {
    ConnectionView c = connection();
    putToken(c, "token-v1");
    cachedTokenAtB(c);
    ConnectionView elsewhere = connection(modeler, bearerIntegration(), Visibility.ORGANIZATION);

    putCredentials(modeler, elsewhere, Environment.PRODUCTION, Map.of("token", "x"));
    awaitBHandledEveryChangeSoFar();

    assertThat(instanceB.resolver.size()).isEqualTo(1);
  }

  @Test
  void afterTheListenersBackendIsKilledItReconnectsClearsTheCacheAndStillHearsChanges()
      throws Exception {
    ConnectionView c = connection();
    putToken(c, "token-v1");
    assertThat(cachedTokenAtB(c)).isEqualTo("token-v1");
    int killedPid = instanceB.listener.backendPid();

    instanceB
        .jdbc
        .sql("select pg_terminate_backend(:pid)")
        .param("pid", killedPid)
        .query()
        .singleValue();

    awaitListening(instanceB, 2);
    assertThat(instanceB.listener.backendPid()).isNotEqualTo(killedPid).isPositive();
    // a change made while it was down would have gone unheard: everything cached was dropped
    assertThat(instanceB.resolver.size()).isZero();
    assertThat(tokenAtB(c)).isEqualTo("token-v1");

    putToken(c, "token-v2");

    assertThat(millisUntil(() -> tokenAtB(c), "token-v2")).isLessThan(WITHIN.toMillis());
  }

  private ConnectionView connection() {
    Integration integration =
        integrations.create(orgAdmin, IntegrationDrafts.bearerRest(unique("REST")));
    return connections.create(
        orgAdmin,
        new ConnectionDraft(integration.id(), unique("Conn"), null, Visibility.ORGANIZATION, null));
  }

  private void putToken(ConnectionView c, String token) {
    putCredentials(orgAdmin, c, Environment.PRODUCTION, Map.of("token", token));
  }

  /**
   * Notifications arrive in commit order: once B has handled a marker sent now, it has handled
   * every change committed before it.
   */
  private void awaitBHandledEveryChangeSoFar() {
    String marker = "marker-" + UUID.randomUUID();
    new ChangeNotifier(instanceB.jdbc, new ChangeChannel(ChangeChannel.DEFAULT))
        .onChange(new ResolutionInputsChanged(marker));
    Awaitility.await("B handled " + marker)
        .atMost(Duration.ofSeconds(30))
        .until(() -> instanceB.organizationsHeard.contains(marker));
  }

  private String tokenAtB(ConnectionView c) {
    return tokenAt(instanceB, c);
  }

  /** The PRODUCTION token of {@code c} as {@code instance} resolves it (cached or not). */
  private String tokenAt(RuntimeInstance instance, ConnectionView c) {
    return instance
        .resolver
        .resolve(org, c.connection().key(), Environment.PRODUCTION, RuntimeCaller.UNKNOWN_PROCESS)
        .requireText("token");
  }

  /**
   * Resolves at B until the result stays cached: a resolution overlapping the notification of the
   * preceding change is answered but deliberately not kept.
   */
  private String cachedTokenAtB(ConnectionView c) {
    return Awaitility.await("B keeps the resolved connection")
        .atMost(Duration.ofSeconds(30))
        .pollDelay(Duration.ZERO)
        .pollInterval(Duration.ofMillis(20))
        .until(() -> tokenAtB(c), token -> instanceB.resolver.size() == 1);
  }

  /** Milliseconds from now until {@code value} shows the expected text; fails after 5 s. */
  private static long millisUntil(Supplier<String> value, String expected) {
    long start = System.nanoTime();
    Awaitility.await("'" + expected + "'")
        .atMost(Duration.ofSeconds(5))
        .pollDelay(Duration.ZERO)
        .pollInterval(Duration.ofMillis(5))
        .until(value::get, expected::equals);
    return Duration.ofNanos(System.nanoTime() - start).toMillis();
  }

  private static void awaitListening(RuntimeInstance instance, long connects) {
    Awaitility.await("listener connected (" + connects + ")")
        .atMost(Duration.ofSeconds(60))
        .pollDelay(Duration.ZERO)
        .pollInterval(Duration.ofMillis(10))
        .until(
            () -> instance.listener.connects() >= connects && instance.listener.backendPid() >= 0);
  }
}
