package dev.flowconnections.runtime.security;

import java.util.Map;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;

/**
 * The configured users by name. Unlike Spring's in-memory manager it keeps each user's
 * organization, and it never "upgrades" a configured password (which would bcrypt-hash a {noop}
 * password on first login and make every later request pay for bcrypt).
 */
final class ConfiguredUserDirectory implements UserDetailsService {

  private static final String NO_USERS = "{noop}" + java.util.UUID.randomUUID();

  private final Map<String, OrganizationUser> users;

  ConfiguredUserDirectory(Map<String, OrganizationUser> users) {
    this.users =
        java.util.Collections.unmodifiableMap(
            new java.util.LinkedHashMap<>(users)); // keeps the configured order
  }

  @Override
  public UserDetails loadUserByUsername(String username) {
    OrganizationUser user = users.get(username);
    if (user == null) {
      throw new UsernameNotFoundException("no such user");
    }
    return user.copy();
  }

  boolean userExists(String username) {
    return users.containsKey(username);
  }

  /** The user of that name (a fresh copy), or null. */
  OrganizationUser find(String username) {
    OrganizationUser user = username == null ? null : users.get(username);
    return user == null ? null : user.copy();
  }

  /**
   * What an unknown username's password is checked against, so that it costs what a known one
   * costs: the first configured user's encoded password (configure every user with the same encoder
   * and cost). Without users, a {@code {noop}} value nobody knows.
   */
  String timingTwinPassword() {
    return users.values().stream().findFirst().map(OrganizationUser::getPassword).orElse(NO_USERS);
  }
}
