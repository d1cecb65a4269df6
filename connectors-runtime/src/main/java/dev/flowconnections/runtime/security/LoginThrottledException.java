package dev.flowconnections.runtime.security;

import java.time.Duration;
import org.springframework.security.core.AuthenticationException;

/**
 * Too many failed logins for this username or from this address: refused until {@code retryAfter}
 * passed.
 */
final class LoginThrottledException extends AuthenticationException {

  private final Duration retryAfter;

  LoginThrottledException(Duration retryAfter) {
    super("too many failed logins");
    this.retryAfter = retryAfter;
  }

  /** Whole seconds, rounded up, as {@code Retry-After} wants them. */
  long retryAfterSeconds() {
    return Math.max(1, (retryAfter.toMillis() + 999) / 1000);
  }
}
