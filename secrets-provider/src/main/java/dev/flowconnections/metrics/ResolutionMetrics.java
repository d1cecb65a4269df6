package dev.flowconnections.metrics;

import dev.flowconnections.credential.CredentialStoreUnavailableException;
import dev.flowconnections.resolution.ConnectionResolutionException;
import dev.flowconnections.scope.ProcessScopeException;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.composite.CompositeMeterRegistry;

/**
 * Counts connection resolutions by organization and outcome, and resolution cache hits and misses
 * (names in docs/deploy.md, Metrics). Tags are bounded: never a connection key, never a value.
 */
public final class ResolutionMetrics {

  public static final String RESOLUTIONS = "flow.connections.resolutions";
  public static final String CACHE = "flow.connections.resolution.cache";

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
