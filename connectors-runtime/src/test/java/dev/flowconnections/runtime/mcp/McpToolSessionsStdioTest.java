package dev.flowconnections.runtime.mcp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.camunda.connector.api.error.ConnectorInputException;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The client API against a real SDK server over STDIO: {@link McpStdioTestServer} started as its
 * own JVM from the connection's command, as a runtime starts a local tool server.
 */
class McpToolSessionsStdioTest {

  private static final String API_TOKEN = "stdio-secret-0c4f7d21";

  /**
   * What the SDK lets a server process inherit from the runtime (besides the connection's
   * variables).
   */
  private static final Set<String> INHERITABLE =
      Set.of("HOME", "LOGNAME", "PATH", "SHELL", "TERM", "USER");

  private final McpToolSessions sessions =
      McpTestConnections.sessions(
          "/nonexistent/mcp-server --token " + API_TOKEN, "java -cp 'unterminated");

  @Test
  void listsAndCallsToolsOfALocalServerProcess() {
    try (McpToolSession session =
        sessions.open(
            McpTestConnections.stdio(McpTestConnections.stdioServerCommand(), Map.of()))) {
      assertThat(session.listTools()).extracting(McpTool::name).contains("add", "echo");
      assertThat(session.callTool("add", Map.of("a", 1.5, "b", 2)).text()).isEqualTo("sum is 3.5");
    }
  }

  @Test
  void theConnectionsEnvironmentVariablesReachTheServerMaskedInResults() {
    var connection =
        McpTestConnections.stdio(
            McpTestConnections.stdioServerCommand(),
            Map.of("WEATHER_API_TOKEN", API_TOKEN, "REGION", "north"));
    try (McpToolSession session = sessions.open(connection)) {
      assertThat(
              session
                  .callTool("environmentMatches", Map.of("name", "REGION", "value", "north"))
                  .text())
          .isEqualTo("same");
      assertThat(
              session
                  .callTool(
                      "environmentMatches", Map.of("name", "WEATHER_API_TOKEN", "value", API_TOKEN))
                  .text())
          .isEqualTo("same");
      // a tool that returns the token itself: the result never shows it
      McpToolResult token = session.callTool("environment", Map.of("name", "WEATHER_API_TOKEN"));
      assertThat(token.text()).isEqualTo("****");
      assertThat(token.content().toString()).doesNotContain(API_TOKEN);
    }
  }

  @Test
  void theServerDoesNotInheritTheRuntimesEnvironment() {
    List<String> runtimeOnly =
        System.getenv().keySet().stream().filter(name -> !INHERITABLE.contains(name)).toList();
    assertThat(runtimeOnly)
        .as("the test JVM has variables of its own to compare with")
        .isNotEmpty();
    try (McpToolSession session =
        sessions.open(
            McpTestConnections.stdio(McpTestConnections.stdioServerCommand(), Map.of()))) {
      for (String name : runtimeOnly) {
        assertThat(session.callTool("environment", Map.of("name", name)).text())
            .as(name)
            .isEqualTo("<unset>");
      }
    }
  }

  @Test
  void aCommandThatCannotStartIsAConfigurationIncident() {
    var connection =
        McpTestConnections.stdio(
            "/nonexistent/mcp-server --token " + API_TOKEN, Map.of("TOKEN", API_TOKEN));
    assertThatThrownBy(() -> sessions.open(connection))
        .isInstanceOf(ConnectorInputException.class)
        .hasMessageStartingWith(
            "cannot start the MCP server command of connection 'local-tools' in DEVELOPMENT")
        .hasMessageNotContaining(API_TOKEN);
  }

  @Test
  void anUnterminatedQuoteInTheCommandIsAConfigurationIncident() {
    assertThatThrownBy(
            () -> sessions.open(McpTestConnections.stdio("java -cp 'unterminated", Map.of())))
        .isInstanceOf(ConnectorInputException.class)
        .hasMessage(
            "connection 'local-tools' has an unusable 'command' in DEVELOPMENT: the command has an unterminated single quote");
  }

  @Test
  void anHttpAuthSchemeOnAStdioConnectionFailsClosed() {
    var connection =
        new dev.flowconnections.resolution.ResolvedConnection(
            "local-tools",
            "Local tools",
            dev.flowconnections.integration.IntegrationType.MCP,
            dev.flowconnections.integration.AuthScheme.BEARER,
            dev.flowconnections.environment.Environment.DEVELOPMENT,
            Map.of(
                McpSettings.TRANSPORT,
                "STDIO",
                McpSettings.COMMAND,
                McpTestConnections.stdioServerCommand()),
            dev.flowconnections.credential.SecretValues.of(Map.of("token", API_TOKEN)));
    assertThatThrownBy(() -> sessions.open(connection))
        .isInstanceOf(ConnectorInputException.class)
        .hasMessageContaining("takes credentials as environment variables");
  }

  @Test
  void aCommandTheOperatorDidNotAllowNeverStarts(
      @org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) {
    java.nio.file.Path marker = dir.resolve("started");
    var connection = McpTestConnections.stdio("touch '" + marker + "'", Map.of());
    assertThatThrownBy(() -> sessions.open(connection))
        .isInstanceOf(ConnectorInputException.class)
        .hasMessage(
            "connection 'local-tools' in DEVELOPMENT: its 'command' is not one of the STDIO commands this"
                + " runtime allows (its operator lists them in flow-connections.mcp.stdio.allowed-commands)");
    assertThat(marker).doesNotExist();
    assertThatThrownBy(
            () ->
                new McpToolSessions(McpAccessTokens.UNSUPPORTED)
                    .open(
                        McpTestConnections.stdio(
                            McpTestConnections.stdioServerCommand(), Map.of())))
        .as("no allow-list: STDIO refused")
        .hasMessageContaining("this runtime allows no command");
  }

  @Test
  void aVariableThatLoadsCodeNeverReachesAProcessEvenWhenDeclared(
      @org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) {
    java.nio.file.Path marker = dir.resolve("started");
    String touch = "touch '" + marker + "'";
    McpToolSessions allowingTouch = McpTestConnections.sessions(touch);
    for (String name :
        List.of(
            "NODE_OPTIONS",
            "LD_PRELOAD",
            "PATH",
            "node_options",
            "PYTHONSTARTUP",
            "JAVA_TOOL_OPTIONS",
            "BASH_ENV",
            "DYLD_INSERT_LIBRARIES",
            "NPM_CONFIG_SCRIPT_SHELL")) {
      // a row stored before the rules existed: the integration "declares" it
      var connection =
          McpTestConnections.stdio(
              touch, Map.of(name, "--import=data:text/javascript,evil"), Map.of(name, "SECRET"));
      assertThatThrownBy(() -> allowingTouch.open(connection))
          .as(name)
          .isInstanceOf(ConnectorInputException.class)
          .hasMessage(
              "connection 'local-tools' in DEVELOPMENT: environment variable '"
                  + name
                  + "' changes how a program finds or loads code and is never allowed for an MCP server");
    }
    var undeclared = McpTestConnections.stdio(touch, Map.of("REGION", "north"), Map.of());
    assertThatThrownBy(() -> allowingTouch.open(undeclared))
        .isInstanceOf(ConnectorInputException.class)
        .hasMessage(
            "connection 'local-tools' in DEVELOPMENT: environment variable 'REGION' is not declared by its"
                + " integration ('allowedEnvironmentVariables')");
    assertThat(marker).as("no process was started").doesNotExist();
    // the same command with nothing refused does run (so the marker proves what it should)
    assertThatThrownBy(
            () ->
                allowingTouch.open(
                    McpTestConnections.stdio(touch, Map.of()), McpTimeouts.ofSeconds(2, 2)))
        .isInstanceOf(RuntimeException.class);
    assertThat(marker).exists();
  }
}
