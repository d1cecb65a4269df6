package dev.flowconnections.runtime.security;

import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.authentication.WebAuthenticationDetails;

/**
 * Password login of the configured users (HTTP Basic and the login form), throttled per username
 * and client address ({@link LoginThrottle}).
 *
 * <p>An unknown username costs what a known one costs: the presented password is checked against a
 * configured user's hash (same encoder, same cost) and the result thrown away. Spring's own
 * provider compares unknown users against a fresh bcrypt hash instead, which made unknown users
 * measurably slower than users with {@code {noop}} or cheaper bcrypt passwords — an oracle for
 * which usernames exist.
 */
final class ConfiguredUserAuthentication implements AuthenticationProvider {

  private static final String BAD_CREDENTIALS = "Bad credentials";

  private final ConfiguredUserDirectory users;
  private final PasswordEncoder encoder;
  private final LoginThrottle throttle;

  ConfiguredUserAuthentication(
      ConfiguredUserDirectory users, PasswordEncoder encoder, LoginThrottle throttle) {
    this.users = users;
    this.encoder = encoder;
    this.throttle = throttle;
  }

  @Override
  public Authentication authenticate(Authentication authentication) {
    String username = authentication.getName();
    String address =
        authentication.getDetails() instanceof WebAuthenticationDetails web
            ? web.getRemoteAddress()
            : null;
    throttle
        .retryAfter(username, address)
        .ifPresent(
            wait -> {
              throw new LoginThrottledException(wait);
            });
    String password =
        authentication.getCredentials() == null ? "" : authentication.getCredentials().toString();
    OrganizationUser user = users.find(username);
    boolean matches =
        encoder.matches(password, user != null ? user.getPassword() : users.timingTwinPassword());
    if (user == null || !matches) {
      throttle.failed(username, address);
      throw new BadCredentialsException(BAD_CREDENTIALS);
    }
    throttle.succeeded(username);
    UsernamePasswordAuthenticationToken result =
        UsernamePasswordAuthenticationToken.authenticated(user, null, user.getAuthorities());
    result.setDetails(authentication.getDetails());
    return result;
  }

  @Override
  public boolean supports(Class<?> authentication) {
    return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
  }
}
