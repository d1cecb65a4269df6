package dev.flowconnections.resolution;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.flowconnections.access.Actor;
import dev.flowconnections.access.Role;
import dev.flowconnections.scope.ProcessScopeException;
import dev.flowconnections.scope.RuntimeCaller;
import dev.flowconnections.secret.OrgSecretService;
import dev.flowconnections.testsupport.DatabaseTest;
import dev.flowconnections.testsupport.RuntimeInstance;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Org secret values are cached like resolved connections: a change is seen at once by the instance
 * that made it and, through the change notification, by other instances; refusals are not cached.
 * Every test works in its own organization.
 */
class OrgSecretCacheTest extends DatabaseTest {

  private static final RuntimeCaller CALLER = RuntimeCaller.process("invoice-process");

  @Autowired CachingOrgSecretValues values;
  @Autowired OrgSecretService secrets;

  private final String org = "org-" + UUID.randomUUID();
  private final Actor orgAdmin = new Actor("admin", org, Set.of(Role.ADMIN));
  private final String key = "API_" + System.nanoTime();

  @Test
  void aChangedSecretIsReadAnewByTheSameInstance() {
    secrets.put(orgAdmin, key, "secret-v1");
    assertThat(values.value(org, key, CALLER)).contains("secret-v1");
    assertThat(values.value(org, key, CALLER)).contains("secret-v1");

    secrets.put(orgAdmin, key, "secret-v2");

    assertThat(values.value(org, key, CALLER)).contains("secret-v2");
  }

  @Test
  void aSecretCreatedAfterItWasMissingIsSeen() {
    assertThat(values.value(org, key, CALLER)).isEmpty();

    secrets.put(orgAdmin, key, "secret-v1");

    assertThat(values.value(org, key, CALLER)).contains("secret-v1");
  }

  @Test
  void aChangeThroughThisInstanceIsSeenByAnotherThroughTheNotification() {
    secrets.put(orgAdmin, key, "secret-v1");
    try (RuntimeInstance listening = RuntimeInstance.listening();
        RuntimeInstance deaf = RuntimeInstance.deaf()) {
      Awaitility.await("listener connected")
          .atMost(Duration.ofSeconds(60))
          .until(() -> listening.listener.connects() >= 1 && listening.listener.backendPid() >= 0);
      // read until kept: a read overlapping the notification of the put above is not kept
      Awaitility.await("kept")
          .atMost(Duration.ofSeconds(30))
          .until(
              () -> listening.orgSecretValues.value(org, key, CALLER),
              v -> listening.orgSecretValues.size() == 1);
      assertThat(deaf.orgSecretValues.value(org, key, CALLER)).contains("secret-v1");

      secrets.put(orgAdmin, key, "secret-v2");

      Awaitility.await("the other instance reads the new value")
          .atMost(Duration.ofSeconds(5))
          .pollDelay(Duration.ZERO)
          .until(
              () -> listening.orgSecretValues.value(org, key, CALLER).orElseThrow(),
              "secret-v2"::equals);
      // the control: an instance that does not listen keeps its cached value until its TTL
      assertThat(deaf.orgSecretValues.value(org, key, CALLER)).contains("secret-v1");
    }
  }

  @Test
  void aRefusalIsNotCachedAndAnEntryAnswersOnlyItsCaller() {
    secrets.put(orgAdmin, key, "secret-v1", List.of("invoice-process"));
    RuntimeCaller other = RuntimeCaller.process("other-process");
    long before = values.size();

    assertThatThrownBy(() -> values.value(org, key, other))
        .isInstanceOf(ProcessScopeException.class);
    assertThat(values.size()).isEqualTo(before);
    assertThat(values.value(org, key, CALLER)).contains("secret-v1");
    assertThat(values.size()).isEqualTo(before + 1);
    // the allowed caller's entry does not answer another caller
    assertThatThrownBy(() -> values.value(org, key, other))
        .isInstanceOf(ProcessScopeException.class);

    // allowing the other process is a change: it is seen at once
    secrets.put(orgAdmin, key, null, List.of("invoice-process", "other-process"));
    assertThat(values.value(org, key, other)).contains("secret-v1");
  }
}
