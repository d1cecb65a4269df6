package dev.flowconnections.fields;

import static dev.flowconnections.fields.FieldDefinition.choice;
import static dev.flowconnections.fields.FieldDefinition.optional;
import static dev.flowconnections.fields.FieldDefinition.required;

import dev.flowconnections.integration.AuthScheme;
import dev.flowconnections.integration.IntegrationType;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The single source of truth for which fields an integration type and auth scheme have. The API
 * validates against it, exposes it to UIs, and element templates are generated from it, so no field
 * name is hard-coded twice. Type-specific fields live in one class per type.
 */
public final class FieldCatalog {

  public static final String BASE_URL = "baseUrl";
  public static final String API_KEY_NAME = "apiKeyName";
  public static final String API_KEY_LOCATION = "apiKeyLocation";
  public static final String TOKEN = "token";
  public static final String API_KEY = "apiKey";
  public static final String USERNAME = "username";
  public static final String PASSWORD = "password";
  public static final String CLIENT_ID = "clientId";
  public static final String CLIENT_SECRET = "clientSecret";
  public static final String HEADERS = "headers";

  // OAuth2 integration settings; values of the choices are the wire names' upper-case forms
  public static final String GRANT_TYPE = "grantType";
  public static final String AUTHORIZATION_ENDPOINT = "authorizationEndpoint";
  public static final String TOKEN_ENDPOINT = "tokenEndpoint";
  public static final String USER_INFO_ENDPOINT = "userInfoEndpoint";
  public static final String SCOPES = "scopes";
  public static final String CLIENT_AUTHENTICATION = "clientAuthentication";
  public static final String AUDIENCE = "audience";
  public static final String RESOURCE = "resource";
  public static final String CLIENT_CREDENTIALS = "CLIENT_CREDENTIALS";
  public static final String AUTHORIZATION_CODE = "AUTHORIZATION_CODE";
  public static final String CLIENT_SECRET_BASIC = "CLIENT_SECRET_BASIC";
  public static final String CLIENT_SECRET_POST = "CLIENT_SECRET_POST";

  private static final Map<IntegrationType, TypeFields> TYPES =
      new EnumMap<>(
          Map.of(
              IntegrationType.REST_API, new RestApiFields(),
              IntegrationType.DATABASE, new DatabaseFields(),
              IntegrationType.EMAIL, new EmailFields(),
              IntegrationType.SMS, new SmsFields(),
              IntegrationType.AI_PROVIDER, new AiProviderFields(),
              IntegrationType.MCP, new McpFields(),
              IntegrationType.STORAGE, new StorageFields()));

  private FieldCatalog() {}

  public static FieldSchema schemaFor(IntegrationType type, AuthScheme authScheme) {
    TypeFields typeFields = TYPES.get(type);
    List<FieldDefinition> integration = new ArrayList<>(typeFields.integrationFields());
    integration.addAll(authSettings(authScheme));
    List<FieldDefinition> connection = new ArrayList<>(typeFields.connectionFields());
    connection.addAll(authCredentials(authScheme));
    return new FieldSchema(integration, connection);
  }

  /** The auth schemes an integration of {@code type} may use. */
  public static Set<AuthScheme> authSchemesFor(IntegrationType type) {
    return TYPES.get(type).authSchemes();
  }

  /** Non-secret parts of the auth scheme, set on the integration. */
  private static List<FieldDefinition> authSettings(AuthScheme scheme) {
    return switch (scheme) {
      case API_KEY ->
          List.of(
              new FieldDefinition(
                  API_KEY_NAME,
                  "Header or parameter name",
                  FieldType.TEXT,
                  true,
                  List.of(),
                  "X-API-Key",
                  "Name of the header or query parameter carrying the key"),
              choice(API_KEY_LOCATION, "Location", true, List.of("HEADER", "QUERY"), "HEADER"));
      case OAUTH2 ->
          List.of(
              new FieldDefinition(
                  GRANT_TYPE,
                  "Grant type",
                  FieldType.ENUM,
                  true,
                  List.of(CLIENT_CREDENTIALS, AUTHORIZATION_CODE),
                  CLIENT_CREDENTIALS,
                  "CLIENT_CREDENTIALS: the runtime acts as the client itself; AUTHORIZATION_CODE: a user"
                      + " authorises each environment once with \"Connect\" (PKCE), the runtime refreshes"),
              optional(
                      AUTHORIZATION_ENDPOINT,
                      "Authorization endpoint",
                      FieldType.URL,
                      "Where \"Connect\" sends the user; required for AUTHORIZATION_CODE")
                  .requiredWhen(GRANT_TYPE, AUTHORIZATION_CODE),
              required(TOKEN_ENDPOINT, "Token endpoint", FieldType.URL, null),
              optional(USER_INFO_ENDPOINT, "User info endpoint", FieldType.URL, null),
              optional(SCOPES, "Scopes", FieldType.TEXT, "Space-separated"),
              new FieldDefinition(
                  CLIENT_AUTHENTICATION,
                  "Client authentication",
                  FieldType.ENUM,
                  true,
                  List.of(CLIENT_SECRET_BASIC, CLIENT_SECRET_POST),
                  CLIENT_SECRET_BASIC,
                  "How the token endpoint receives client ID and secret: HTTP Basic or form parameters"),
              optional(
                  AUDIENCE,
                  "Audience",
                  FieldType.TEXT,
                  "Sent as the token parameter 'audience' when set"),
              optional(
                  RESOURCE,
                  "Resource",
                  FieldType.URL,
                  "Sent as the token parameter 'resource' (RFC 8707) when set"));
      case NONE, BEARER, BASIC, CUSTOM_HEADERS -> List.of();
    };
  }

  /** What each connection environment supplies: the credential values of the scheme. */
  private static List<FieldDefinition> authCredentials(AuthScheme scheme) {
    return switch (scheme) {
      case NONE -> List.of();
      case BEARER -> List.of(required(TOKEN, "Bearer token", FieldType.SECRET, null));
      case API_KEY -> List.of(required(API_KEY, "API key", FieldType.SECRET, null));
      case BASIC ->
          List.of(
              required(USERNAME, "Username", FieldType.TEXT, null),
              required(PASSWORD, "Password", FieldType.SECRET, null));
      case OAUTH2 ->
          List.of(
              required(CLIENT_ID, "Client ID", FieldType.TEXT, null),
              required(CLIENT_SECRET, "Client secret", FieldType.SECRET, null));
      case CUSTOM_HEADERS ->
          List.of(required(HEADERS, "Headers", FieldType.SECRET_KEY_VALUE, null));
    };
  }
}
