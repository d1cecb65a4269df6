package dev.flowconnections.runtime.mcp;

import dev.flowconnections.fields.FieldCatalog;
import dev.flowconnections.resolution.ResolvedConnection;
import dev.flowconnections.runtime.worker.ConnectionProblem;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The headers that authenticate every request of an HTTP, SSE or WebSocket MCP session, from the
 * connection's auth scheme. API keys travel in a header only: a key in a URL ends up in server and
 * proxy access logs.
 */
final class McpAuthHeaders {

  private McpAuthHeaders() {}

  /**
   * @param headers what goes on every request
   * @param sentSecrets every credential value as it travels, for masking: the header values and an
   *     OAuth2 access token, which is not among the connection's stored secrets
   */
  record AuthHeaders(Map<String, String> headers, List<String> sentSecrets) {}

  static AuthHeaders forConnection(ResolvedConnection connection, McpAccessTokens accessTokens) {
    Map<String, String> headers = new LinkedHashMap<>();
    List<String> sentSecrets = new ArrayList<>();
    switch (connection.authScheme()) {
      case NONE -> {
        // a public or network-protected server
      }
      case BEARER ->
          headers.put("Authorization", "Bearer " + connection.requireText(FieldCatalog.TOKEN));
      case API_KEY -> {
        requireHeaderLocation(connection);
        headers.put(
            connection.requireText(FieldCatalog.API_KEY_NAME),
            connection.requireText(FieldCatalog.API_KEY));
      }
      case CUSTOM_HEADERS -> headers.putAll(connection.requireSecretMap(FieldCatalog.HEADERS));
      case OAUTH2 -> {
        String accessToken = accessTokens.accessTokenFor(connection);
        sentSecrets.add(accessToken);
        headers.put("Authorization", "Bearer " + accessToken);
      }
      case BASIC ->
          throw new ConnectionProblem(
              "connection '"
                  + connection.key()
                  + "' uses Basic authentication, which MCP connections do not offer");
    }
    sentSecrets.addAll(headers.values());
    return new AuthHeaders(Map.copyOf(headers), List.copyOf(sentSecrets));
  }

  private static void requireHeaderLocation(ResolvedConnection connection) {
    String location = connection.text(FieldCatalog.API_KEY_LOCATION).orElse("HEADER");
    if (!"HEADER".equals(location.trim().toUpperCase(Locale.ROOT))) {
      throw new ConnectionProblem(
          "connection '"
              + connection.key()
              + "' sends its API key as "
              + location
              + "; the MCP worker sends API"
              + " keys only in a header (set '"
              + FieldCatalog.API_KEY_LOCATION
              + "' to HEADER)");
    }
  }
}
