package dev.flowconnections.runtime.testsupport;

import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.SecurityContext;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.util.UUID;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.oauth2.server.authorization.config.annotation.web.configurers.OAuth2AuthorizationServerConfigurer;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;

/**
 * What the tests' Spring Authorization Servers ({@link OAuth2TestServer}, the OIDC issuer of the
 * login tests) set up alike: the protocol endpoints, a login form for everything else, and a fresh
 * signing key. Each server adds its own clients, users and token customizations.
 */
public final class AuthorizationServerParts {

  private AuthorizationServerParts() {}

  /**
   * The authorization server's endpoints, configured by {@code server}; who is not signed in is
   * sent to /login.
   */
  public static SecurityFilterChain endpoints(
      HttpSecurity http, Customizer<OAuth2AuthorizationServerConfigurer> server) throws Exception {
    OAuth2AuthorizationServerConfigurer configurer =
        OAuth2AuthorizationServerConfigurer.authorizationServer();
    http.securityMatcher(configurer.getEndpointsMatcher())
        .with(configurer, server)
        .authorizeHttpRequests(requests -> requests.anyRequest().authenticated())
        .exceptionHandling(
            errors ->
                errors.authenticationEntryPoint(new LoginUrlAuthenticationEntryPoint("/login")));
    return http.build();
  }

  /**
   * Every other request: the default login form, for the user the authorization code flow signs in.
   */
  public static SecurityFilterChain loginForm(HttpSecurity http) throws Exception {
    http.authorizeHttpRequests(requests -> requests.anyRequest().authenticated())
        .formLogin(Customizer.withDefaults());
    return http.build();
  }

  /** A new RSA key for each server, so no test trusts another server's tokens. */
  public static JWKSource<SecurityContext> freshSigningKey() {
    try {
      KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
      generator.initialize(2048);
      KeyPair pair = generator.generateKeyPair();
      RSAKey key =
          new RSAKey.Builder((RSAPublicKey) pair.getPublic())
              .privateKey((RSAPrivateKey) pair.getPrivate())
              .keyID(UUID.randomUUID().toString())
              .build();
      return new ImmutableJWKSet<>(new JWKSet(key));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }
}
