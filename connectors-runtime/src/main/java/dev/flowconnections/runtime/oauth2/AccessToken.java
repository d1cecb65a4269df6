package dev.flowconnections.runtime.oauth2;

import java.time.Duration;
import java.time.Instant;

/** An access token and how long to use it. {@link #toString()} shows no token. */
record AccessToken(String value, Instant obtainedAt, Instant expiresAt) {

  /** Refresh this long before expiry at most, so a token never expires on its way to the API. */
  static final Duration MAX_EARLY_REFRESH = Duration.ofSeconds(60);

  /**
   * Whether to get a new token now: within a fifth of its lifetime (at most a minute) of expiry, so
   * short-lived tokens are not refreshed on every use and long-lived ones early enough.
   */
  boolean needsRefresh(Instant now) {
    Duration lifetime = Duration.between(obtainedAt, expiresAt);
    Duration early = lifetime.dividedBy(5);
    if (early.compareTo(MAX_EARLY_REFRESH) > 0) {
      early = MAX_EARLY_REFRESH;
    }
    return !now.isBefore(expiresAt.minus(early));
  }

  @Override
  public String toString() {
    return "AccessToken[expiresAt=" + expiresAt + ", value hidden]";
  }
}
