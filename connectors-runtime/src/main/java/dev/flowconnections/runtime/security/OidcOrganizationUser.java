package dev.flowconnections.runtime.security;

import java.util.Collection;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.oauth2.core.oidc.OidcIdToken;
import org.springframework.security.oauth2.core.oidc.OidcUserInfo;
import org.springframework.security.oauth2.core.oidc.user.DefaultOidcUser;

/** A user logged in by OpenID Connect, with the organization and roles its claims map to. */
final class OidcOrganizationUser extends DefaultOidcUser implements OrganizationMember {

  private final String organizationId;

  OidcOrganizationUser(
      Collection<? extends GrantedAuthority> authorities,
      OidcIdToken idToken,
      OidcUserInfo userInfo,
      String nameAttributeKey,
      String organizationId) {
    super(authorities, idToken, userInfo, nameAttributeKey);
    this.organizationId = organizationId;
  }

  @Override
  public String organizationId() {
    return organizationId;
  }

  @Override
  public boolean equals(Object other) {
    return super.equals(other)
        && organizationId.equals(((OidcOrganizationUser) other).organizationId);
  }

  @Override
  public int hashCode() {
    return 31 * super.hashCode() + organizationId.hashCode();
  }
}
