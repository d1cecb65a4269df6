package dev.flowconnections.resolution;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.flowconnections.environment.Environment;
import dev.flowconnections.metrics.ResolutionMetrics;
import dev.flowconnections.scope.RuntimeCaller;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Keeps resolved connections briefly so a busy worker does not decrypt on every job. Any change
 * made through this instance drops the organization's entries once its transaction commits; changes
 * made through other instances arrive through the change listener (PostgreSQL LISTEN/NOTIFY) and do
 * the same. The TTL is the backstop should a notification be lost. Failures (process scope refusals
 * included) are not cached, and an entry serves only the caller it was resolved for.
 */
public class CachingConnectionResolver implements ConnectionResolver {

  private final ConnectionResolver delegate;
  private final Cache<CacheKey, ResolvedConnection> cache;
  // Bumped before every eviction: a resolution that started before it must not stay cached, since
  // it may have read the data as it was before the change.
  private final AtomicLong evictions = new AtomicLong();
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
    this.cache =
        Caffeine.newBuilder().expireAfterWrite(timeToLive).maximumSize(maximumSize).build();
  }

  @Override
  public ResolvedConnection resolve(
      String organizationId, String connectionKey, Environment environment, RuntimeCaller caller) {
    long evictionsBefore = evictions.get();
    // the caller is part of the key: an entry answers only the process it was resolved (and
    // checked) for
    CacheKey key = new CacheKey(organizationId, connectionKey, environment, caller);
    // a miss is a call that ran the resolution itself; one that waited for another thread's is a
    // hit
    boolean[] resolvedAnew = {false};
    ResolvedConnection resolved;
    try {
      resolved =
          cache.get(
              key,
              k -> {
                resolvedAnew[0] = true;
                return delegate.resolve(organizationId, connectionKey, environment, caller);
              });
    } catch (RuntimeException e) {
      metrics.cache(false); // failures are never cached
      metrics.failed(organizationId, e);
      throw e;
    }
    metrics.cache(!resolvedAnew[0]);
    metrics.resolved(organizationId);
    if (evictions.get() != evictionsBefore) {
      // An eviction ran while we resolved and may have missed our entry: still answer (the job
      // started before the change), but do not keep it for the next one.
      cache.asMap().remove(key, resolved);
    }
    return resolved;
  }

  /** Runs after commit, or at once when the change happened outside a transaction. */
  @TransactionalEventListener(fallbackExecution = true)
  public void onChange(ResolutionInputsChanged change) {
    evictOrganization(change.organizationId());
  }

  /** Drops the organization's entries. */
  public void evictOrganization(String organizationId) {
    evictions.incrementAndGet();
    // Org secrets and integrations feed many connections; dropping the organization's entries is
    // simpler and cheaper than tracking dependencies.
    cache.asMap().keySet().removeIf(k -> k.organizationId().equals(organizationId));
  }

  /** Drops everything, e.g. when changes may have gone unheard. */
  public void evictAll() {
    evictions.incrementAndGet();
    cache.invalidateAll();
  }

  public long size() {
    cache.cleanUp();
    return cache.estimatedSize();
  }

  private record CacheKey(
      String organizationId, String connectionKey, Environment environment, RuntimeCaller caller) {}
}
