package dev.flowconnections.runtime.testsupport;

import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.SecurityContext;
import jakarta.servlet.Filter;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.awaitility.Awaitility;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.http.HttpMessageConvertersAutoConfiguration;
import org.springframework.boot.autoconfigure.jackson.JacksonAutoConfiguration;
import org.springframework.boot.autoconfigure.security.servlet.SecurityFilterAutoConfiguration;
import org.springframework.boot.autoconfigure.web.servlet.DispatcherServletAutoConfiguration;
import org.springframework.boot.autoconfigure.web.servlet.ServletWebServerFactoryAutoConfiguration;
import org.springframework.boot.autoconfigure.web.servlet.WebMvcAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.boot.web.servlet.context.ServletWebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.server.ServletServerHttpResponse;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.core.endpoint.OAuth2AccessTokenResponse;
import org.springframework.security.oauth2.core.http.converter.OAuth2AccessTokenResponseHttpMessageConverter;
import org.springframework.security.oauth2.server.authorization.InMemoryOAuth2AuthorizationService;
import org.springframework.security.oauth2.server.authorization.OAuth2AuthorizationService;
import org.springframework.security.oauth2.server.authorization.OAuth2TokenType;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2AccessTokenAuthenticationToken;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2ClientCredentialsAuthenticationToken;
import org.springframework.security.oauth2.server.authorization.client.InMemoryRegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.settings.AuthorizationServerSettings;
import org.springframework.security.oauth2.server.authorization.settings.ClientSettings;
import org.springframework.security.oauth2.server.authorization.settings.OAuth2TokenFormat;
import org.springframework.security.oauth2.server.authorization.settings.TokenSettings;
import org.springframework.security.oauth2.server.authorization.token.JwtEncodingContext;
import org.springframework.security.oauth2.server.authorization.token.OAuth2TokenCustomizer;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.AuthenticationSuccessHandler;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.servlet.function.RouterFunction;
import org.springframework.web.servlet.function.RouterFunctions;
import org.springframework.web.servlet.function.ServerRequest;
import org.springframework.web.servlet.function.ServerResponse;

/**
 * A real OAuth2 authorization server (Spring Authorization Server) in its own small Spring context
 * on a random port, for tests of the OAuth2 connections. It counts and records the requests its
 * token endpoint receives, and offers revocation, introspection and a scripted browser login.
 *
 * <p>Clients (secret = {@code <id>-secret}):
 *
 * <ul>
 *   <li>{@value #BASIC_CLIENT}: client credentials, client_secret_basic, tokens for 5 minutes
 *   <li>{@value #POST_CLIENT}: client credentials, client_secret_post
 *   <li>{@value #SHORT_CLIENT}: client credentials, client_secret_basic, tokens for {@link
 *       #SHORT_TTL}
 *   <li>{@value #GATEWAY_CLIENT}: client credentials, client_secret_post, signed JWTs for {@link
 *       #SHORT_TTL} whose {@code aud} is the request's {@code audience} parameter (as Keycloak's
 *       audience mapper and Camunda Identity produce them): the Camunda client's OIDC login to a
 *       Zeebe gateway
 *   <li>{@value #ROTATING_CLIENT}: authorization code + PKCE + refresh, a new refresh token on
 *       every refresh
 *   <li>{@value #KEEPING_CLIENT}: like the rotating one, but a refresh answer carries NO refresh
 *       token
 * </ul>
 *
 * User {@value #USER} / {@value #PASSWORD} logs in on the server's form.
 */
public final class OAuth2TestServer implements AutoCloseable {

  public static final String BASIC_CLIENT = "cc-basic";
  public static final String POST_CLIENT = "cc-post";
  public static final String SHORT_CLIENT = "cc-short";
  public static final String GATEWAY_CLIENT = "zeebe-connectors";
  public static final String ROTATING_CLIENT = "web-rotating";
  public static final String KEEPING_CLIENT = "web-keeping";
  public static final String USER = "alice";
  public static final String PASSWORD = "alice-password";
  public static final Duration SHORT_TTL = Duration.ofSeconds(4);

  private final ConfigurableApplicationContext context;
  private final String base;
  private final TokenRequests tokenRequests;

  private OAuth2TestServer(ConfigurableApplicationContext context) {
    this.context = context;
    this.base =
        "http://127.0.0.1:"
            + ((ServletWebServerApplicationContext) context).getWebServer().getPort();
    this.tokenRequests = context.getBean(TokenRequests.class);
  }

  /**
   * @param redirectUri where authorization-code clients may send the user back (our callback)
   */
  public static OAuth2TestServer start(String redirectUri) {
    ConfigurableApplicationContext context =
        new SpringApplicationBuilder(ServerConfiguration.class)
            .web(WebApplicationType.SERVLET)
            .properties(
                Map.of(
                    "spring.config.name", "oauth2-test-server-no-config-file",
                    "server.port", "0",
                    "server.address", "127.0.0.1",
                    // the runtime is on 127.0.0.1 too and cookies ignore ports: a browser keeps
                    // both sessions
                    "server.servlet.session.cookie.name", "AUTH_SERVER_SESSION",
                    "spring.main.banner-mode", "off",
                    "oauth2-test-server.redirect-uri", redirectUri))
            .run();
    return new OAuth2TestServer(context);
  }

  /** A server for the client-credentials clients: no user is ever sent back anywhere. */
  public static OAuth2TestServer forClientCredentials() {
    return start("http://127.0.0.1:1/unused");
  }

  public static String secretOf(String clientId) {
    return clientId + "-secret";
  }

  public String tokenEndpoint() {
    return base + "/oauth2/token";
  }

  /** The {@code iss} of the JWTs this server signs. */
  public String issuer() {
    return base;
  }

  /** Where the keys that verify this server's JWTs are published. */
  public String jwkSetUri() {
    return base + "/oauth2/jwks";
  }

  public String authorizationEndpoint() {
    return base + "/oauth2/authorize";
  }

  /**
   * A user info endpoint (a provider's "who am I"): for an active access token of a signed-in user
   * it answers {@code {"sub": "alice", "email": "alice@example.test", "name": "Alice Example"}}.
   */
  public String userInfoEndpoint() {
    return base + UserInfo.PATH;
  }

  /** From now on the user info endpoint answers this HTTP status; 200 restores it. */
  public void userInfoAnswers(int status) {
    context.getBean(UserInfo.class).status = status;
  }

  /** The Authorization headers the user info endpoint received, in order. */
  public List<String> userInfoRequests() {
    return List.copyOf(context.getBean(UserInfo.class).authorizationHeaders);
  }

  /** How many requests of this grant type reached the token endpoint, successful or not. */
  public int tokenRequests(String grantType) {
    return (int)
        tokenRequests.all().stream().filter(p -> grantType.equals(p.get("grant_type"))).count();
  }

  /** The form parameters (and Authorization header, as "authorization") of every token request. */
  public List<Map<String, String>> tokenRequestLog() {
    return tokenRequests.all();
  }

  /** Whether the server still considers the token active (RFC 7662 introspection). */
  public boolean isActive(String clientId, String token) {
    String body = post("/oauth2/introspect", clientId, Map.of("token", token));
    return body.contains("\"active\":true");
  }

  /** Waits until the server itself says the token has expired (for tests of what happens after). */
  public void awaitExpired(String clientId, String token) {
    Awaitility.await("token of " + clientId + " expired")
        .atMost(SHORT_TTL.plusSeconds(60))
        .pollInterval(Duration.ofMillis(250))
        .until(() -> !isActive(clientId, token));
  }

  /** Revokes a token (RFC 7009) as the client it was issued to. */
  public void revoke(String clientId, String token) {
    post("/oauth2/revoke", clientId, Map.of("token", token));
  }

  /**
   * Plays the user's browser: opens the authorization URL, logs in on the server's form and follows
   * redirects until the server sends the browser to {@code redirectPrefix}; answers that URL
   * (carrying code and state) without calling it.
   */
  public URI loginAndAuthorize(String authorizationUrl, String redirectPrefix) {
    HttpClient browser =
        HttpClient.newBuilder()
            .cookieHandler(new CookieManager(null, CookiePolicy.ACCEPT_ALL))
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();
    URI next = URI.create(authorizationUrl);
    for (int step = 0; step < 10; step++) {
      HttpResponse<String> response = send(browser, HttpRequest.newBuilder(next).GET().build());
      if (response.statusCode() == 200 && response.body().contains("name=\"password\"")) {
        response =
            send(
                browser,
                HttpRequest.newBuilder(next)
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(
                        HttpRequest.BodyPublishers.ofString(
                            form(
                                Map.of(
                                    "username",
                                    USER,
                                    "password",
                                    PASSWORD,
                                    "_csrf",
                                    csrf(response.body())))))
                    .build());
      }
      int status = response.statusCode();
      String location =
          response
              .headers()
              .firstValue("Location")
              .orElseThrow(
                  () -> new IllegalStateException("authorization server answered " + status));
      next = next.resolve(location);
      if (next.toString().startsWith(redirectPrefix)) {
        return next;
      }
    }
    throw new IllegalStateException("too many redirects");
  }

  @Override
  public void close() {
    context.close();
  }

  /**
   * Authenticates as the client the way it is registered to (form parameters only for {@value
   * #POST_CLIENT}).
   */
  private String post(String path, String clientId, Map<String, String> form) {
    Map<String, String> body = new LinkedHashMap<>(form);
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(base + path))
            .header("Content-Type", "application/x-www-form-urlencoded");
    if (clientId.equals(POST_CLIENT)) {
      body.put("client_id", clientId);
      body.put("client_secret", secretOf(clientId));
    } else {
      request.header(
          "Authorization",
          "Basic "
              + Base64.getEncoder()
                  .encodeToString(
                      (clientId + ":" + secretOf(clientId)).getBytes(StandardCharsets.UTF_8)));
    }
    return send(
            HttpClient.newHttpClient(),
            request.POST(HttpRequest.BodyPublishers.ofString(form(body))).build())
        .body();
  }

  private static HttpResponse<String> send(HttpClient client, HttpRequest request) {
    try {
      return client.send(request, HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private static String csrf(String loginPage) {
    Matcher m = Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"").matcher(loginPage);
    if (!m.find()) {
      throw new IllegalStateException("no CSRF token on the login page");
    }
    return m.group(1);
  }

  private static String form(Map<String, String> values) {
    List<String> pairs = new ArrayList<>();
    values.forEach(
        (k, v) ->
            pairs.add(
                URLEncoder.encode(k, StandardCharsets.UTF_8)
                    + "="
                    + URLEncoder.encode(v, StandardCharsets.UTF_8)));
    return String.join("&", pairs);
  }

  /** Every request that reached the token endpoint. */
  static final class TokenRequests extends OncePerRequestFilter {

    private final List<Map<String, String>> requests =
        Collections.synchronizedList(new ArrayList<>());

    List<Map<String, String>> all() {
      synchronized (requests) {
        return List.copyOf(requests);
      }
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
      return !request.getRequestURI().equals("/oauth2/token");
    }

    @Override
    protected void doFilterInternal(
        HttpServletRequest request,
        jakarta.servlet.http.HttpServletResponse response,
        jakarta.servlet.FilterChain chain)
        throws jakarta.servlet.ServletException, IOException {
      Map<String, String> parameters = new LinkedHashMap<>();
      request.getParameterMap().forEach((k, v) -> parameters.put(k, v[0]));
      if (request.getHeader("Authorization") != null) {
        parameters.put("authorization", request.getHeader("Authorization"));
      }
      requests.add(parameters);
      chain.doFilter(request, response);
    }
  }

  // Not a @Configuration: the runtime's component scan of dev.flowconnections.runtime must not find
  // it.
  @EnableWebSecurity
  @Import({
    ServletWebServerFactoryAutoConfiguration.class,
    DispatcherServletAutoConfiguration.class,
    WebMvcAutoConfiguration.class,
    HttpMessageConvertersAutoConfiguration.class,
    JacksonAutoConfiguration.class,
    SecurityFilterAutoConfiguration.class
  })
  static class ServerConfiguration {

    @Bean
    TokenRequests tokenRequests() {
      return new TokenRequests();
    }

    @Bean
    FilterRegistrationBean<Filter> tokenRequestsRegistration(TokenRequests filter) {
      FilterRegistrationBean<Filter> registration = new FilterRegistrationBean<>(filter);
      registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
      return registration;
    }

    @Bean
    UserInfo userInfo(OAuth2AuthorizationService authorizations) {
      return new UserInfo(authorizations);
    }

    @Bean
    RouterFunction<ServerResponse> userInfoRoute(UserInfo userInfo) {
      return RouterFunctions.route().GET(UserInfo.PATH, userInfo::answer).build();
    }

    /** The user info endpoint checks its bearer token itself. */
    @Bean
    @Order(0)
    SecurityFilterChain userInfoChain(HttpSecurity http) throws Exception {
      http.securityMatcher(UserInfo.PATH)
          .authorizeHttpRequests(requests -> requests.anyRequest().permitAll())
          .csrf(csrf -> csrf.disable());
      return http.build();
    }

    @Bean
    @Order(1)
    SecurityFilterChain authorizationServerChain(HttpSecurity http) throws Exception {
      return AuthorizationServerParts.endpoints(
          http,
          server ->
              server.tokenEndpoint(
                  t -> t.accessTokenResponseHandler(omitRefreshTokenFor(KEEPING_CLIENT))));
    }

    @Bean
    @Order(2)
    SecurityFilterChain loginChain(HttpSecurity http) throws Exception {
      return AuthorizationServerParts.loginForm(http);
    }

    @Bean
    UserDetailsService users() {
      return new InMemoryUserDetailsManager(
          User.withUsername(USER).password("{noop}" + PASSWORD).roles("USER").build());
    }

    @Bean
    RegisteredClientRepository clients(org.springframework.core.env.Environment env) {
      String redirectUri = env.getRequiredProperty("oauth2-test-server.redirect-uri");
      return new InMemoryRegisteredClientRepository(
          clientCredentials(
              BASIC_CLIENT, ClientAuthenticationMethod.CLIENT_SECRET_BASIC, Duration.ofMinutes(5)),
          clientCredentials(
              POST_CLIENT, ClientAuthenticationMethod.CLIENT_SECRET_POST, Duration.ofMinutes(5)),
          clientCredentials(
              SHORT_CLIENT, ClientAuthenticationMethod.CLIENT_SECRET_BASIC, SHORT_TTL),
          gatewayClient(GATEWAY_CLIENT, SHORT_TTL),
          webClient(ROTATING_CLIENT, redirectUri, false),
          webClient(KEEPING_CLIENT, redirectUri, true));
    }

    @Bean
    OAuth2AuthorizationService authorizations() {
      return new InMemoryOAuth2AuthorizationService();
    }

    @Bean
    AuthorizationServerSettings authorizationServerSettings() {
      return AuthorizationServerSettings.builder().build();
    }

    @Bean
    JWKSource<SecurityContext> jwkSource() {
      return AuthorizationServerParts.freshSigningKey();
    }

    private static RegisteredClient clientCredentials(
        String id, ClientAuthenticationMethod method, Duration ttl) {
      return RegisteredClient.withId(id)
          .clientId(id)
          .clientSecret("{noop}" + secretOf(id))
          .clientAuthenticationMethod(method)
          .authorizationGrantType(AuthorizationGrantType.CLIENT_CREDENTIALS)
          .scope("orders.read")
          .tokenSettings(
              TokenSettings.builder()
                  .accessTokenTimeToLive(ttl)
                  .accessTokenFormat(OAuth2TokenFormat.REFERENCE)
                  .build())
          .build();
    }

    private static RegisteredClient gatewayClient(String id, Duration ttl) {
      return RegisteredClient.withId(id)
          .clientId(id)
          .clientSecret("{noop}" + secretOf(id))
          .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_POST)
          .authorizationGrantType(AuthorizationGrantType.CLIENT_CREDENTIALS)
          .tokenSettings(
              TokenSettings.builder()
                  .accessTokenTimeToLive(ttl)
                  .accessTokenFormat(OAuth2TokenFormat.SELF_CONTAINED)
                  .build())
          .build();
    }

    /**
     * A JWT's audience is the {@code audience} the client asked for (the Camunda client sends
     * CAMUNDA_CLIENT_AUTH_AUDIENCE so): a gateway checking {@code aud} then proves the setting
     * arrived. Without the parameter the token keeps the server's default (the client id).
     */
    @Bean
    OAuth2TokenCustomizer<JwtEncodingContext> audienceFromRequest() {
      return context -> {
        if (context.getAuthorizationGrant()
                instanceof OAuth2ClientCredentialsAuthenticationToken grant
            && grant.getAdditionalParameters().get("audience") instanceof String audience) {
          context.getClaims().audience(List.of(audience));
        }
      };
    }

    private static RegisteredClient webClient(
        String id, String redirectUri, boolean reuseRefreshTokens) {
      return RegisteredClient.withId(id)
          .clientId(id)
          .clientSecret("{noop}" + secretOf(id))
          .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
          .authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
          .authorizationGrantType(AuthorizationGrantType.REFRESH_TOKEN)
          .redirectUri(redirectUri)
          .scope("orders.read")
          .clientSettings(
              ClientSettings.builder()
                  .requireProofKey(true)
                  .requireAuthorizationConsent(false)
                  .build())
          .tokenSettings(
              TokenSettings.builder()
                  .accessTokenTimeToLive(Duration.ofMinutes(5))
                  .accessTokenFormat(OAuth2TokenFormat.REFERENCE)
                  .reuseRefreshTokens(reuseRefreshTokens)
                  .build())
          .build();
    }

    /** The default token answer, except that refreshes of {@code clientId} get no refresh token. */
    private static AuthenticationSuccessHandler omitRefreshTokenFor(String clientId) {
      OAuth2AccessTokenResponseHttpMessageConverter converter =
          new OAuth2AccessTokenResponseHttpMessageConverter();
      return (request, response, authentication) -> {
        OAuth2AccessTokenAuthenticationToken token =
            (OAuth2AccessTokenAuthenticationToken) authentication;
        OAuth2AccessTokenResponse.Builder answer =
            OAuth2AccessTokenResponse.withToken(token.getAccessToken().getTokenValue())
                .tokenType(token.getAccessToken().getTokenType())
                .scopes(token.getAccessToken().getScopes());
        if (token.getAccessToken().getIssuedAt() != null
            && token.getAccessToken().getExpiresAt() != null) {
          answer.expiresIn(
              ChronoUnit.SECONDS.between(
                  token.getAccessToken().getIssuedAt(), token.getAccessToken().getExpiresAt()));
        }
        boolean omit =
            "refresh_token".equals(request.getParameter("grant_type"))
                && clientId.equals(token.getRegisteredClient().getClientId());
        if (token.getRefreshToken() != null && !omit) {
          answer.refreshToken(token.getRefreshToken().getTokenValue());
        }
        if (!token.getAdditionalParameters().isEmpty()) {
          answer.additionalParameters(token.getAdditionalParameters());
        }
        converter.write(answer.build(), null, new ServletServerHttpResponse(response));
      };
    }
  }

  /**
   * The user info endpoint: who the bearer token's user is, or the status a test asked for. A plain
   * class routed by {@link ServerConfiguration#userInfoRoute}: a controller annotation would let
   * the runtime's own component scan pick it up.
   */
  static class UserInfo {

    static final String PATH = "/userinfo";

    private final OAuth2AuthorizationService authorizations;
    final List<String> authorizationHeaders = Collections.synchronizedList(new ArrayList<>());
    volatile int status = 200;

    UserInfo(OAuth2AuthorizationService authorizations) {
      this.authorizations = authorizations;
    }

    ServerResponse answer(ServerRequest request) {
      String authorization = request.headers().firstHeader("Authorization");
      authorizationHeaders.add(String.valueOf(authorization));
      if (status != 200) {
        return ServerResponse.status(status).build();
      }
      String token =
          authorization != null && authorization.startsWith("Bearer ")
              ? authorization.substring("Bearer ".length())
              : "";
      var found = authorizations.findByToken(token, OAuth2TokenType.ACCESS_TOKEN);
      if (found == null || !found.getAccessToken().isActive()) {
        return ServerResponse.status(401).build();
      }
      String user = found.getPrincipalName();
      return ServerResponse.ok()
          .body(Map.of("sub", user, "email", user + "@example.test", "name", "Alice Example"));
    }
  }
}
