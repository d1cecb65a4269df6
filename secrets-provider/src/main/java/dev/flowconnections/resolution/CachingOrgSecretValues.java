package dev.flowconnections.resolution;

import dev.flowconnections.metrics.ResolutionMetrics;
import dev.flowconnections.scope.RuntimeCaller;
import dev.flowconnections.secret.OrgSecretValues;
import java.time.Duration;
import java.util.Optional;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Keeps org secret values briefly, for {@code {{secrets.KEY}}} and {@code @@SECRET:KEY@@}
 * expansion, with the invalidation of {@link CachingConnectionResolver}: a change drops the
 * organization's entries after commit (here) or when another instance's notification arrives, the
 * TTL is the backstop. An entry answers only the caller whose process scope it was checked for;
 * refusals and other failures are not cached. Unknown keys are (as empty): creating the secret is a
 * change that evicts them.
 */
public class CachingOrgSecretValues implements OrgSecretValues {

  /** The {@code cache} tag of its metrics. */
  public static final String CACHE_NAME = "org-secrets";

  private final OrgSecretValues delegate;
  private final OrganizationCache<CacheKey, Optional<String>> cache;

  public CachingOrgSecretValues(
      OrgSecretValues delegate, Duration timeToLive, long maximumSize, ResolutionMetrics metrics) {
    this.delegate = delegate;
    this.cache = new OrganizationCache<>(CACHE_NAME, timeToLive, maximumSize, metrics);
  }

  @Override
  public Optional<String> value(String organizationId, String key, RuntimeCaller caller) {
    return cache
        .get(
            new CacheKey(organizationId, key, caller),
            () -> delegate.value(organizationId, key, caller))
        .value();
  }

  /**
   * Runs after commit, or at once outside a transaction; before the connection cache's, so that a
   * connection resolved in between cannot keep a value read from here before the change.
   */
  @TransactionalEventListener(fallbackExecution = true)
  @Order(Ordered.HIGHEST_PRECEDENCE)
  public void onChange(ResolutionInputsChanged change) {
    evictOrganization(change.organizationId());
  }

  public void evictOrganization(String organizationId) {
    cache.evictOrganization(organizationId);
  }

  public void evictAll() {
    cache.evictAll();
  }

  public long size() {
    return cache.size();
  }

  private record CacheKey(String organizationId, String key, RuntimeCaller caller)
      implements OrganizationCache.Key {}
}
