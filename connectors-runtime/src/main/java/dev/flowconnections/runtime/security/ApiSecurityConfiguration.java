package dev.flowconnections.runtime.security;

import dev.flowconnections.access.Role;
import dev.flowconnections.autoconfigure.FlowConnectionsProperties;
import dev.flowconnections.runtime.api.ApiJson;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Clock;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.security.SecurityProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.firewall.RequestRejectedHandler;

/**
 * HTTP Basic against the configured users, no sessions (with OpenID Connect configured, also the
 * session of a browser that logged in by OIDC, see {@link OidcLogin}). The services enforce every
 * rule again with the {@link dev.flowconnections.access.Actor}; the URL rules here only refuse
 * early what no USER may ever do, so such requests fail before their body is even read.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(ApiSecurityProperties.class)
class ApiSecurityConfiguration {

  private static final String[] ADMINS = {Role.ADMIN.name(), Role.SUPER_ADMIN.name()};

  @Bean
  ProblemResponses problemResponses(ApiJson json) {
    return new ProblemResponses(json);
  }

  @Bean
  SecurityFilterChain apiSecurityFilterChain(
      HttpSecurity http,
      ProblemResponses problems,
      ObjectProvider<ClientRegistrationRepository> oidcClients)
      throws Exception {
    http.authorizeHttpRequests(
            requests ->
                requests
                    .requestMatchers("/actuator/health", "/actuator/health/**", "/error")
                    .permitAll()
                    .requestMatchers(HttpMethod.GET, "/api/integrations/*/impact")
                    .hasAnyRole(ADMINS)
                    .requestMatchers(HttpMethod.GET, "/api/integrations", "/api/integrations/**")
                    .authenticated()
                    .requestMatchers("/api/integrations", "/api/integrations/**")
                    .hasAnyRole(ADMINS)
                    .requestMatchers("/api/secrets", "/api/secrets/**")
                    .hasAnyRole(ADMINS)
                    .requestMatchers("/api/credential-stores/**")
                    .hasAnyRole(ADMINS)
                    .requestMatchers("/api/admin/**")
                    .hasAnyRole(ADMINS)
                    .requestMatchers(HttpMethod.POST, "/api/templates/publish")
                    .hasAnyRole(ADMINS)
                    .requestMatchers(HttpMethod.GET, "/api/templates/status")
                    .hasAnyRole(ADMINS)
                    .requestMatchers("/api/audit", "/api/audit/**")
                    .hasAnyRole(ADMINS)
                    // metrics name organizations and job types: administrators only
                    // (docs/deploy.md, Metrics)
                    .requestMatchers(
                        "/actuator/prometheus",
                        "/actuator/prometheus/**",
                        "/actuator/metrics",
                        "/actuator/metrics/**")
                    .hasAnyRole(ADMINS)
                    .anyRequest()
                    .authenticated())
        .httpBasic(
            basic ->
                basic
                    .realmName(ProblemResponses.REALM)
                    .authenticationEntryPoint(problems.unauthenticated()))
        .exceptionHandling(
            errors ->
                errors
                    .authenticationEntryPoint(problems.unauthenticated())
                    .accessDeniedHandler(problems.forbidden()))
        .sessionManagement(
            sessions -> sessions.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
        .csrf(
            csrf -> csrf.ignoringRequestMatchers(ApiSecurityConfiguration::carriesNoSessionCookie))
        .requestCache(AbstractHttpConfigurer::disable)
        .formLogin(AbstractHttpConfigurer::disable)
        .logout(AbstractHttpConfigurer::disable);
    OidcLogin.readSessionsIfConfigured(http, oidcClients.getIfAvailable());
    return http.build();
  }

  /**
   * API calls with HTTP Basic credentials or no session need no CSRF token. A browser does send
   * cached Basic credentials on its own, so cross-site requests are refused before this chain runs
   * ({@link CrossSiteRequestFilter}).
   */
  private static boolean carriesNoSessionCookie(HttpServletRequest request) {
    return request.getRequestURI().startsWith("/api/")
        && (request.getHeader(HttpHeaders.AUTHORIZATION) != null
            || request.getRequestedSessionId() == null);
  }

  @Bean
  PasswordEncoder passwordEncoder() {
    return PasswordEncoderFactories.createDelegatingPasswordEncoder();
  }

  /**
   * The configured users' password login, for HTTP Basic and the login form. Also makes Boot back
   * off from its generated default user: there is none.
   */
  @Bean
  AuthenticationProvider apiUsers(
      ApiSecurityProperties properties,
      PasswordEncoder encoder,
      FlowConnectionsProperties flowConnections,
      Clock clock) {
    return new ConfiguredUserAuthentication(
        ConfiguredUsers.load(properties, encoder, flowConnections.getOrganizationId()),
        encoder,
        new LoginThrottle(properties.getLoginThrottle(), clock));
  }

  /**
   * Runs before Spring Security's filters, so a forged request is refused before any credential is
   * checked.
   */
  @Bean
  FilterRegistrationBean<CrossSiteRequestFilter> crossSiteRequestFilter(ProblemResponses problems) {
    FilterRegistrationBean<CrossSiteRequestFilter> registration =
        new FilterRegistrationBean<>(new CrossSiteRequestFilter(problems));
    registration.setOrder(SecurityProperties.DEFAULT_FILTER_ORDER - 1);
    return registration;
  }

  @Bean
  RequestRejectedHandler requestRejectedHandler(ProblemResponses problems) {
    return problems.rejected();
  }
}
