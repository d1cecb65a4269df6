package dev.flowconnections.resolution;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.flowconnections.environment.Environment;
import java.time.Duration;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Keeps resolved connections briefly so a busy worker does not decrypt on every job. Any change
 * made through this instance drops the cache once its transaction commits, so the next job sees
 * it; the TTL bounds how long a change made elsewhere can go unseen. Failures are not cached.
 */
public class CachingConnectionResolver implements ConnectionResolver {

  private final ConnectionResolver delegate;
  private final Cache<CacheKey, ResolvedConnection> cache;

  public CachingConnectionResolver(ConnectionResolver delegate, Duration timeToLive, long maximumSize) {
    this.delegate = delegate;
    this.cache = Caffeine.newBuilder().expireAfterWrite(timeToLive).maximumSize(maximumSize).build();
  }

  @Override
  public ResolvedConnection resolve(String organizationId, String connectionKey, Environment environment) {
    return cache.get(
        new CacheKey(organizationId, connectionKey, environment),
        k -> delegate.resolve(organizationId, connectionKey, environment));
  }

  /** Runs after commit, or at once when the change happened outside a transaction. */
  @TransactionalEventListener(fallbackExecution = true)
  public void onChange(ResolutionInputsChanged change) {
    // Org secrets and integrations feed many connections; dropping the organization's entries is
    // simpler and cheaper than tracking dependencies.
    cache.asMap().keySet().removeIf(k -> k.organizationId().equals(change.organizationId()));
  }

  public long size() {
    cache.cleanUp();
    return cache.estimatedSize();
  }

  private record CacheKey(String organizationId, String connectionKey, Environment environment) {}
}
