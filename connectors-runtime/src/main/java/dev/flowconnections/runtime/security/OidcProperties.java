package dev.flowconnections.runtime.security;

import dev.flowconnections.access.Role;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code flow-connections.security.oidc.*}: how an OpenID Connect login becomes a user of an
 * organization with roles. The login itself is Spring Security's, configured by {@code
 * spring.security.oauth2.client.registration.*} and {@code provider.*.issuer-uri}.
 */
@ConfigurationProperties("flow-connections.security.oidc")
public class OidcProperties {

  /**
   * The claim naming the user in the audit log and as owner of personal connections; {@code sub} if
   * absent.
   */
  private String usernameClaim = "preferred_username";

  /** The claim with the user's roles or groups: a list of strings or one string. */
  private String rolesClaim = "roles";

  /**
   * Claim value → role. Without an entry, a value equal to a role name (USER, ADMIN, SUPER_ADMIN,
   * any case) is that role. Values mapping to nothing are ignored; a user left without any role
   * cannot log in.
   */
  private Map<String, Role> roleMapping = new LinkedHashMap<>();

  /**
   * The claim naming the user's organization. Unset: every OIDC user belongs to {@code
   * flow-connections.organization-id}. Set: a login without that claim is refused.
   */
  private String organizationClaim;

  public String getUsernameClaim() {
    return usernameClaim;
  }

  public void setUsernameClaim(String usernameClaim) {
    this.usernameClaim = usernameClaim;
  }

  public String getRolesClaim() {
    return rolesClaim;
  }

  public void setRolesClaim(String rolesClaim) {
    this.rolesClaim = rolesClaim;
  }

  public Map<String, Role> getRoleMapping() {
    return roleMapping;
  }

  public void setRoleMapping(Map<String, Role> roleMapping) {
    this.roleMapping = roleMapping;
  }

  public String getOrganizationClaim() {
    return organizationClaim;
  }

  public void setOrganizationClaim(String organizationClaim) {
    this.organizationClaim = organizationClaim;
  }
}
