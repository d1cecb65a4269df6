package dev.flowconnections.runtime.security;

import java.util.Collection;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.userdetails.User;

/** A configured user of one organization. */
final class OrganizationUser extends User implements OrganizationMember {

  private final String organizationId;

  OrganizationUser(
      String username,
      String password,
      Collection<? extends GrantedAuthority> authorities,
      String organizationId) {
    super(username, password, authorities);
    this.organizationId = organizationId;
  }

  @Override
  public String organizationId() {
    return organizationId;
  }

  /**
   * A fresh instance per login: Spring Security erases the password of the one it authenticated.
   */
  OrganizationUser copy() {
    return new OrganizationUser(getUsername(), getPassword(), getAuthorities(), organizationId);
  }

  @Override
  public boolean equals(Object other) {
    return super.equals(other); // by username, like User
  }

  @Override
  public int hashCode() {
    return super.hashCode();
  }
}
