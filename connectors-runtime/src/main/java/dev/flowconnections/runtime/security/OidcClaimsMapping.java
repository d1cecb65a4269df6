package dev.flowconnections.runtime.security;

import dev.flowconnections.access.Role;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserRequest;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserService;
import org.springframework.security.oauth2.client.userinfo.OAuth2UserService;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;

/**
 * Turns an OpenID Connect login into a user of one organization with roles, from configurable
 * claims. Refuses the login (never guesses) when the user would have no role or, with an
 * organization claim configured, no organization. Messages name claims, never their values.
 */
final class OidcClaimsMapping implements OAuth2UserService<OidcUserRequest, OidcUser> {

  static final String REFUSED = "flow_connections_login_refused";

  private final OidcUserService delegate = new OidcUserService();
  private final OidcProperties properties;
  private final String defaultOrganization;

  OidcClaimsMapping(OidcProperties properties, String defaultOrganization) {
    this.properties = properties;
    this.defaultOrganization = defaultOrganization;
  }

  @Override
  public OidcUser loadUser(OidcUserRequest request) {
    OidcUser user = delegate.loadUser(request);
    Map<String, Object> claims = user.getClaims();
    Set<Role> roles = roles(claims.get(properties.getRolesClaim()));
    if (roles.isEmpty()) {
      throw refused(
          "no role: claim '"
              + properties.getRolesClaim()
              + "' holds no value mapped to "
              + List.of(Role.values()));
    }
    String organization = organization(claims);
    String nameKey =
        claims.get(properties.getUsernameClaim()) instanceof String name && !name.isBlank()
            ? properties.getUsernameClaim()
            : "sub";
    return new OidcOrganizationUser(
        AuthorityUtils.createAuthorityList(
            roles.stream().map(r -> "ROLE_" + r.name()).toArray(String[]::new)),
        user.getIdToken(),
        user.getUserInfo(),
        nameKey,
        organization);
  }

  Set<Role> roles(Object claim) {
    Set<Role> roles = EnumSet.noneOf(Role.class);
    for (String value : values(claim)) {
      Role mapped = properties.getRoleMapping().get(value);
      if (mapped == null) {
        mapped =
            List.of(Role.values()).stream()
                .filter(r -> r.name().equals(value.trim().toUpperCase(Locale.ROOT)))
                .findFirst()
                .orElse(null);
      }
      if (mapped != null) {
        roles.add(mapped);
      }
    }
    return roles;
  }

  private String organization(Map<String, Object> claims) {
    String claim = properties.getOrganizationClaim();
    if (claim == null || claim.isBlank()) {
      return defaultOrganization;
    }
    List<String> values = values(claims.get(claim));
    if (values.size() != 1 || values.get(0).isBlank()) {
      throw refused("claim '" + claim + "' must name exactly one organization");
    }
    return values.get(0).trim();
  }

  private static List<String> values(Object claim) {
    List<String> values = new ArrayList<>();
    if (claim instanceof String s) {
      values.add(s);
    } else if (claim instanceof Collection<?> c) {
      c.stream().filter(String.class::isInstance).map(String.class::cast).forEach(values::add);
    }
    return values;
  }

  private static OAuth2AuthenticationException refused(String reason) {
    return new OAuth2AuthenticationException(
        new OAuth2Error(REFUSED, "login refused: " + reason, null));
  }
}
