package dev.flowconnections.runtime.security;

import dev.flowconnections.access.Role;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.access.AccessDeniedHandlerImpl;
import org.springframework.security.web.access.RequestMatcherDelegatingAccessDeniedHandler;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.security.web.authentication.DelegatingAuthenticationEntryPoint;
import org.springframework.security.web.authentication.ExceptionMappingAuthenticationFailureHandler;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.csrf.CookieCsrfTokenRepository;
import org.springframework.security.web.csrf.CsrfFilter;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.security.web.csrf.CsrfTokenRequestAttributeHandler;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The browser's side of security: form login at {@code /login}, an HTTP session, and CSRF
 * protection for everything a session may change. It serves the pages and the API calls those pages
 * make with the session cookie. API clients that send HTTP Basic (or nothing) never match this
 * chain and stay with the stateless {@link ApiSecurityConfiguration} — a session cookie alone must
 * never let a cross-site request change anything, which is why it comes with CSRF here.
 *
 * <p>The URL rules below only decide who sees which page; the services check every API call again
 * with the {@link dev.flowconnections.access.Actor}, exactly as for HTTP Basic clients.
 */
@Configuration(proxyBeanMethods = false)
class BrowserSecurityConfiguration {

  static final String LOGIN_PAGE = "/login";

  /**
   * The pages load their scripts and styles from this origin only (no inline script or style, no
   * eval), call only this origin, post forms only here and cannot be framed: an injected string can
   * neither run nor send data elsewhere.
   */
  static final String CONTENT_SECURITY_POLICY =
      "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self';"
          + " form-action 'self'; frame-ancestors 'none'; base-uri 'none'; object-src 'none'";

  static final String CSRF_HEADER = "X-XSRF-TOKEN";

  private static final String[] ADMINS = {Role.ADMIN.name(), Role.SUPER_ADMIN.name()};
  private static final RequestMatcher API =
      PathPatternRequestMatcher.withDefaults().matcher("/api/**");

  /** Where an OAuth2 provider sends the browser back after "Connect" (OAuth2ConnectController). */
  static final String OAUTH2_CONNECT_CALLBACK = "/api/oauth2/callback";

  private static final RequestMatcher BROWSER_RETURNING_FROM_CONNECT =
      request -> OAUTH2_CONNECT_CALLBACK.equals(pathOf(request)) && acceptsHtml(request);

  @Bean
  @Order(1)
  SecurityFilterChain browserSecurityFilterChain(HttpSecurity http, ProblemResponses problems)
      throws Exception {
    CookieCsrfTokenRepository csrfTokens = CookieCsrfTokenRepository.withHttpOnlyFalse();
    csrfTokens.setHeaderName(CSRF_HEADER);
    http.securityMatcher(BrowserSecurityConfiguration::isBrowserRequest)
        .authorizeHttpRequests(
            requests ->
                requests
                    .requestMatchers(LOGIN_PAGE, "/ui/**", "/favicon.ico", "/error")
                    .permitAll()
                    // a Voice Call's speech, fetched by Twilio: the unguessable token is the key
                    .requestMatchers(HttpMethod.GET, "/voice/audio/*")
                    .permitAll()
                    .requestMatchers("/admin/**")
                    .hasAnyRole(ADMINS)
                    .anyRequest()
                    .authenticated())
        .formLogin(
            form ->
                form.loginPage(LOGIN_PAGE)
                    .defaultSuccessUrl("/connections")
                    .failureHandler(loginFailed()))
        .logout(logout -> logout.logoutUrl("/logout").logoutSuccessUrl(LOGIN_PAGE + "?logout"))
        // the pages' scripts read the token from the cookie and send it back as a header; the
        // plain handler accepts that raw value (the default one expects a per-request masked copy)
        .csrf(
            csrf ->
                csrf.csrfTokenRepository(csrfTokens)
                    .csrfTokenRequestHandler(new CsrfTokenRequestAttributeHandler()))
        .addFilterAfter(new CsrfCookieFilter(), CsrfFilter.class)
        // no Referer to other sites: page URLs carry ids and the outcome of "Connect"
        .headers(
            headers ->
                headers
                    .contentSecurityPolicy(csp -> csp.policyDirectives(CONTENT_SECURITY_POLICY))
                    .referrerPolicy(
                        referrer ->
                            referrer.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.SAME_ORIGIN)))
        .httpBasic(AbstractHttpConfigurer::disable)
        .exceptionHandling(
            errors ->
                errors
                    .authenticationEntryPoint(entryPoint(problems))
                    .accessDeniedHandler(accessDenied(problems)));
    return http.build();
  }

  /**
   * Pages, the login and logout URLs, and API calls riding on a session cookie without an
   * Authorization header. Everything else (HTTP Basic clients, actuator) is the API chain's.
   */
  static boolean isBrowserRequest(HttpServletRequest request) {
    String path = pathOf(request);
    if (path.startsWith("/actuator")) {
      return false;
    }
    if (!path.startsWith("/api/")) {
      return true;
    }
    // a browser coming back from "Connect" whose session has gone still belongs here: it is sent
    // to the login form and from there back to the callback (the state is valid for 10 minutes)
    return request.getHeader(HttpHeaders.AUTHORIZATION) == null
        && (request.getRequestedSessionId() != null
            || BROWSER_RETURNING_FROM_CONNECT.matches(request));
  }

  private static String pathOf(HttpServletRequest request) {
    return request.getRequestURI().substring(request.getContextPath().length());
  }

  private static boolean acceptsHtml(HttpServletRequest request) {
    String accept = request.getHeader(HttpHeaders.ACCEPT);
    try {
      return accept != null
          && MediaType.parseMediaTypes(accept).stream()
              .anyMatch(type -> type.equalsTypeAndSubtype(MediaType.TEXT_HTML));
    } catch (InvalidMediaTypeException e) {
      return false;
    }
  }

  /**
   * Back to the form with "wrong username or password", or "too many failed sign-ins" ({@link
   * LoginThrottle}).
   */
  private static AuthenticationFailureHandler loginFailed() {
    ExceptionMappingAuthenticationFailureHandler handler =
        new ExceptionMappingAuthenticationFailureHandler();
    handler.setExceptionMappings(
        Map.of(LoginThrottledException.class.getName(), LOGIN_PAGE + "?throttled"));
    handler.setDefaultFailureUrl(LOGIN_PAGE + "?error");
    return handler;
  }

  /**
   * Pages (and a browser returning from "Connect") are sent to the login form, which remembers
   * where they were going; API calls get the usual 401 problem.
   */
  private static AuthenticationEntryPoint entryPoint(ProblemResponses problems) {
    LinkedHashMap<RequestMatcher, AuthenticationEntryPoint> byRequest = new LinkedHashMap<>();
    byRequest.put(BROWSER_RETURNING_FROM_CONNECT, new LoginUrlAuthenticationEntryPoint(LOGIN_PAGE));
    byRequest.put(API, problems.unauthenticated());
    DelegatingAuthenticationEntryPoint entryPoint =
        new DelegatingAuthenticationEntryPoint(byRequest);
    entryPoint.setDefaultEntryPoint(new LoginUrlAuthenticationEntryPoint(LOGIN_PAGE));
    return entryPoint;
  }

  /**
   * A page the role does not allow shows a readable denial page (403); API calls get the problem.
   */
  private static AccessDeniedHandler accessDenied(ProblemResponses problems) {
    LinkedHashMap<RequestMatcher, AccessDeniedHandler> byRequest = new LinkedHashMap<>();
    byRequest.put(API, problems.forbidden());
    AccessDeniedHandlerImpl page = new AccessDeniedHandlerImpl();
    page.setErrorPage("/denied");
    return new RequestMatcherDelegatingAccessDeniedHandler(byRequest, page);
  }

  /**
   * Loads the deferred CSRF token on every browser request so its cookie is always present for the
   * pages' scripts (Spring Security's recommended setup for script-driven pages).
   */
  private static final class CsrfCookieFilter extends OncePerRequestFilter {
    @Override
    protected void doFilterInternal(
        HttpServletRequest request, HttpServletResponse response, FilterChain chain)
        throws ServletException, IOException {
      CsrfToken token = (CsrfToken) request.getAttribute(CsrfToken.class.getName());
      if (token != null) {
        token.getToken();
      }
      chain.doFilter(request, response);
    }
  }
}
