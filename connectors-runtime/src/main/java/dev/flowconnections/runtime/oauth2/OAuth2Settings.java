package dev.flowconnections.runtime.oauth2;

import dev.flowconnections.fields.FieldCatalog;
import dev.flowconnections.integration.AuthScheme;
import dev.flowconnections.resolution.ResolvedConnection;
import dev.flowconnections.runtime.worker.ChoiceSetting;
import dev.flowconnections.runtime.worker.ConnectionProblem;
import io.camunda.connector.api.error.ConnectorInputException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;

/**
 * The OAuth2 client settings of a resolved connection: integration settings (endpoints, grant,
 * client authentication, extra token parameters) and the environment's client ID and secret. {@link
 * #toString()} hides the secret.
 */
public record OAuth2Settings(
    String connectionKey,
    String environment,
    Grant grant,
    URI tokenEndpoint,
    URI authorizationEndpoint,
    String scopes,
    ClientAuthentication clientAuthentication,
    String audience,
    String resource,
    String clientId,
    String clientSecret) {

  public enum Grant {
    CLIENT_CREDENTIALS,
    AUTHORIZATION_CODE
  }

  public enum ClientAuthentication {
    CLIENT_SECRET_BASIC,
    CLIENT_SECRET_POST
  }

  /**
   * @throws ConnectorInputException naming the field that is missing or invalid
   */
  public static OAuth2Settings of(ResolvedConnection connection) {
    if (connection.authScheme() != AuthScheme.OAUTH2) {
      throw new ConnectionProblem(
          "connection '"
              + connection.key()
              + "' does not use OAuth2 (its auth scheme is "
              + connection.authScheme()
              + ")");
    }
    Grant grant =
        choice(connection, FieldCatalog.GRANT_TYPE, Grant.class, Grant.CLIENT_CREDENTIALS);
    String authorizationEndpoint = optional(connection, FieldCatalog.AUTHORIZATION_ENDPOINT);
    if (grant == Grant.AUTHORIZATION_CODE && authorizationEndpoint == null) {
      throw missing(connection, FieldCatalog.AUTHORIZATION_ENDPOINT);
    }
    String clientId = optional(connection, FieldCatalog.CLIENT_ID);
    if (clientId == null) {
      throw missing(connection, FieldCatalog.CLIENT_ID);
    }
    String clientSecret = connection.secrets().text(FieldCatalog.CLIENT_SECRET).orElse(null);
    if (clientSecret == null || clientSecret.isEmpty()) {
      throw missing(connection, FieldCatalog.CLIENT_SECRET);
    }
    String tokenEndpoint = optional(connection, FieldCatalog.TOKEN_ENDPOINT);
    if (tokenEndpoint == null) {
      throw missing(connection, FieldCatalog.TOKEN_ENDPOINT);
    }
    return new OAuth2Settings(
        connection.key(),
        connection.environment().name(),
        grant,
        url(connection, FieldCatalog.TOKEN_ENDPOINT, tokenEndpoint),
        authorizationEndpoint == null
            ? null
            : url(connection, FieldCatalog.AUTHORIZATION_ENDPOINT, authorizationEndpoint),
        optional(connection, FieldCatalog.SCOPES),
        choice(
            connection,
            FieldCatalog.CLIENT_AUTHENTICATION,
            ClientAuthentication.class,
            ClientAuthentication.CLIENT_SECRET_BASIC),
        optional(connection, FieldCatalog.AUDIENCE),
        optional(connection, FieldCatalog.RESOURCE),
        clientId,
        clientSecret);
  }

  /** How incidents name the connection: "connection 'crm' ... in PRODUCTION". */
  public String describe() {
    return "connection '" + connectionKey + "' in " + environment;
  }

  /**
   * A digest of everything that decides which token the server issues, so a cached token is never
   * reused after a credential or setting changed.
   */
  public String fingerprint() {
    String joined =
        String.join(
            "\n",
            List.of(
                grant.name(),
                tokenEndpoint.toString(),
                nullToEmpty(scopes),
                clientAuthentication.name(),
                nullToEmpty(audience),
                nullToEmpty(resource),
                clientId,
                clientSecret));
    try {
      return HexFormat.of()
          .formatHex(
              MessageDigest.getInstance("SHA-256").digest(joined.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String nullToEmpty(String value) {
    return value == null ? "" : value;
  }

  private static String optional(ResolvedConnection connection, String field) {
    return connection.text(field).map(String::trim).filter(v -> !v.isEmpty()).orElse(null);
  }

  private static ConnectorInputException missing(ResolvedConnection connection, String field) {
    return new ConnectionProblem(
        "connection '"
            + connection.key()
            + "' has no value for '"
            + field
            + "' in "
            + connection.environment());
  }

  private static URI url(ResolvedConnection connection, String field, String value) {
    try {
      URI uri = URI.create(value);
      String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
      if (uri.getHost() != null && (scheme.equals("http") || scheme.equals("https"))) {
        return uri;
      }
    } catch (IllegalArgumentException e) {
      // reported below without echoing the value, which may hold an expanded secret
    }
    throw new ConnectionProblem(
        "connection '"
            + connection.key()
            + "' has an invalid '"
            + field
            + "' in "
            + connection.environment()
            + ": it must be an absolute http or https URL");
  }

  private static <E extends Enum<E>> E choice(
      ResolvedConnection connection, String field, Class<E> type, E fallback) {
    String value = optional(connection, field);
    if (value == null) {
      return fallback;
    }
    return ChoiceSetting.parse(connection, field, value, type);
  }

  @Override
  public String toString() {
    return "OAuth2Settings["
        + describe()
        + ", grant="
        + grant
        + ", tokenEndpoint="
        + tokenEndpoint
        + ", clientAuthentication="
        + clientAuthentication
        + ", clientId="
        + clientId
        + ", secret hidden]";
  }
}
