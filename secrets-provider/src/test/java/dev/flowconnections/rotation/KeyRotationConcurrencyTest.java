package dev.flowconnections.rotation;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flowconnections.credential.CredentialLocation;
import dev.flowconnections.credential.SecretValues;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * Rotation under load: readers read every credential in a loop and a writer keeps replacing some,
 * all while the batches re-seal. Nothing may become unreadable and no write may be lost.
 */
class KeyRotationConcurrencyTest extends RotationTestBase {

  @Test
  void everyCredentialStaysReadableAndNoWriteIsLostWhileTheRotationRuns() throws Exception {
    Map<CredentialLocation, String> initial = credentialsUnderK1(110); // 220 rows under k1
    List<CredentialLocation> all = new ArrayList<>(initial.keySet());
    List<CredentialLocation> written = all.subList(0, 60);
    // every value a location ever had: a reader may see any of them, never anything else
    Map<CredentialLocation, Set<String>> history = new ConcurrentHashMap<>();
    Map<CredentialLocation, String> latest = new ConcurrentHashMap<>(initial);
    initial.forEach((location, token) -> history.put(location, ConcurrentHashMap.newKeySet()));
    initial.forEach((location, token) -> history.get(location).add(token));
    assertThat(rowsUnder("k1")).isEqualTo(220);

    AtomicBoolean rotating = new AtomicBoolean(true);
    List<String> failures = new CopyOnWriteArrayList<>();
    AtomicInteger fullPassesDuringRotation = new AtomicInteger();
    AtomicInteger writes = new AtomicInteger();
    ExecutorService threads = Executors.newFixedThreadPool(3);
    List<Future<?>> load = new ArrayList<>();
    for (int r = 0; r < 2; r++) {
      load.add(
          threads.submit(
              () -> {
                while (rotating.get()) {
                  for (CredentialLocation location : all) {
                    try {
                      String token = token(location);
                      if (!history.get(location).contains(token)) {
                        failures.add("unexpected value at " + location.connectionId());
                      }
                    } catch (RuntimeException e) {
                      failures.add(
                          "read failed at " + location.connectionId() + ": " + e.getMessage());
                    }
                  }
                  if (rotating.get()) {
                    fullPassesDuringRotation.incrementAndGet();
                  }
                }
              }));
    }
    load.add(
        threads.submit(
            () -> {
              int n = 0;
              while (rotating.get()) {
                CredentialLocation location =
                    written.get(ThreadLocalRandom.current().nextInt(written.size()));
                String token = "written-" + n++;
                history.get(location).add(token);
                try {
                  tx.executeWithoutResult(
                      s -> store.write(location, SecretValues.of(Map.of("token", token))));
                  latest.put(location, token);
                  writes.incrementAndGet();
                } catch (RuntimeException e) {
                  failures.add(
                      "write failed at " + location.connectionId() + ": " + e.getMessage());
                }
              }
            }));

    rotation.start(superAdmin);
    rotation.awaitIdle(Duration.ofSeconds(90));
    rotating.set(false);
    for (Future<?> f : load) {
      f.get();
    }
    threads.shutdown();

    assertThat(failures).isEmpty();
    assertThat(fullPassesDuringRotation.get())
        .as("readers read everything while re-sealing")
        .isPositive();
    assertThat(writes.get()).as("writes raced the batches").isGreaterThan(20);
    for (CredentialLocation location : all) {
      assertThat(token(location)).as("latest write survives").isEqualTo(latest.get(location));
    }
    RotationStatus status = rotation.status();
    assertThat(status.state()).isEqualTo(RotationState.COMPLETED);
    assertThat(rowsUnder("k1")).isZero();
    assertThat(rowsUnder("k2")).isGreaterThanOrEqualTo(220);
    // re-sealed by the batches: every k1 row except those a concurrent write replaced first
    KeyProgress k1 =
        status.keys().stream().filter(k -> k.keyId().equals("k1")).findFirst().orElseThrow();
    assertThat(k1.done()).isBetween(220L - writes.get(), 220L);
    assertThat(k1.remaining()).isZero();
    assertThat(k1.total()).isEqualTo(k1.done());
    assertThat(status.removableKeyIds()).containsExactly("k1");
  }
}
