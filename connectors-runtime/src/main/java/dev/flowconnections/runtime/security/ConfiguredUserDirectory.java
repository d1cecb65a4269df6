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

  private final Map<String, OrganizationUser> users;

  ConfiguredUserDirectory(Map<String, OrganizationUser> users) {
    this.users = Map.copyOf(users);
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
}
