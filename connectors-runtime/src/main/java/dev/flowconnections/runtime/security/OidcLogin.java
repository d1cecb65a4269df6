package dev.flowconnections.runtime.security;

import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;

/**
 * Browser login by OpenID Connect (authorization code flow), switched on purely by configuration:
 * with a {@code spring.security.oauth2.client.registration.<id>} (and its provider's
 * {@code issuer-uri}) Spring Boot provides a {@link ClientRegistrationRepository}, and a browser
 * logs in at {@code /oauth2/authorization/<id>}. Without one nothing changes: HTTP Basic only.
 */
final class OidcLogin {

  private OidcLogin() {}

  static void applyIfConfigured(
      HttpSecurity http, ClientRegistrationRepository clients, OidcClaimsMapping mapping, ProblemResponses problems)
      throws Exception {
    if (clients == null) {
      return;
    }
    http.oauth2Login(login -> login
            .clientRegistrationRepository(clients)
            .userInfoEndpoint(userInfo -> userInfo.oidcUserService(mapping))
            .failureHandler(problems.loginRefused()))
        // the login lives in a session; HTTP Basic requests still create none
        .sessionManagement(sessions -> sessions.sessionCreationPolicy(SessionCreationPolicy.IF_REQUIRED));
  }
}
