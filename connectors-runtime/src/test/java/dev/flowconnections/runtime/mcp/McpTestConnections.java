package dev.flowconnections.runtime.mcp;

import dev.flowconnections.credential.SecretValues;
import dev.flowconnections.environment.Environment;
import dev.flowconnections.fields.StdioCommands;
import dev.flowconnections.fields.StdioEnvironment;
import dev.flowconnections.integration.AuthScheme;
import dev.flowconnections.integration.IntegrationType;
import dev.flowconnections.resolution.ResolvedConnection;
import dev.flowconnections.runtime.testsupport.RuntimeTestSupport;
import java.util.Map;

/** MCP connections as the resolver hands them to workers, for the in-test servers. */
final class McpTestConnections {

  static final String TOKEN = "mcp-token-7f3a9c1e";

  private McpTestConnections() {}

  static ResolvedConnection http(String url, AuthScheme auth, Map<String, ?> secrets) {
    return of("HTTP", url, auth, Environment.DEVELOPMENT, secrets, Map.of());
  }

  static ResolvedConnection of(
      String transport,
      String url,
      AuthScheme auth,
      Environment environment,
      Map<String, ?> secrets,
      Map<String, Object> extraSettings) {
    Map<String, Object> settings = new java.util.LinkedHashMap<>(extraSettings);
    settings.put(McpSettings.TRANSPORT, transport);
    settings.put(McpSettings.URL, url);
    return new ResolvedConnection(
        "weather-mcp",
        "Weather MCP",
        IntegrationType.MCP,
        auth,
        environment,
        settings,
        SecretValues.of(secrets));
  }

  static ResolvedConnection bearer(String transport, String url, String token) {
    return of(
        transport,
        url,
        AuthScheme.BEARER,
        Environment.DEVELOPMENT,
        Map.of("token", token),
        Map.of());
  }

  /** A STDIO connection whose integration declares (as SECRET) exactly the variables it sets. */
  static ResolvedConnection stdio(String command, Map<String, String> environmentVariables) {
    Map<String, String> declared = new java.util.LinkedHashMap<>();
    environmentVariables.keySet().forEach(name -> declared.put(name, StdioEnvironment.SECRET));
    return stdio(command, environmentVariables, declared);
  }

  static ResolvedConnection stdio(
      String command, Map<String, String> environmentVariables, Map<String, String> declared) {
    return new ResolvedConnection(
        "local-tools",
        "Local tools",
        IntegrationType.MCP,
        AuthScheme.NONE,
        Environment.DEVELOPMENT,
        Map.of(
            McpSettings.TRANSPORT,
            "STDIO",
            McpSettings.COMMAND,
            command,
            StdioEnvironment.ALLOWED,
            declared),
        SecretValues.of(Map.of(McpSettings.ENVIRONMENT_VARIABLES, environmentVariables)));
  }

  /**
   * The runtime's allow-list in these tests: the test server with each argument set the tests use.
   */
  static StdioCommands allowedTestCommands(String... more) {
    java.util.List<String> commands =
        new java.util.ArrayList<>(
            java.util.List.of(
                stdioServerCommand(),
                stdioServerCommand("--ignore-sigterm"),
                stdioServerCommand("--print-env", "API_SECRET"),
                stdioServerCommand("--require-env", "WEATHER_API_TOKEN"),
                "sleep 30"));
    commands.addAll(java.util.List.of(more));
    return new StdioCommands(commands);
  }

  /** Sessions of a runtime whose operator allowed {@link #allowedTestCommands}. */
  static McpToolSessions sessions(String... moreCommands) {
    return new McpToolSessions(McpAccessTokens.UNSUPPORTED, allowedTestCommands(moreCommands));
  }

  /**
   * The command line that starts {@link McpStdioTestServer} in its own JVM, quoted for the parser.
   */
  static String stdioServerCommand(String... args) {
    return RuntimeTestSupport.stdioTestServerCommand(args);
  }
}
