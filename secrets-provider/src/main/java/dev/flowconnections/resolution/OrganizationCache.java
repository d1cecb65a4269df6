package dev.flowconnections.resolution;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.flowconnections.metrics.ResolutionMetrics;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

/**
 * A bounded cache of values derived from an organization's resolution inputs, dropped per
 * organization when they change: what {@link CachingConnectionResolver} and {@link
 * CachingOrgSecretValues} share. Entries live at most {@code timeToLive} (the backstop should a
 * change go unheard) and at most {@code maximumSize} are kept; evictions are counted by cause and
 * the entries gauged ({@link ResolutionMetrics}, tagged with the cache's name). Failures are never
 * cached.
 *
 * @param <K> the key: it must name the organization and everything the value depends on, including
 *     the caller the value was checked for
 */
final class OrganizationCache<K extends OrganizationCache.Key, V> {

  /** A cache key names its organization, so that a change drops it. */
  interface Key {
    String organizationId();
  }

  /** A value and whether this call computed it (a miss) rather than found it (a hit). */
  record Lookup<V>(V value, boolean loaded) {}

  private final Cache<K, V> cache;
  // Bumped before every eviction: a load that started before it must not stay cached, since it
  // may have read the data as it was before the change.
  private final AtomicLong evictions = new AtomicLong();

  OrganizationCache(String name, Duration timeToLive, long maximumSize, ResolutionMetrics metrics) {
    this.cache =
        Caffeine.newBuilder()
            .expireAfterWrite(timeToLive)
            .maximumSize(maximumSize)
            // on the calling thread, so that counts are current when the call returns
            .executor(Runnable::run)
            .<K, V>removalListener((k, v, cause) -> metrics.cacheEviction(name, cause))
            .build();
    metrics.cacheEntries(name, cache, Cache::estimatedSize);
  }

  /** The cached value, or the loader's, which is kept unless an eviction ran meanwhile. */
  Lookup<V> get(K key, Supplier<V> loader) {
    long evictionsBefore = evictions.get();
    // a miss is a call that ran the loader itself; one that waited for another thread's is a hit
    boolean[] loaded = {false};
    V value =
        cache.get(
            key,
            k -> {
              loaded[0] = true;
              return loader.get();
            });
    if (evictions.get() != evictionsBefore) {
      // An eviction ran while we loaded and may have missed our entry: still answer (the caller
      // asked before the change), but do not keep it for the next one.
      cache.asMap().remove(key, value);
    }
    return new Lookup<>(value, loaded[0]);
  }

  void evictOrganization(String organizationId) {
    evictions.incrementAndGet();
    // Org secrets and integrations feed many entries; dropping the organization's entries is
    // simpler and cheaper than tracking dependencies.
    cache.asMap().keySet().removeIf(k -> k.organizationId().equals(organizationId));
  }

  void evictAll() {
    evictions.incrementAndGet();
    cache.invalidateAll();
  }

  long size() {
    cache.cleanUp();
    return cache.estimatedSize();
  }
}
