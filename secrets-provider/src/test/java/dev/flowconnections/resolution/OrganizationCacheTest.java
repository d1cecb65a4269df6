package dev.flowconnections.resolution;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flowconnections.metrics.ResolutionMetrics;
import dev.flowconnections.scope.RuntimeCaller;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** The cache both resolution caches are built on, through the org secret one. */
@Tag("fast")
class OrganizationCacheTest {

  private final SimpleMeterRegistry meters = new SimpleMeterRegistry();

  @Test
  void aReadRunningWhileTheOrganizationIsEvictedIsAnsweredButNotKept() throws Exception {
    CountDownLatch reading = new CountDownLatch(1);
    CountDownLatch evicted = new CountDownLatch(1);
    CachingOrgSecretValues values =
        new CachingOrgSecretValues(
            (org, key, caller) -> {
              reading.countDown();
              await(evicted);
              return Optional.of("old-value");
            },
            Duration.ofMinutes(10),
            100,
            ResolutionMetrics.none());

    CompletableFuture<Optional<String>> job =
        CompletableFuture.supplyAsync(
            () -> values.value("org", "KEY", RuntimeCaller.UNKNOWN_PROCESS));
    await(reading);
    values.evictOrganization("org");
    evicted.countDown();

    assertThat(job.get(30, TimeUnit.SECONDS)).contains("old-value");
    assertThat(values.size()).isZero();
  }

  @Test
  void aFailureIsNotCached() {
    AtomicInteger calls = new AtomicInteger();
    CachingOrgSecretValues values =
        new CachingOrgSecretValues(
            (org, key, caller) -> {
              if (calls.incrementAndGet() == 1) {
                throw new IllegalStateException("database down");
              }
              return Optional.of("value");
            },
            Duration.ofMinutes(10),
            100,
            ResolutionMetrics.none());

    try {
      values.value("org", "KEY", RuntimeCaller.UNKNOWN_PROCESS);
    } catch (IllegalStateException expected) {
      // the first read fails
    }

    assertThat(values.size()).isZero();
    assertThat(values.value("org", "KEY", RuntimeCaller.UNKNOWN_PROCESS)).contains("value");
    assertThat(values.value("org", "KEY", RuntimeCaller.UNKNOWN_PROCESS)).contains("value");
    assertThat(calls).hasValue(2);
  }

  @Test
  void beyondItsSizeEntriesAreEvictedAndCounted() {
    CachingOrgSecretValues values =
        new CachingOrgSecretValues(
            (org, key, caller) -> Optional.of("v-" + key),
            Duration.ofMinutes(10),
            3,
            new ResolutionMetrics(meters));

    for (int i = 0; i < 10; i++) {
      values.value("org", "KEY_" + i, RuntimeCaller.UNKNOWN_PROCESS);
    }

    assertThat(values.size()).isEqualTo(3);
    assertThat(evictions("size")).isEqualTo(7);
    assertThat(entries()).isEqualTo(3);

    values.evictOrganization("org");

    assertThat(evictions("explicit")).isEqualTo(3);
    assertThat(entries()).isZero();
  }

  @Test
  void theConnectionCacheIsCountedUnderItsOwnName() {
    CachingConnectionResolver resolver =
        new CachingConnectionResolver(
            (org, key, env, caller) -> {
              throw new IllegalStateException("not needed");
            },
            Duration.ofMinutes(10),
            3,
            new ResolutionMetrics(meters));

    resolver.evictAll();

    assertThat(
            meters
                .get(ResolutionMetrics.CACHE_ENTRIES)
                .tag("cache", CachingConnectionResolver.CACHE_NAME)
                .gauge()
                .value())
        .isZero();
  }

  private double evictions(String cause) {
    return meters
        .get(ResolutionMetrics.CACHE_EVICTIONS)
        .tag("cache", CachingOrgSecretValues.CACHE_NAME)
        .tag("cause", cause)
        .counter()
        .count();
  }

  private double entries() {
    return meters
        .get(ResolutionMetrics.CACHE_ENTRIES)
        .tag("cache", CachingOrgSecretValues.CACHE_NAME)
        .gauge()
        .value();
  }

  private static void await(CountDownLatch latch) {
    try {
      assertThat(latch.await(30, TimeUnit.SECONDS)).isTrue();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    }
  }
}
