package dev.flowconnections.runtime.rest.auth;

import dev.flowconnections.fields.FieldCatalog;
import dev.flowconnections.resolution.ConnectionResolutionException;
import dev.flowconnections.resolution.ResolvedConnection;
import dev.flowconnections.runtime.oauth2.OAuth2AccessTokens;
import io.camunda.connector.api.error.ConnectorInputException;
import io.camunda.connector.api.error.ConnectorRetryException;
import java.util.Locale;

/** Picks the {@link Authentication} for a connection's auth scheme and reads its fields. */
public final class Authentications {

  private final OAuth2AccessTokens oauth2;

  public Authentications(OAuth2AccessTokens oauth2) {
    this.oauth2 = oauth2;
  }

  /**
   * @throws ConnectionResolutionException when a field the scheme needs is missing
   * @throws ConnectorInputException when an OAuth2 token cannot be had for configuration reasons
   * @throws ConnectorRetryException when the OAuth2 token endpoint is unavailable
   */
  public Authentication forConnection(ResolvedConnection connection) {
    return switch (connection.authScheme()) {
      case NONE -> new NoAuthentication();
      case BEARER -> new BearerAuthentication(connection.requireText(FieldCatalog.TOKEN));
      case API_KEY ->
          new ApiKeyAuthentication(
              connection.requireText(FieldCatalog.API_KEY_NAME),
              apiKeyLocation(connection),
              connection.requireText(FieldCatalog.API_KEY));
      case BASIC ->
          new BasicAuthentication(
              connection.requireText(FieldCatalog.USERNAME),
              connection.requireText(FieldCatalog.PASSWORD));
      case CUSTOM_HEADERS ->
          new CustomHeadersAuthentication(connection.requireSecretMap(FieldCatalog.HEADERS));
      case OAUTH2 -> new OAuth2Authentication(oauth2.accessTokenFor(connection));
    };
  }

  private static ApiKeyAuthentication.Location apiKeyLocation(ResolvedConnection connection) {
    String location = connection.text(FieldCatalog.API_KEY_LOCATION).orElse("HEADER");
    try {
      return ApiKeyAuthentication.Location.valueOf(location.trim().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new ConnectionResolutionException(
          "connection '"
              + connection.key()
              + "' has an unknown '"
              + FieldCatalog.API_KEY_LOCATION
              + "' in "
              + connection.environment()
              + "; expected HEADER or QUERY");
    }
  }
}
