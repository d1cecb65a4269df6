package dev.flowconnections.runtime.oauth2;

import java.time.Clock;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * Access tokens per key with single flight: however many jobs need a token for the same key at the
 * same moment, one of them fetches it and the others wait for that result (or its failure).
 * Failures are not cached. Expired entries are dropped whenever a new token is fetched, so keys of
 * replaced credentials do not pile up.
 */
final class TokenCache<K> {

  private final ConcurrentHashMap<K, CompletableFuture<AccessToken>> entries =
      new ConcurrentHashMap<>();
  private final Clock clock;

  TokenCache(Clock clock) {
    this.clock = clock;
  }

  AccessToken get(K key, Supplier<AccessToken> fetch) {
    CompletableFuture<AccessToken> mine = new CompletableFuture<>();
    CompletableFuture<AccessToken> current =
        entries.compute(
            key,
            (k, existing) ->
                existing != null && (!existing.isDone() || usable(existing)) ? existing : mine);
    if (current != mine) {
      try {
        return current.join();
      } catch (CompletionException e) {
        throw e.getCause() instanceof RuntimeException r ? r : e;
      }
    }
    try {
      AccessToken token = fetch.get();
      mine.complete(token);
      dropExpired();
      return token;
    } catch (RuntimeException e) {
      entries.remove(key, mine);
      mine.completeExceptionally(e);
      throw e;
    }
  }

  /** Forgets the key's token, e.g. after the user authorised the environment again. */
  void forget(Predicate<K> which) {
    entries.keySet().removeIf(which);
  }

  private boolean usable(CompletableFuture<AccessToken> future) {
    return !future.isCompletedExceptionally() && !future.join().needsRefresh(clock.instant());
  }

  private void dropExpired() {
    entries
        .values()
        .removeIf(
            f ->
                f.isDone()
                    && (f.isCompletedExceptionally()
                        || !f.join().expiresAt().isAfter(clock.instant())));
  }
}
