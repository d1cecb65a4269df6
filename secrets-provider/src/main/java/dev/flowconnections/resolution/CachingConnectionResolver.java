package dev.flowconnections.resolution;

import dev.flowconnections.environment.Environment;
import dev.flowconnections.metrics.ResolutionMetrics;
import dev.flowconnections.scope.RuntimeCaller;
import java.time.Duration;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Keeps resolved connections briefly so a busy worker does not decrypt on every job. Any change
 * made through this instance drops the organization's entries once its transaction commits; changes
 * made through other instances arrive through the change listener (PostgreSQL LISTEN/NOTIFY) and do
 * the same. The TTL is the backstop should a notification be lost. Failures (process scope refusals
 * included) are not cached, and an entry serves only the caller it was resolved for.
 */
public class CachingConnectionResolver implements ConnectionResolver {

  /** The {@code cache} tag of its metrics. */
  public static final String CACHE_NAME = "connections";

  private final ConnectionResolver delegate;
  private final OrganizationCache<CacheKey, ResolvedConnection> cache;
  private final ResolutionMetrics metrics;

  public CachingConnectionResolver(
      ConnectionResolver delegate, Duration timeToLive, long maximumSize) {
    this(delegate, timeToLive, maximumSize, ResolutionMetrics.none());
  }

  public CachingConnectionResolver(
      ConnectionResolver delegate,
      Duration timeToLive,
      long maximumSize,
      ResolutionMetrics metrics) {
    this.delegate = delegate;
    this.metrics = metrics;
    this.cache = new OrganizationCache<>(CACHE_NAME, timeToLive, maximumSize, metrics);
  }

  @Override
  public ResolvedConnection resolve(
      String organizationId, String connectionKey, Environment environment, RuntimeCaller caller) {
    // the caller is part of the key: an entry answers only the process it was resolved (and
    // checked) for
    CacheKey key = new CacheKey(organizationId, connectionKey, environment, caller);
    OrganizationCache.Lookup<ResolvedConnection> lookup;
    try {
      lookup =
          cache.get(
              key, () -> delegate.resolve(organizationId, connectionKey, environment, caller));
    } catch (RuntimeException e) {
      metrics.cache(false); // failures are never cached
      metrics.failed(organizationId, e);
      throw e;
    }
    metrics.cache(!lookup.loaded());
    metrics.resolved(organizationId);
    return lookup.value();
  }

  /** Runs after commit, or at once when the change happened outside a transaction. */
  @TransactionalEventListener(fallbackExecution = true)
  public void onChange(ResolutionInputsChanged change) {
    evictOrganization(change.organizationId());
  }

  /** Drops the organization's entries. */
  public void evictOrganization(String organizationId) {
    cache.evictOrganization(organizationId);
  }

  /** Drops everything, e.g. when changes may have gone unheard. */
  public void evictAll() {
    cache.evictAll();
  }

  public long size() {
    return cache.size();
  }

  private record CacheKey(
      String organizationId, String connectionKey, Environment environment, RuntimeCaller caller)
      implements OrganizationCache.Key {}
}
