package dev.flowconnections.metrics;

import com.github.benmanes.caffeine.cache.RemovalCause;
import dev.flowconnections.credential.CredentialStoreUnavailableException;
import dev.flowconnections.resolution.ConnectionResolutionException;
import dev.flowconnections.scope.ProcessScopeException;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.composite.CompositeMeterRegistry;
import java.util.Locale;
import java.util.function.ToDoubleFunction;

/**
 * Counts connection resolutions by organization and outcome, resolution cache hits and misses, and
 * the evictions and entries of the resolution caches (connections, org secrets) (names in
 * docs/deploy.md, Metrics). Tags are bounded: never a connection key, never a value.
 */
public final class ResolutionMetrics {

  public static final String RESOLUTIONS = "flow.connections.resolutions";
  public static final String CACHE = "flow.connections.resolution.cache";
  public static final String CACHE_EVICTIONS = "flow.connections.resolution.cache.evictions";
  public static final String CACHE_ENTRIES = "flow.connections.resolution.cache.entries";

  private final MeterRegistry registry;

  public ResolutionMetrics(MeterRegistry registry) {
    this.registry = registry;
  }

  /** Records nothing (a composite registry without members). */
  public static ResolutionMetrics none() {
    return new ResolutionMetrics(new CompositeMeterRegistry());
  }

  public void resolved(String organizationId) {
    count(organizationId, "resolved");
  }

  public void failed(String organizationId, RuntimeException failure) {
    count(organizationId, outcome(failure));
  }

  public void cache(boolean hit) {
    Counter.builder(CACHE)
        .description("Connection resolutions answered from the cache (hit) or resolved anew (miss)")
        .tag("result", hit ? "hit" : "miss")
        .register(registry)
        .increment();
  }

  /** An entry left a resolution cache ({@code cache}: its name) for {@code cause}. */
  public void cacheEviction(String cache, RemovalCause cause) {
    Counter.builder(CACHE_EVICTIONS)
        .description(
            "Entries dropped from a resolution cache: size (bound reached), expired (TTL),"
                + " explicit (a change, or a load overtaken by one)")
        .tag("cache", cache)
        .tag("cause", cause.name().toLowerCase(Locale.ROOT))
        .register(registry)
        .increment();
  }

  /** Gauges the entries of a resolution cache ({@code cache}: its name). */
  public <T> void cacheEntries(String cache, T state, ToDoubleFunction<T> entries) {
    Gauge.builder(CACHE_ENTRIES, state, entries)
        .description("Entries held by a resolution cache (estimate)")
        .tag("cache", cache)
        .strongReference(true)
        .register(registry);
  }

  /** The outcome tag of a failed resolution. */
  static String outcome(RuntimeException failure) {
    // ProcessScopeException is a ConnectionResolutionException: test it first
    if (failure instanceof ProcessScopeException) {
      return "refused";
    }
    if (failure instanceof CredentialStoreUnavailableException) {
      return "store_unavailable";
    }
    if (failure instanceof ConnectionResolutionException e) {
      return switch (e.reason()) {
        case NOT_FOUND -> "not_found";
        case NO_CREDENTIALS -> "no_credentials";
        case UNUSABLE -> "unusable";
      };
    }
    return "error";
  }

  private void count(String organizationId, String outcome) {
    Counter.builder(RESOLUTIONS)
        .description("Connection resolutions by organization and outcome")
        .tag("organization", organizationId)
        .tag("outcome", outcome)
        .register(registry)
        .increment();
  }
}
