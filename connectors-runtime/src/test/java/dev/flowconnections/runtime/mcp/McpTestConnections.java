package dev.flowconnections.runtime.mcp;

import dev.flowconnections.credential.SecretValues;
import dev.flowconnections.environment.Environment;
import dev.flowconnections.integration.AuthScheme;
import dev.flowconnections.integration.IntegrationType;
import dev.flowconnections.resolution.ResolvedConnection;
import java.nio.file.Path;
import java.util.Map;

/** MCP connections as the resolver hands them to workers, for the in-test servers. */
final class McpTestConnections {

  static final String TOKEN = "mcp-token-7f3a9c1e";

  private McpTestConnections() {}

  static ResolvedConnection http(String url, AuthScheme auth, Map<String, ?> secrets) {
    return of("HTTP", url, auth, Environment.DEVELOPMENT, secrets, Map.of());
  }

  static ResolvedConnection of(String transport, String url, AuthScheme auth, Environment environment,
      Map<String, ?> secrets, Map<String, Object> extraSettings) {
    Map<String, Object> settings = new java.util.LinkedHashMap<>(extraSettings);
    settings.put(McpSettings.TRANSPORT, transport);
    settings.put(McpSettings.URL, url);
    return new ResolvedConnection("weather-mcp", "Weather MCP", IntegrationType.MCP, auth, environment, settings,
        SecretValues.of(secrets));
  }

  static ResolvedConnection bearer(String transport, String url, String token) {
    return of(transport, url, AuthScheme.BEARER, Environment.DEVELOPMENT, Map.of("token", token), Map.of());
  }

  static ResolvedConnection stdio(String command, Map<String, String> environmentVariables) {
    return new ResolvedConnection("local-tools", "Local tools", IntegrationType.MCP, AuthScheme.NONE,
        Environment.DEVELOPMENT, Map.of(McpSettings.TRANSPORT, "STDIO", McpSettings.COMMAND, command),
        SecretValues.of(Map.of(McpSettings.ENVIRONMENT_VARIABLES, environmentVariables)));
  }

  /** The command line that starts {@link McpStdioTestServer} in its own JVM, quoted for the parser. */
  static String stdioServerCommand(String... args) {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    String classpath = System.getProperty("java.class.path");
    StringBuilder command = new StringBuilder(quote(java))
        .append(" -XX:TieredStopAtLevel=1 -Xshare:auto -cp ").append(quote(classpath))
        .append(' ').append(McpStdioTestServer.class.getName());
    for (String arg : args) {
      command.append(' ').append(quote(arg));
    }
    return command.toString();
  }

  private static String quote(String word) {
    return "'" + word.replace("'", "'\\''") + "'";
  }
}
