package dev.flowconnections.fields;

import static dev.flowconnections.fields.FieldDefinition.choice;
import static dev.flowconnections.fields.FieldDefinition.optional;
import static dev.flowconnections.fields.FieldDefinition.required;

import dev.flowconnections.integration.AuthScheme;
import dev.flowconnections.integration.IntegrationType;
import java.util.ArrayList;
import java.util.List;

/**
 * The single source of truth for which fields an integration type and auth scheme have. The API
 * validates against it, exposes it to UIs, and element templates are generated from it, so no
 * field name is hard-coded twice.
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

  private FieldCatalog() {}

  public static FieldSchema schemaFor(IntegrationType type, AuthScheme authScheme) {
    List<FieldDefinition> integration = new ArrayList<>(typeFields(type));
    integration.addAll(authSettings(authScheme));
    return new FieldSchema(integration, authCredentials(authScheme, type));
  }

  /** Non-secret settings that describe where and what the external system is. */
  private static List<FieldDefinition> typeFields(IntegrationType type) {
    return switch (type) {
      case REST_API ->
          List.of(
              required(BASE_URL, "Base URL", FieldType.URL, "Paths of REST tasks are relative to it"));
      case DATABASE ->
          List.of(
              choice("vendor", "Database", true,
                  List.of("POSTGRESQL", "MYSQL", "MARIADB", "SQLSERVER", "ORACLE", "SQLITE"), null),
              required("jdbcUrl", "JDBC URL", FieldType.TEXT, "e.g. jdbc:postgresql://host:5432/db"));
      case EMAIL ->
          List.of(
              choice("provider", "Provider", true, List.of("SMTP", "SENDGRID"), "SMTP"),
              optional("host", "SMTP host", FieldType.TEXT, null),
              optional("port", "SMTP port", FieldType.NUMBER, null),
              choice("tlsMode", "TLS", false, List.of("NONE", "STARTTLS", "TLS"), "STARTTLS"),
              optional("fromAddress", "Default sender", FieldType.TEXT, null));
      case SMS ->
          List.of(
              choice("provider", "Provider", true, List.of("TWILIO", "AWS_SNS"), "TWILIO"),
              optional(BASE_URL, "API base URL", FieldType.URL, "Override for the provider's endpoint"));
      case AI_PROVIDER ->
          List.of(
              choice("provider", "Provider", true,
                  List.of("OPENAI", "ANTHROPIC", "GOOGLE", "OLLAMA", "HUGGINGFACE"), "OPENAI"),
              optional(BASE_URL, "API base URL", FieldType.URL, "Required for Ollama"),
              optional("defaultModel", "Default model", FieldType.TEXT, null));
      case MCP ->
          List.of(
              choice("transport", "Transport", true,
                  List.of("HTTP", "SSE", "WEBSOCKET", "STDIO"), "HTTP"),
              optional("url", "Server URL", FieldType.URL, "For HTTP, SSE and WebSocket"),
              optional("command", "Command", FieldType.TEXT, "For STDIO"));
      case STORAGE ->
          List.of(
              choice("provider", "Provider", true,
                  List.of("GOOGLE_DRIVE", "ONEDRIVE", "AMAZON_S3", "BOX"), "AMAZON_S3"),
              optional(BASE_URL, "Endpoint", FieldType.URL, "S3-compatible endpoint override"),
              optional("bucket", "Bucket or root folder", FieldType.TEXT, null));
    };
  }

  /** Non-secret parts of the auth scheme, set on the integration. */
  private static List<FieldDefinition> authSettings(AuthScheme scheme) {
    return switch (scheme) {
      case API_KEY ->
          List.of(
              new FieldDefinition(API_KEY_NAME, "Header or parameter name", FieldType.TEXT, true,
                  List.of(), "X-API-Key", "Name of the header or query parameter carrying the key"),
              choice(API_KEY_LOCATION, "Location", true, List.of("HEADER", "QUERY"), "HEADER"));
      case OAUTH2 ->
          List.of(
              optional("authorizationEndpoint", "Authorization endpoint", FieldType.URL, null),
              required("tokenEndpoint", "Token endpoint", FieldType.URL, null),
              optional("userInfoEndpoint", "User info endpoint", FieldType.URL, null),
              optional("scopes", "Scopes", FieldType.TEXT, "Space-separated"));
      case NONE, BEARER, BASIC, CUSTOM_HEADERS -> List.of();
    };
  }

  /** What each connection environment supplies: the credential values of the scheme. */
  private static List<FieldDefinition> authCredentials(AuthScheme scheme, IntegrationType type) {
    List<FieldDefinition> fields =
        switch (scheme) {
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
    if (type == IntegrationType.DATABASE && scheme == AuthScheme.NONE) {
      // Databases authenticate with a user and password even when no HTTP auth scheme applies.
      return List.of(
          optional(USERNAME, "Username", FieldType.TEXT, null),
          optional(PASSWORD, "Password", FieldType.SECRET, null));
    }
    return fields;
  }
}
