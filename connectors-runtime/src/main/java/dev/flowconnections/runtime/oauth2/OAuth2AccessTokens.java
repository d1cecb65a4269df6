package dev.flowconnections.runtime.oauth2;

import dev.flowconnections.environment.Environment;
import dev.flowconnections.oauth2.OAuth2Grants;
import dev.flowconnections.oauth2.OAuth2Grants.RefreshOutcome;
import dev.flowconnections.oauth2.StoredTokens;
import dev.flowconnections.resolution.ConnectionResolutionException;
import dev.flowconnections.resolution.ResolvedConnection;
import dev.flowconnections.runtime.worker.ConnectionProblem;
import dev.flowconnections.runtime.worker.WorkerConnections;
import io.camunda.connector.api.error.ConnectorInputException;
import io.camunda.connector.api.error.ConnectorRetryException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Access tokens for OAuth2 connections, for every HTTP-based worker: {@link #accessTokenFor}.
 *
 * <p>Client credentials: the token comes from the token endpoint and is cached until shortly before
 * it expires; concurrent jobs needing it cause one request (single flight). Authorization code: the
 * token a user's "Connect" stored is used until shortly before expiry, then refreshed under the
 * environment's database lock (see {@link OAuth2Grants}); a refused refresh marks the environment
 * as needing re-authorisation and fails the job with an incident saying so.
 *
 * <p>Cache keys hold organization, connection key, environment and a digest of every client setting
 * and credential, so another environment, another connection or changed credentials never reuse a
 * token. Nothing here logs or reports a token or secret.
 */
public class OAuth2AccessTokens {

  private static final Logger LOG = LoggerFactory.getLogger(OAuth2AccessTokens.class);

  /** How long to use a token whose server gave no {@code expires_in}. */
  static final Duration DEFAULT_LIFETIME = Duration.ofMinutes(5);

  private final TokenEndpointClient tokenEndpoint;
  private final OAuth2Grants grants;
  private final Clock clock;
  private final TokenCache<CacheKey> cache;

  /**
   * @param grants the stored grants; null in a runtime without the store (client credentials only)
   */
  public OAuth2AccessTokens(TokenEndpointClient tokenEndpoint, OAuth2Grants grants, Clock clock) {
    this.tokenEndpoint = tokenEndpoint;
    this.grants = grants;
    this.clock = clock;
    this.cache = new TokenCache<>(clock);
  }

  /**
   * A valid access token for the connection's environment, to send as {@code Authorization:
   * Bearer}.
   *
   * @throws ConnectorInputException for configuration or authorisation problems (missing field,
   *     refused client credentials, environment needing re-authorisation): an incident at once
   * @throws ConnectorRetryException when the token endpoint cannot be reached or answers 5xx
   */
  public String accessTokenFor(ResolvedConnection connection) {
    OAuth2Settings settings = OAuth2Settings.of(connection);
    CacheKey key =
        new CacheKey(
            Objects.toString(connection.organizationId(), ""),
            connection.key(),
            connection.environment(),
            settings.fingerprint());
    AccessToken token =
        switch (settings.grant()) {
          case CLIENT_CREDENTIALS -> cache.get(key, () -> clientCredentials(settings));
          case AUTHORIZATION_CODE -> cache.get(key, () -> authorizationCode(connection, settings));
        };
    return token.value();
  }

  /** Drops cached tokens of one connection environment, e.g. after a new "Connect". */
  public void forget(String organizationId, String connectionKey, Environment environment) {
    cache.forget(
        k ->
            k.organizationId().equals(organizationId)
                && k.connectionKey().equals(connectionKey)
                && k.environment() == environment);
  }

  private AccessToken clientCredentials(OAuth2Settings settings) {
    try {
      TokenResponse response = tokenEndpoint.clientCredentials(settings);
      LOG.debug("obtained an access token for {} (client credentials)", settings.describe());
      return toAccessToken(response);
    } catch (TokenEndpointException e) {
      throw failure(e);
    }
  }

  private AccessToken authorizationCode(ResolvedConnection connection, OAuth2Settings settings) {
    StoredTokens resolved =
        StoredTokens.from(connection.secrets()).orElseThrow(() -> notAuthorized(settings));
    if (fresh(resolved)) {
      return new AccessToken(
          resolved.accessToken(), clock.instant(), resolved.accessTokenExpiresAt());
    }
    if (grants == null || connection.organizationId() == null) {
      throw new ConnectionProblem(
          settings.describe() + " needs a token refresh, which this runtime cannot store");
    }
    RefreshOutcome outcome;
    try {
      outcome =
          grants.refresh(
              connection.organizationId(),
              connection.key(),
              connection.environment(),
              stored ->
                  fresh(stored) ? new RefreshOutcome.Current(stored) : refresh(settings, stored));
    } catch (ConnectionResolutionException e) {
      throw WorkerConnections.configurationProblem(e);
    } catch (TokenEndpointException e) {
      throw failure(e);
    }
    return switch (outcome) {
      case RefreshOutcome.Current current -> stored(current.tokens());
      case RefreshOutcome.Refreshed refreshed -> {
        LOG.info("refreshed the access token of {}", settings.describe());
        yield stored(refreshed.tokens());
      }
      case RefreshOutcome.Rejected rejected -> {
        LOG.warn("{} needs re-authorisation: {}", settings.describe(), rejected.reason());
        throw needsReauthorization(connection, rejected.reason());
      }
      case RefreshOutcome.NeedsReauthorization marked ->
          throw needsReauthorization(connection, marked.reason());
      case RefreshOutcome.NotAuthorized none -> throw notAuthorized(settings);
    };
  }

  /** Runs under the environment's lock with the tokens as stored now. */
  private RefreshOutcome refresh(OAuth2Settings settings, StoredTokens stored) {
    if (stored.refreshToken() == null) {
      return new RefreshOutcome.Rejected(
          "the access token expired and the authorization server issued no refresh token");
    }
    TokenResponse response;
    try {
      response = tokenEndpoint.refresh(settings, stored.refreshToken());
    } catch (TokenEndpointException e) {
      if (e.kind() == TokenEndpointException.Kind.REJECTED && "invalid_grant".equals(e.error())) {
        return new RefreshOutcome.Rejected(e.getMessage());
      }
      throw e; // a refused client or an outage: nothing to mark, the caller reports it
    }
    AccessToken token = toAccessToken(response);
    // RFC 6749 §6: without a new refresh token in the answer, the old one stays valid
    String refreshToken =
        response.refreshToken() != null ? response.refreshToken() : stored.refreshToken();
    return new RefreshOutcome.Refreshed(
        new StoredTokens(token.value(), refreshToken, token.expiresAt()));
  }

  private boolean fresh(StoredTokens tokens) {
    // the stored expiry has no "obtained at"; MAX_EARLY_REFRESH before expiry counts as stale
    return tokens.accessToken() != null
        && tokens.accessTokenExpiresAt() != null
        && clock
            .instant()
            .isBefore(tokens.accessTokenExpiresAt().minus(AccessToken.MAX_EARLY_REFRESH));
  }

  private AccessToken stored(StoredTokens tokens) {
    return new AccessToken(tokens.accessToken(), clock.instant(), tokens.accessTokenExpiresAt());
  }

  private AccessToken toAccessToken(TokenResponse response) {
    Instant now = clock.instant();
    Duration lifetime = response.expiresIn() == null ? DEFAULT_LIFETIME : response.expiresIn();
    return new AccessToken(response.accessToken(), now, now.plus(lifetime));
  }

  private static RuntimeException failure(TokenEndpointException e) {
    if (e.kind() == TokenEndpointException.Kind.UNAVAILABLE) {
      return ConnectorRetryException.builder()
          .errorCode("OAUTH2_TOKEN_ENDPOINT_UNAVAILABLE")
          .message(e.getMessage())
          .build();
    }
    return new ConnectionProblem(e.getMessage());
  }

  private static ConnectorInputException notAuthorized(OAuth2Settings settings) {
    return new ConnectionProblem(
        settings.describe()
            + " is not authorised yet: a user must use \"Connect\" for this environment first");
  }

  private static ConnectorInputException needsReauthorization(
      ResolvedConnection connection, String reason) {
    return new ConnectionProblem(
        "connection '"
            + connection.key()
            + "' needs re-authorisation in "
            + connection.environment()
            + ": "
            + reason);
  }

  private record CacheKey(
      String organizationId, String connectionKey, Environment environment, String fingerprint) {}
}
