package dev.flowconnections.access;

import java.util.Objects;
import java.util.Set;

/**
 * Who performs an operation, in which organization. Services take it explicitly instead of reading
 * a security context, so the same rules hold for the API, the UI and tests.
 */
public record Actor(String username, String organizationId, Set<Role> roles) {

  public Actor {
    Objects.requireNonNull(username, "username");
    Objects.requireNonNull(organizationId, "organizationId");
    roles = Set.copyOf(roles);
  }

  public boolean isAdmin() {
    return roles.contains(Role.ADMIN) || roles.contains(Role.SUPER_ADMIN);
  }

  public boolean isSuperAdmin() {
    return roles.contains(Role.SUPER_ADMIN);
  }

  /** Raises {@link AccessDeniedException} unless the actor is an administrator. */
  public void requireAdmin(String action) {
    if (!isAdmin()) {
      throw new AccessDeniedException("only administrators may " + action);
    }
  }

  /** Raises {@link AccessDeniedException} unless the actor is a super administrator. */
  public void requireSuperAdmin(String action) {
    if (!isSuperAdmin()) {
      throw new AccessDeniedException("only super administrators may " + action);
    }
  }
}
