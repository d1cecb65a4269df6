package dev.flowconnections.runtime.mcp;

import dev.flowconnections.resolution.ConnectionResolutionException;
import dev.flowconnections.resolution.ResolvedConnection;
import java.util.Locale;
import java.util.Map;

/** The MCP fields of a connection (defined by {@code McpFields}), read the way the worker needs them. */
final class McpSettings {

  static final String TRANSPORT = "transport";
  static final String URL = "url";
  static final String COMMAND = "command";
  static final String ENVIRONMENT_VARIABLES = "environmentVariables";

  /** How the client talks to the server; the integration's {@code transport} choice. */
  enum Transport {
    HTTP,
    SSE,
    WEBSOCKET,
    STDIO
  }

  private McpSettings() {}

  static Transport transport(ResolvedConnection connection) {
    String value = connection.text(TRANSPORT).orElse(Transport.HTTP.name());
    try {
      return Transport.valueOf(value.trim().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new ConnectionResolutionException(
          "connection '" + connection.key() + "' has an unknown '" + TRANSPORT + "' in " + connection.environment()
              + "; expected HTTP, SSE, WEBSOCKET or STDIO");
    }
  }

  /** Variables for a STDIO server's process, from the connection's secrets; none when unset. */
  static Map<String, String> environmentVariables(ResolvedConnection connection) {
    return connection.secrets().map(ENVIRONMENT_VARIABLES).orElse(Map.of());
  }
}
