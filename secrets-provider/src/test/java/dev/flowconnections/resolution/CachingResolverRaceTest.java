package dev.flowconnections.resolution;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flowconnections.credential.SecretValues;
import dev.flowconnections.environment.Environment;
import dev.flowconnections.integration.AuthScheme;
import dev.flowconnections.integration.IntegrationType;
import dev.flowconnections.scope.RuntimeCaller;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * A resolution that overlaps an eviction may have read the old data, so it must not stay cached.
 */
@Tag("fast")
class CachingResolverRaceTest {

  @Test
  void aResolutionRunningWhileTheOrganizationIsEvictedIsAnsweredButNotKept() throws Exception {
    CountDownLatch reading = new CountDownLatch(1);
    CountDownLatch evicted = new CountDownLatch(1);
    CachingConnectionResolver resolver =
        new CachingConnectionResolver(
            (org, key, env, caller) -> {
              reading.countDown();
              await(evicted);
              return resolved(key);
            },
            Duration.ofMinutes(10),
            100);

    CompletableFuture<ResolvedConnection> job =
        CompletableFuture.supplyAsync(
            () ->
                resolver.resolve(
                    "org", "crm", Environment.PRODUCTION, RuntimeCaller.UNKNOWN_PROCESS));
    await(reading);
    resolver.evictOrganization("org");
    evicted.countDown();

    assertThat(job.get(30, TimeUnit.SECONDS).key()).isEqualTo("crm");
    assertThat(resolver.size()).isZero();
  }

  @Test
  void withoutAnEvictionTheResultIsKept() {
    CachingConnectionResolver resolver =
        new CachingConnectionResolver(
            (org, key, env, caller) -> resolved(key), Duration.ofMinutes(10), 100);

    ResolvedConnection first =
        resolver.resolve("org", "crm", Environment.PRODUCTION, RuntimeCaller.UNKNOWN_PROCESS);

    assertThat(resolver.size()).isEqualTo(1);
    assertThat(
            resolver.resolve("org", "crm", Environment.PRODUCTION, RuntimeCaller.UNKNOWN_PROCESS))
        .isSameAs(first);
  }

  private static ResolvedConnection resolved(String key) {
    return new ResolvedConnection(
        key,
        "CRM",
        IntegrationType.REST_API,
        AuthScheme.BEARER,
        Environment.PRODUCTION,
        Map.of(),
        SecretValues.empty());
  }

  private static void await(CountDownLatch latch) {
    try {
      assertThat(latch.await(30, TimeUnit.SECONDS)).isTrue();
    } catch (InterruptedException e) {
      throw new IllegalStateException(e);
    }
  }
}
