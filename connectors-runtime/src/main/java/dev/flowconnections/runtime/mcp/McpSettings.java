package dev.flowconnections.runtime.mcp;

import dev.flowconnections.fields.StdioEnvironment;
import dev.flowconnections.resolution.ConnectionResolutionException;
import dev.flowconnections.resolution.ResolvedConnection;
import dev.flowconnections.runtime.worker.ConnectionProblem;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The MCP fields of a connection (defined by {@code McpFields}), read the way the worker needs
 * them.
 */
final class McpSettings {

  static final String TRANSPORT = "transport";
  static final String URL = "url";
  static final String COMMAND = "command";
  static final String ENVIRONMENT_VARIABLES = StdioEnvironment.SECRET_VALUES;
  static final String PLAIN_ENVIRONMENT_VARIABLES = StdioEnvironment.PLAIN_VALUES;

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
          "connection '"
              + connection.key()
              + "' has an unknown '"
              + TRANSPORT
              + "' in "
              + connection.environment()
              + "; expected HTTP, SSE, WEBSOCKET or STDIO");
    }
  }

  /**
   * Variables for a STDIO server's process: the connection's plain and secret ones; none when
   * unset. Checked again here, before any process starts, so rows stored before the rules existed
   * (or under an integration whose declaration shrank) fail closed: a name that loads code, or one
   * the integration does not declare, is an incident.
   */
  static Map<String, String> environmentVariables(ResolvedConnection connection) {
    Map<String, String> variables = new LinkedHashMap<>();
    if (connection.settings().get(PLAIN_ENVIRONMENT_VARIABLES) instanceof Map<?, ?> plain) {
      plain.forEach((name, value) -> variables.put(String.valueOf(name), String.valueOf(value)));
    }
    variables.putAll(connection.secrets().map(ENVIRONMENT_VARIABLES).orElse(Map.of()));
    Map<String, Boolean> declared = StdioEnvironment.declared(connection.settings());
    for (String name : variables.keySet()) {
      String where =
          "connection '"
              + connection.key()
              + "' in "
              + connection.environment()
              + ": environment variable '"
              + name
              + "' ";
      Optional<String> refused = StdioEnvironment.refusal(name);
      if (refused.isPresent()) {
        throw new ConnectionProblem(where + refused.get());
      }
      if (!declared.containsKey(name)) {
        throw new ConnectionProblem(
            where + "is not declared by its integration ('" + StdioEnvironment.ALLOWED + "')");
      }
    }
    return variables;
  }
}
