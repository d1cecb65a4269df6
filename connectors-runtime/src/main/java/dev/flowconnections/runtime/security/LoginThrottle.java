package dev.flowconnections.runtime.security;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Counts failed logins per username and per client address. After {@code maxFailuresPerUser}
 * failures for one username (known or not: the answer must not tell which) or {@code
 * maxFailuresPerAddress} from one address within {@code window}, every login of that username, or
 * from that address, is refused for {@code window} without even checking the password, the right
 * one included. A success clears the username's count, not the address's (an attacker with an
 * account of their own must not be able to reset it). In memory, per instance: behind N instances
 * an attacker gets N times the attempts.
 */
final class LoginThrottle {

  /** Bounds the memory an attacker can fill with made-up usernames; expired entries go first. */
  private static final int MAX_TRACKED = 10_000;

  private final int maxFailuresPerUser;
  private final int maxFailuresPerAddress;
  private final Duration window;
  private final Clock clock;
  private final Map<String, Failures> byUser = new ConcurrentHashMap<>();
  private final Map<String, Failures> byAddress = new ConcurrentHashMap<>();

  LoginThrottle(ApiSecurityProperties.LoginThrottle settings, Clock clock) {
    if (settings.getMaxFailuresPerUser() < 1
        || settings.getMaxFailuresPerAddress() < 1
        || settings.getWindow() == null
        || settings.getWindow().isNegative()
        || settings.getWindow().isZero()) {
      throw new IllegalStateException(
          "flow-connections.security.login-throttle: max-failures-per-user and -per-address must be at least 1"
              + " and window positive");
    }
    this.maxFailuresPerUser = settings.getMaxFailuresPerUser();
    this.maxFailuresPerAddress = settings.getMaxFailuresPerAddress();
    this.window = settings.getWindow();
    this.clock = clock;
  }

  /** How long the caller must wait, if the username or the address is locked now. */
  Optional<Duration> retryAfter(String username, String address) {
    Instant now = clock.instant();
    Instant until = later(lockedUntil(byUser, username, now), lockedUntil(byAddress, address, now));
    return until == null ? Optional.empty() : Optional.of(Duration.between(now, until));
  }

  void failed(String username, String address) {
    Instant now = clock.instant();
    count(byUser, username, maxFailuresPerUser, now);
    count(byAddress, address, maxFailuresPerAddress, now);
  }

  void succeeded(String username) {
    if (username != null) {
      byUser.remove(username);
    }
  }

  private void count(Map<String, Failures> failures, String key, int max, Instant now) {
    if (key == null) {
      return;
    }
    if (failures.size() >= MAX_TRACKED) {
      failures.values().removeIf(f -> f.expired(now, window));
      if (failures.size() >= MAX_TRACKED) {
        failures.values().removeIf(f -> f.lockedUntil() == null);
      }
    }
    failures.compute(
        key,
        (k, f) ->
            (f == null || f.expired(now, window) ? new Failures(0, now, null) : f)
                .plusOne(now, max, window));
  }

  private Instant lockedUntil(Map<String, Failures> failures, String key, Instant now) {
    Failures f = key == null ? null : failures.get(key);
    return f != null && f.lockedUntil() != null && now.isBefore(f.lockedUntil())
        ? f.lockedUntil()
        : null;
  }

  private static Instant later(Instant a, Instant b) {
    return a == null ? b : b == null || a.isAfter(b) ? a : b;
  }

  /** Failures since {@code since}; {@code lockedUntil} once the limit was reached. */
  private record Failures(int count, Instant since, Instant lockedUntil) {

    Failures plusOne(Instant now, int max, Duration window) {
      int counted = count + 1;
      return new Failures(counted, since, counted >= max ? now.plus(window) : lockedUntil);
    }

    boolean expired(Instant now, Duration window) {
      return lockedUntil != null ? !now.isBefore(lockedUntil) : !now.isBefore(since.plus(window));
    }
  }
}
