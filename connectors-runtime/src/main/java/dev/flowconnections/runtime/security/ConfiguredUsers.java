package dev.flowconnections.runtime.security;

import dev.flowconnections.access.Role;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * Turns {@code flow-connections.security.users} into Spring Security users, refusing to start on a
 * mistake: a user who silently cannot log in, or logs in with the wrong roles, is worse.
 */
final class ConfiguredUsers {

  private static final Pattern ENCODER_PREFIX = Pattern.compile("\\{[^{}]+}.+", Pattern.DOTALL);

  private ConfiguredUsers() {}

  /**
   * @param defaultOrganization the organization of users who name none ({@code
   *     flow-connections.organization-id})
   */
  static ConfiguredUserDirectory load(
      ApiSecurityProperties properties, PasswordEncoder encoder, String defaultOrganization) {
    Map<String, OrganizationUser> users = new LinkedHashMap<>();
    for (int i = 0; i < properties.getUsers().size(); i++) {
      ApiSecurityProperties.User user = properties.getUsers().get(i);
      String where = "flow-connections.security.users[" + i + "]";
      if (user.getUsername() == null || user.getUsername().isBlank()) {
        throw new IllegalStateException(where + ".username is required");
      }
      if (users.containsKey(user.getUsername())) {
        throw new IllegalStateException(
            where + ": user '" + user.getUsername() + "' is configured twice");
      }
      requireEncodedPassword(where, user, encoder);
      if (user.getRoles() == null || user.getRoles().isEmpty()) {
        throw new IllegalStateException(
            where
                + ".roles: give user '"
                + user.getUsername()
                + "' at least one of "
                + List.of(Role.values()));
      }
      String organization = user.getOrganization();
      if (organization != null && organization.isBlank()) {
        throw new IllegalStateException(
            where + ".organization of user '" + user.getUsername() + "' is blank");
      }
      users.put(
          user.getUsername(),
          new OrganizationUser(
              user.getUsername(),
              user.getPassword(),
              AuthorityUtils.createAuthorityList(
                  user.getRoles().stream().map(r -> "ROLE_" + r.name()).toArray(String[]::new)),
              organization == null ? defaultOrganization : organization.trim()));
    }
    return new ConfiguredUserDirectory(users);
  }

  private static void requireEncodedPassword(
      String where, ApiSecurityProperties.User user, PasswordEncoder encoder) {
    String password = user.getPassword();
    String hint = " (e.g. {bcrypt}$2a$10$... or, for local use only, {noop}plain-text)";
    if (password == null || !ENCODER_PREFIX.matcher(password).matches()) {
      throw new IllegalStateException(
          where
              + ".password of user '"
              + user.getUsername()
              + "' must start with its encoder id"
              + hint);
    }
    try {
      encoder.matches("", password);
    } catch (IllegalArgumentException unknownEncoder) {
      throw new IllegalStateException(
          where
              + ".password of user '"
              + user.getUsername()
              + "' names an unknown encoder id"
              + hint);
    }
  }
}
