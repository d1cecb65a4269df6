package dev.flowconnections.testissuer;

import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.SecurityContext;
import dev.flowconnections.runtime.testsupport.AuthorizationServerParts;
import java.util.List;
import java.util.Map;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.autoconfigure.http.HttpMessageConvertersAutoConfiguration;
import org.springframework.boot.autoconfigure.jackson.JacksonAutoConfiguration;
import org.springframework.boot.autoconfigure.web.servlet.DispatcherServletAutoConfiguration;
import org.springframework.boot.autoconfigure.web.servlet.ServletWebServerFactoryAutoConfiguration;
import org.springframework.boot.autoconfigure.web.servlet.WebMvcAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.core.oidc.OidcScopes;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.config.annotation.web.configuration.OAuth2AuthorizationServerConfiguration;
import org.springframework.security.oauth2.server.authorization.settings.AuthorizationServerSettings;
import org.springframework.security.oauth2.server.authorization.settings.ClientSettings;
import org.springframework.security.oauth2.server.authorization.token.JwtEncodingContext;
import org.springframework.security.oauth2.server.authorization.token.OAuth2TokenCustomizer;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.security.web.SecurityFilterChain;

/**
 * A real OpenID Connect issuer for tests: Spring Authorization Server in its own small Spring
 * context on a random port, with a login form, one confidential client that needs no consent, and
 * users whose ID tokens carry {@code groups} and {@code org} claims. Passwords equal user names.
 */
public final class LocalOidcIssuer implements AutoCloseable {

  public static final String CLIENT_ID = "flow-connections";
  public static final String CLIENT_SECRET = "issuer-client-secret";

  /** user → claims of their ID token; carol has no organization, bob no group the runtime maps. */
  static final Map<String, Map<String, Object>> USERS =
      Map.of(
          "alice", Map.of("groups", List.of("flow-admins", "staff"), "org", "acme"),
          "dave", Map.of("groups", List.of("user"), "org", "acme"),
          "bob", Map.of("groups", List.of("staff"), "org", "acme"),
          "carol", Map.of("groups", List.of("flow-admins")));

  private final ConfigurableApplicationContext context;

  private LocalOidcIssuer(ConfigurableApplicationContext context) {
    this.context = context;
  }

  public static LocalOidcIssuer start() {
    ConfigurableApplicationContext context =
        new SpringApplicationBuilder(IssuerConfiguration.class)
            .web(WebApplicationType.SERVLET)
            .properties(
                "spring.config.name=local-oidc-issuer", // not the runtime's application.yml
                "server.port=0",
                "server.address=127.0.0.1",
                // both servers are on 127.0.0.1, and cookies ignore ports: keep the sessions apart
                "server.servlet.session.cookie.name=ISSUER_SESSION",
                "spring.main.banner-mode=off")
            .run();
    return new LocalOidcIssuer(context);
  }

  public String issuerUri() {
    return "http://127.0.0.1:" + ((WebServerApplicationContext) context).getWebServer().getPort();
  }

  /** Registers where the client may be sent back to (known only once the runtime has its port). */
  public void allowRedirectTo(String redirectUri) {
    context.getBean(SingleClientRepository.class).client = client(redirectUri);
  }

  @Override
  public void close() {
    context.close();
  }

  private static RegisteredClient client(String redirectUri) {
    return RegisteredClient.withId("flow-connections-client")
        .clientId(CLIENT_ID)
        .clientSecret("{noop}" + CLIENT_SECRET)
        .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
        .authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
        .redirectUri(redirectUri)
        .scope(OidcScopes.OPENID)
        .clientSettings(ClientSettings.builder().requireAuthorizationConsent(false).build())
        .build();
  }

  /** One client whose redirect URI the test sets once the runtime listens. */
  static final class SingleClientRepository implements RegisteredClientRepository {
    volatile RegisteredClient client = client("http://127.0.0.1/not-yet-known");

    @Override
    public void save(RegisteredClient registeredClient) {
      client = registeredClient;
    }

    @Override
    public RegisteredClient findById(String id) {
      return client.getId().equals(id) ? client : null;
    }

    @Override
    public RegisteredClient findByClientId(String clientId) {
      return client.getClientId().equals(clientId) ? client : null;
    }
  }

  @EnableWebSecurity
  @ImportAutoConfiguration({
    ServletWebServerFactoryAutoConfiguration.class,
    DispatcherServletAutoConfiguration.class,
    WebMvcAutoConfiguration.class,
    HttpMessageConvertersAutoConfiguration.class,
    JacksonAutoConfiguration.class
  })
  static class IssuerConfiguration {

    @Bean
    @Order(1)
    SecurityFilterChain authorizationServer(HttpSecurity http) throws Exception {
      return AuthorizationServerParts.endpoints(
          http, server -> server.oidc(Customizer.withDefaults()));
    }

    @Bean
    @Order(2)
    SecurityFilterChain loginForm(HttpSecurity http) throws Exception {
      return AuthorizationServerParts.loginForm(http);
    }

    @Bean
    UserDetailsService users() {
      return new InMemoryUserDetailsManager(
          USERS.keySet().stream()
              .map(name -> User.withUsername(name).password("{noop}" + name).roles("USER").build())
              .toList());
    }

    @Bean
    SingleClientRepository registeredClients() {
      return new SingleClientRepository();
    }

    @Bean
    OAuth2TokenCustomizer<JwtEncodingContext> idTokenClaims() {
      return context -> {
        if ("id_token".equals(context.getTokenType().getValue())) {
          String user = context.getPrincipal().getName();
          context.getClaims().claim("preferred_username", user);
          USERS
              .getOrDefault(user, Map.of())
              .forEach((claim, value) -> context.getClaims().claim(claim, value));
        }
      };
    }

    @Bean
    JWKSource<SecurityContext> jwkSource() {
      return AuthorizationServerParts.freshSigningKey();
    }

    @Bean
    JwtDecoder jwtDecoder(JWKSource<SecurityContext> jwkSource) {
      return OAuth2AuthorizationServerConfiguration.jwtDecoder(jwkSource);
    }

    @Bean
    AuthorizationServerSettings authorizationServerSettings() {
      return AuthorizationServerSettings.builder().build();
    }
  }
}
