package dev.flowconnections.runtime.security;

import dev.flowconnections.autoconfigure.FlowConnectionsProperties;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.util.matcher.AntPathRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * Browser login by OpenID Connect (authorization code flow), switched on purely by configuration:
 * with a {@code spring.security.oauth2.client.registration.<id>} (and its provider's {@code
 * issuer-uri}) Spring Boot provides a {@link ClientRegistrationRepository}; a browser then starts
 * at {@code /oauth2/authorization/<id>} and comes back to {@code /login/oauth2/code/<id>}. Its own
 * filter chain serves just those two endpoints, ahead of every other chain, and leaves the
 * logged-in user in the HTTP session, where the other chains find it. Without a registration the
 * chain matches nothing and the runtime stays HTTP Basic only, without sessions.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(OidcProperties.class)
class OidcLogin {

  private static final RequestMatcher LOGIN_ENDPOINTS =
      new OrRequestMatcher(
          new AntPathRequestMatcher("/oauth2/authorization/**"),
          new AntPathRequestMatcher("/login/oauth2/code/**"));

  @Bean
  @Order(Ordered.HIGHEST_PRECEDENCE)
  SecurityFilterChain oidcLoginFilterChain(
      HttpSecurity http,
      ObjectProvider<ClientRegistrationRepository> oidcClients,
      OidcClaimsMapping claims,
      ProblemResponses problems)
      throws Exception {
    ClientRegistrationRepository clients = oidcClients.getIfAvailable();
    if (clients == null) {
      return http.securityMatcher(request -> false).build();
    }
    http.securityMatcher(LOGIN_ENDPOINTS)
        .authorizeHttpRequests(requests -> requests.anyRequest().permitAll())
        .oauth2Login(
            login ->
                login
                    .clientRegistrationRepository(clients)
                    .userInfoEndpoint(userInfo -> userInfo.oidcUserService(claims))
                    .failureHandler(problems.loginRefused()));
    return http.build();
  }

  @Bean
  OidcClaimsMapping oidcClaimsMapping(
      OidcProperties oidc, FlowConnectionsProperties flowConnections) {
    return new OidcClaimsMapping(oidc, flowConnections.getOrganizationId());
  }

  /**
   * With OIDC configured, API calls may ride on the login's session; HTTP Basic calls still create
   * none (Basic authentication never stores its result in a session).
   */
  static void readSessionsIfConfigured(HttpSecurity http, ClientRegistrationRepository clients)
      throws Exception {
    if (clients != null) {
      http.sessionManagement(
          sessions -> sessions.sessionCreationPolicy(SessionCreationPolicy.IF_REQUIRED));
    }
  }
}
