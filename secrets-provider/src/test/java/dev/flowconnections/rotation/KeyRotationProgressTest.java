package dev.flowconnections.rotation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.flowconnections.access.AccessDeniedException;
import dev.flowconnections.access.Actor;
import dev.flowconnections.access.Role;
import dev.flowconnections.credential.CredentialLocation;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

/** What the status reports while and after a run, and that a stopped run is picked up again. */
class KeyRotationProgressTest extends RotationTestBase {

  @Test
  void progressAddsUpAtEveryMomentAndEndsWithAllRowsDone() throws Exception {
    Map<CredentialLocation, String> values = credentialsUnderK1(30); // 60 rows
    beforeTheKeyChange.orgSecrets.put(
        "default",
        "PROGRESS_" + System.nanoTime(),
        "org-secret-value",
        java.time.Instant.now(),
        "admin");

    RotationStatus before = rotation.status();
    assertThat(keyK1(before).remaining()).isEqualTo(61);
    assertThat(keyK1(before).removable()).isFalse();

    rotation.start(superAdmin);
    List<RotationStatus> seen = new ArrayList<>();
    RotationStatus status =
        Awaitility.await("the run ends")
            .atMost(Duration.ofMinutes(2))
            .pollDelay(Duration.ZERO)
            .pollInterval(Duration.ofMillis(15))
            .until(
                () -> {
                  RotationStatus now = rotation.status();
                  seen.add(now);
                  return now;
                },
                now -> now.state() != RotationState.RUNNING);

    assertThat(seen).hasSizeGreaterThan(2);
    long previousDone = -1;
    for (RotationStatus s : seen) {
      assertThat(s.total()).isEqualTo(61);
      assertThat(s.done() + s.remaining()).isEqualTo(61);
      assertThat(s.done()).isGreaterThanOrEqualTo(previousDone);
      previousDone = s.done();
    }
    assertThat(seen).anySatisfy(s -> assertThat(s.done()).isBetween(1L, 60L));
    assertThat(status.state()).isEqualTo(RotationState.COMPLETED);
    assertThat(status.done()).isEqualTo(61);
    assertThat(status.remaining()).isZero();
    assertThat(status.removableKeyIds()).containsExactly("k1");
    assertThat(status.message())
        .contains("remove them from flow-connections.encryption.previous-keys");
    values.forEach((location, token) -> assertThat(token(location)).isEqualTo(token));
  }

  @Test
  void aRunStoppedByARestartIsResumedByTheNextInstanceAndCountsOn() throws Exception {
    credentialsUnderK1(40); // 80 rows
    KeyRotationService stopped = anotherInstancesRotation(5, Duration.ofMillis(30));
    stopped.start(superAdmin);
    Awaitility.await("10 rows done")
        .atMost(Duration.ofMinutes(1))
        .pollDelay(Duration.ZERO)
        .pollInterval(Duration.ofMillis(10))
        .until(() -> stopped.status().done() >= 10);
    stopped.close(); // the instance goes away mid-run

    RotationStatus halfway = rotation.status();
    assertThat(halfway.state()).isEqualTo(RotationState.RUNNING);
    assertThat(halfway.remaining()).isPositive();
    long runStartedAt = halfway.startedAt().toEpochMilli();

    KeyRotationService restarted = anotherInstancesRotation(10, Duration.ZERO);
    try {
      restarted.resumeInterrupted();
      restarted.awaitIdle(Duration.ofSeconds(60));
    } finally {
      restarted.close();
    }

    RotationStatus done = rotation.status();
    assertThat(done.state()).isEqualTo(RotationState.COMPLETED);
    assertThat(done.startedAt().toEpochMilli()).as("the same run").isEqualTo(runStartedAt);
    assertThat(done.done()).isEqualTo(80);
    assertThat(done.remaining()).isZero();
  }

  @Test
  void onlySuperAdministratorsMayStartOrWatchARotation() {
    // the master key is shared by all organizations, so an organization's admin may not rotate it
    for (Actor denied :
        List.of(
            new Actor("modeler", "default", Set.of(Role.USER)),
            new Actor("admin", "default", Set.of(Role.ADMIN)))) {
      assertThatThrownBy(() -> rotation.start(denied)).isInstanceOf(AccessDeniedException.class);
      assertThatThrownBy(() -> rotation.status(denied)).isInstanceOf(AccessDeniedException.class);
    }
  }

  private static KeyProgress keyK1(RotationStatus status) {
    return status.keys().stream().filter(k -> k.keyId().equals("k1")).findFirst().orElseThrow();
  }
}
