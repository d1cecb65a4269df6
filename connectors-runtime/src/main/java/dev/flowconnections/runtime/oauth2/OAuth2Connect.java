package dev.flowconnections.runtime.oauth2;

import dev.flowconnections.access.Actor;
import dev.flowconnections.connection.ConnectionService;
import dev.flowconnections.connection.ConnectionView;
import dev.flowconnections.environment.Environment;
import dev.flowconnections.errors.ConflictException;
import dev.flowconnections.errors.ValidationException;
import dev.flowconnections.fields.FieldCatalog;
import dev.flowconnections.oauth2.OAuth2AuthorizationRequests;
import dev.flowconnections.oauth2.OAuth2Grants;
import dev.flowconnections.oauth2.PendingAuthorization;
import dev.flowconnections.oauth2.StoredTokens;
import dev.flowconnections.resolution.ConnectionResolutionException;
import dev.flowconnections.resolution.ConnectionResolver;
import dev.flowconnections.resolution.ResolvedConnection;
import dev.flowconnections.scope.RuntimeCaller;
import io.camunda.connector.api.error.ConnectorInputException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * "Connect" for an OAuth2 authorization-code environment: {@link #start} makes the authorization
 * URL (fresh state and PKCE S256 challenge, kept server-side for {@link #STATE_LIFETIME}, bound to
 * the user), {@link #complete} takes the callback: the state must be known, unused, unexpired and
 * the same user's; the code is exchanged with the verifier and the tokens are stored encrypted in
 * the environment's credentials.
 */
public class OAuth2Connect {

  static final Duration STATE_LIFETIME = Duration.ofMinutes(10);
  private static final SecureRandom RANDOM = new SecureRandom();
  private static final int MAX_ERROR_TEXT = 200;

  private final ConnectionService connections;
  private final ConnectionResolver resolver;
  private final OAuth2AuthorizationRequests requests;
  private final OAuth2Grants grants;
  private final TokenEndpointClient tokenEndpoint;
  private final OAuth2AccessTokens accessTokens;
  private final UserInfoClient userInfo;
  private final Clock clock;

  public OAuth2Connect(
      ConnectionService connections,
      ConnectionResolver resolver,
      OAuth2AuthorizationRequests requests,
      OAuth2Grants grants,
      TokenEndpointClient tokenEndpoint,
      OAuth2AccessTokens accessTokens,
      UserInfoClient userInfo,
      Clock clock) {
    this.connections = connections;
    this.resolver = resolver;
    this.requests = requests;
    this.grants = grants;
    this.tokenEndpoint = tokenEndpoint;
    this.accessTokens = accessTokens;
    this.userInfo = userInfo;
    this.clock = clock;
  }

  static final String STATE_UNKNOWN = "is unknown or was already used; start \"Connect\" again";
  static final String STATE_OF_ANOTHER_USER =
      "was issued to another user; start \"Connect\" yourself";
  static final String STATE_EXPIRED = "has expired; start \"Connect\" again";

  /** Where to send the user's browser, and until when the answer will be accepted. */
  public record AuthorizationStart(URI authorizationUrl, Instant expiresAt) {}

  /**
   * What a completed "Connect" recorded; holds no token.
   *
   * @param account whose account at the provider was authorised, from its user info endpoint; null
   *     when the integration has none or it did not answer
   */
  public record AuthorizationResult(
      UUID connectionId,
      String connectionKey,
      Environment environment,
      String authorizedBy,
      Instant authorizedAt,
      String account) {}

  /**
   * @param redirectUri the callback URL as the user's browser reaches it; the exchange repeats it
   */
  public AuthorizationStart start(
      Actor actor, UUID connectionId, Environment environment, String redirectUri) {
    ConnectionView view = connections.get(actor, connectionId);
    String key = view.connection().key();
    if (!OAuth2Grants.usesAuthorizationCode(view.integration(), environment)) {
      throw new ValidationException(
          "environment",
          "connection '"
              + key
              + "' does not use the OAuth2 authorization code grant in "
              + environment
              + "; nothing to connect");
    }
    if (!view.connection().environments().containsKey(environment)) {
      throw new ConflictException(
          "environment",
          "connection '"
              + key
              + "' has no credentials for "
              + environment
              + "; save its client ID and secret first");
    }
    OAuth2Settings settings = settingsOf(actor, key, environment);
    String state = randomToken();
    String verifier = randomToken();
    Instant expiresAt = clock.instant().plus(STATE_LIFETIME);
    requests.save(
        state,
        new PendingAuthorization(
            actor.organizationId(),
            connectionId,
            environment,
            actor.username(),
            redirectUri,
            verifier,
            expiresAt));
    UriComponentsBuilder url =
        UriComponentsBuilder.fromUri(settings.authorizationEndpoint())
            .queryParam("response_type", "code")
            .queryParam("client_id", settings.clientId())
            .queryParam("redirect_uri", redirectUri)
            .queryParam("state", state)
            .queryParam("code_challenge", challenge(verifier))
            .queryParam("code_challenge_method", "S256");
    if (settings.scopes() != null) {
      url.queryParam("scope", settings.scopes());
    }
    if (settings.audience() != null) {
      url.queryParam("audience", settings.audience());
    }
    if (settings.resource() != null) {
      url.queryParam("resource", settings.resource());
    }
    return new AuthorizationStart(url.encode().build().toUri(), expiresAt);
  }

  /** Takes the authorization server's answer; the state is used up whatever the outcome. */
  public AuthorizationResult complete(
      Actor actor, String state, String code, String error, String errorDescription) {
    if (state == null || state.isBlank()) {
      throw new ValidationException("state", "is required");
    }
    PendingAuthorization pending =
        requests.take(state).orElseThrow(() -> new ValidationException("state", STATE_UNKNOWN));
    if (!pending.username().equals(actor.username())
        || !pending.organizationId().equals(actor.organizationId())) {
      throw new ValidationException("state", STATE_OF_ANOTHER_USER);
    }
    if (!clock.instant().isBefore(pending.expiresAt())) {
      throw new ValidationException("state", STATE_EXPIRED);
    }
    if (error != null && !error.isBlank()) {
      throw new ValidationException(
          "error",
          "the authorization server did not authorise the connection: "
              + shorten(error)
              + (errorDescription == null || errorDescription.isBlank()
                  ? ""
                  : " (" + shorten(errorDescription) + ")"));
    }
    if (code == null || code.isBlank()) {
      throw new ValidationException("code", "is required");
    }
    ConnectionView view = connections.get(actor, pending.connectionId());
    String key = view.connection().key();
    ResolvedConnection resolved = resolve(actor, key, pending.environment());
    OAuth2Settings settings = settingsOf(resolved);
    TokenResponse response;
    try {
      response =
          tokenEndpoint.authorizationCode(
              settings, code, pending.redirectUri(), pending.codeVerifier());
    } catch (TokenEndpointException e) {
      if (e.kind() == TokenEndpointException.Kind.REJECTED) {
        throw new ValidationException("code", e.getMessage());
      }
      throw new ErrorResponseException(
          HttpStatus.BAD_GATEWAY,
          ProblemDetail.forStatusAndDetail(HttpStatus.BAD_GATEWAY, e.getMessage()),
          e);
    }
    Instant now = clock.instant();
    Duration lifetime =
        response.expiresIn() == null ? OAuth2AccessTokens.DEFAULT_LIFETIME : response.expiresIn();
    // once, with the new token: who was authorised, for the people managing the connection
    String account =
        userInfo.account(userInfoEndpoint(resolved), response.accessToken()).orElse(null);
    Instant authorizedAt =
        grants.authorize(
            actor.organizationId(),
            pending.connectionId(),
            pending.environment(),
            actor.username(),
            new StoredTokens(response.accessToken(), response.refreshToken(), now.plus(lifetime)),
            account);
    accessTokens.forget(actor.organizationId(), key, pending.environment());
    return new AuthorizationResult(
        pending.connectionId(),
        key,
        pending.environment(),
        actor.username(),
        authorizedAt,
        account);
  }

  private OAuth2Settings settingsOf(Actor actor, String key, Environment environment) {
    return settingsOf(resolve(actor, key, environment));
  }

  private ResolvedConnection resolve(Actor actor, String key, Environment environment) {
    try {
      // a person's "Connect" on a connection the service showed them: not process-scoped
      return resolver.resolve(actor.organizationId(), key, environment, RuntimeCaller.PERSON);
    } catch (ConnectionResolutionException e) {
      throw new ValidationException("environment", e.getMessage());
    }
  }

  private static OAuth2Settings settingsOf(ResolvedConnection resolved) {
    try {
      return OAuth2Settings.of(resolved);
    } catch (ConnectorInputException e) {
      throw new ValidationException("environment", e.getMessage());
    }
  }

  /** The integration's user info endpoint, when it names a usable one. */
  private static URI userInfoEndpoint(ResolvedConnection resolved) {
    return resolved
        .text(FieldCatalog.USER_INFO_ENDPOINT)
        .filter(text -> !text.isBlank())
        .map(
            text -> {
              try {
                URI uri = new URI(text.trim());
                return uri.isAbsolute() && uri.getHost() != null ? uri : null;
              } catch (java.net.URISyntaxException e) {
                return null;
              }
            })
        .orElse(null);
  }

  private static String shorten(String text) {
    String printable = text.replaceAll("\\p{Cntrl}", " ");
    return printable.length() > MAX_ERROR_TEXT
        ? printable.substring(0, MAX_ERROR_TEXT) + "..."
        : printable;
  }

  private static String randomToken() {
    byte[] bytes = new byte[32];
    RANDOM.nextBytes(bytes);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }

  /** RFC 7636 S256: BASE64URL(SHA256(ASCII(code_verifier))). */
  static String challenge(String verifier) {
    try {
      byte[] digest =
          MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII));
      return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
