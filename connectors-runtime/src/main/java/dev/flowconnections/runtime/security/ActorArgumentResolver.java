package dev.flowconnections.runtime.security;

import dev.flowconnections.access.Actor;
import dev.flowconnections.access.Role;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Set;
import java.util.function.Consumer;
import org.springframework.core.MethodParameter;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.authentication.AuthenticationCredentialsNotFoundException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;

/**
 * Lets a controller method take the {@link Actor} performing the request: the authenticated user,
 * the user's organization (from the configured user or the OpenID Connect claim) and roles.
 * Controllers never read the security context.
 */
class ActorArgumentResolver implements HandlerMethodArgumentResolver {

  private static final String ROLE_PREFIX = "ROLE_";

  private final Consumer<String> organizationSeen;

  /**
   * @param organizationSeen told the organization of every request (it seeds the System catalogue
   *     into organizations that appear only at login, such as OpenID Connect ones)
   */
  ActorArgumentResolver(Consumer<String> organizationSeen) {
    this.organizationSeen = organizationSeen;
  }

  @Override
  public boolean supportsParameter(MethodParameter parameter) {
    return parameter.getParameterType() == Actor.class;
  }

  @Override
  public Actor resolveArgument(
      MethodParameter parameter,
      ModelAndViewContainer mav,
      NativeWebRequest request,
      WebDataBinderFactory binders) {
    Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
    if (authentication == null
        || !authentication.isAuthenticated()
        || authentication instanceof AnonymousAuthenticationToken) {
      // only reachable if a URL rule forgot to require authentication; fail closed
      throw new AuthenticationCredentialsNotFoundException("no authenticated user");
    }
    if (!(authentication.getPrincipal() instanceof OrganizationMember member)) {
      // a principal from somewhere we do not know: no organization means no data, fail closed
      throw new AuthenticationCredentialsNotFoundException(
          "the logged-in user belongs to no organization");
    }
    organizationSeen.accept(member.organizationId());
    return new Actor(authentication.getName(), member.organizationId(), roles(authentication));
  }

  static Set<Role> roles(Authentication authentication) {
    Set<Role> roles = EnumSet.noneOf(Role.class);
    for (GrantedAuthority authority : authentication.getAuthorities()) {
      String name = authority.getAuthority();
      if (name != null && name.startsWith(ROLE_PREFIX)) {
        String role = name.substring(ROLE_PREFIX.length());
        Arrays.stream(Role.values()).filter(r -> r.name().equals(role)).forEach(roles::add);
      }
    }
    return roles;
  }
}
