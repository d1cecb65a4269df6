package dev.flowconnections.runtime.oauth2;

import dev.flowconnections.access.Actor;
import dev.flowconnections.environment.Environment;
import dev.flowconnections.errors.ValidationException;
import java.util.Arrays;
import java.util.UUID;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * "Connect" of an OAuth2 authorization-code environment: start (answers the authorization URL, or
 * redirects to it with {@code ?redirect=true}) and the callback the authorization server sends the
 * user's browser to. Both need the API user; the callback only accepts the user who started.
 */
@RestController
class OAuth2ConnectController {

  static final String CALLBACK_PATH = "/api/oauth2/callback";

  private final OAuth2Connect connect;
  private final String configuredRedirectUri;

  OAuth2ConnectController(OAuth2Connect connect, @Value("${flow-connections.oauth2.redirect-uri:}") String redirectUri) {
    this.connect = connect;
    this.configuredRedirectUri = redirectUri;
  }

  @PostMapping("/api/connections/{id}/environments/{environment}/oauth2/authorize")
  ResponseEntity<OAuth2Connect.AuthorizationStart> authorize(
      Actor actor,
      @PathVariable UUID id,
      @PathVariable String environment,
      @RequestParam(defaultValue = "false") boolean redirect) {
    OAuth2Connect.AuthorizationStart start = connect.start(actor, id, environment(environment), redirectUri());
    if (redirect) {
      return ResponseEntity.status(302).location(start.authorizationUrl()).build();
    }
    return ResponseEntity.ok(start);
  }

  @GetMapping(CALLBACK_PATH)
  OAuth2Connect.AuthorizationResult callback(
      Actor actor,
      @RequestParam(required = false) String state,
      @RequestParam(required = false) String code,
      @RequestParam(required = false) String error,
      @RequestParam(name = "error_description", required = false) String errorDescription) {
    return connect.complete(actor, state, code, error, errorDescription);
  }

  /** Behind a proxy, set flow-connections.oauth2.redirect-uri to the URL the browser uses. */
  private String redirectUri() {
    if (configuredRedirectUri != null && !configuredRedirectUri.isBlank()) {
      return configuredRedirectUri;
    }
    return ServletUriComponentsBuilder.fromCurrentContextPath().path(CALLBACK_PATH).toUriString();
  }

  private static Environment environment(String name) {
    return Environment.parse(name)
        .orElseThrow(() -> new ValidationException(
            "environment", "must be one of " + Arrays.toString(Environment.values())));
  }
}
