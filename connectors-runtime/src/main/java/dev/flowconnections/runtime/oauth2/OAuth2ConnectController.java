package dev.flowconnections.runtime.oauth2;

import dev.flowconnections.access.Actor;
import dev.flowconnections.environment.Environment;
import dev.flowconnections.errors.NotFoundException;
import dev.flowconnections.errors.ValidationException;
import java.util.Arrays;
import java.util.UUID;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * "Connect" of an OAuth2 authorization-code environment: start (answers the authorization URL, or
 * redirects to it with {@code ?redirect=true}) and the callback the authorization server sends the
 * user's browser to. Both need the API user; the callback only accepts the user who started. A
 * browser signed in to the UI (session cookie) completes the callback like an API client does and
 * is then sent back to the connections page.
 */
@RestController
class OAuth2ConnectController {

  static final String CALLBACK_PATH = "/api/oauth2/callback";
  static final String CONNECTIONS_PAGE = "/connections";

  private final OAuth2Connect connect;
  private final String configuredRedirectUri;

  OAuth2ConnectController(
      OAuth2Connect connect,
      @Value("${flow-connections.oauth2.redirect-uri:}") String redirectUri) {
    this.connect = connect;
    this.configuredRedirectUri = redirectUri;
  }

  @PostMapping("/api/connections/{id}/environments/{environment}/oauth2/authorize")
  ResponseEntity<OAuth2Connect.AuthorizationStart> authorize(
      Actor actor,
      @PathVariable UUID id,
      @PathVariable String environment,
      @RequestParam(defaultValue = "false") boolean redirect) {
    OAuth2Connect.AuthorizationStart start =
        connect.start(actor, id, environment(environment), redirectUri());
    if (redirect) {
      return ResponseEntity.status(302).location(start.authorizationUrl()).build();
    }
    return ResponseEntity.ok(start);
  }

  /**
   * API clients get the result (or a problem) as JSON. A browser (it asks for HTML) is sent back to
   * the connections page instead, with the outcome as parameters the page turns into a notice: on
   * failure only a fixed reason code, so a crafted link cannot make the page show arbitrary text.
   */
  @GetMapping(CALLBACK_PATH)
  ResponseEntity<?> callback(
      Actor actor,
      @RequestHeader(name = HttpHeaders.ACCEPT, required = false) String accept,
      @RequestParam(required = false) String state,
      @RequestParam(required = false) String code,
      @RequestParam(required = false) String error,
      @RequestParam(name = "error_description", required = false) String errorDescription) {
    if (!asksForHtml(accept)) {
      return ResponseEntity.ok(connect.complete(actor, state, code, error, errorDescription));
    }
    UriComponentsBuilder page = UriComponentsBuilder.fromPath(CONNECTIONS_PAGE);
    try {
      OAuth2Connect.AuthorizationResult result =
          connect.complete(actor, state, code, error, errorDescription);
      page.queryParam("connected", result.connectionId())
          .queryParam("environment", result.environment());
    } catch (ValidationException | ErrorResponseException | NotFoundException e) {
      page.queryParam("connectError", ConnectFailure.of(e).code());
    }
    return ResponseEntity.status(HttpStatus.SEE_OTHER).location(page.build().toUri()).build();
  }

  /**
   * A browser's navigation names text/html explicitly; API clients send JSON, a wildcard or
   * nothing.
   */
  private static boolean asksForHtml(String accept) {
    if (accept == null || accept.isBlank()) {
      return false;
    }
    try {
      return MediaType.parseMediaTypes(accept).stream()
          .anyMatch(type -> type.equalsTypeAndSubtype(MediaType.TEXT_HTML));
    } catch (InvalidMediaTypeException e) {
      return false;
    }
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
        .orElseThrow(
            () ->
                new ValidationException(
                    "environment", "must be one of " + Arrays.toString(Environment.values())));
  }
}
