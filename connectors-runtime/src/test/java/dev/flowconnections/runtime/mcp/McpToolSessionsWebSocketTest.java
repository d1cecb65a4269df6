package dev.flowconnections.runtime.mcp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.camunda.connector.api.error.ConnectorInputException;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** Our WebSocket client transport against the SDK's server sessions over a real WebSocket. */
@Tag("fast")
class McpToolSessionsWebSocketTest {

  private static McpWebSocketTestServer server;
  private final McpToolSessions sessions = new McpToolSessions(McpAccessTokens.UNSUPPORTED);

  @BeforeAll
  static void startServer() throws Exception {
    server =
        new McpWebSocketTestServer(Map.of("Authorization", "Bearer " + McpTestConnections.TOKEN));
  }

  @AfterAll
  static void stopServer() throws Exception {
    server.close();
  }

  @Test
  void listsAndCallsToolsWithTheTokenOnTheHandshake() {
    int before = server.handshakes().size();
    try (McpToolSession session =
        sessions.open(
            McpTestConnections.bearer("WEBSOCKET", server.url(), McpTestConnections.TOKEN))) {
      assertThat(session.serverName()).isEqualTo("flow-test-server 1.0.0");
      assertThat(session.listTools()).extracting(McpTool::name).contains("add", "echo");
      McpToolResult result = session.callTool("add", Map.of("a", 20, "b", 22));
      assertThat(result.text()).isEqualTo("sum is 42");
      assertThat(result.structuredContent()).isEqualTo(Map.of("sum", 42.0));
      // requests on one session may overlap; each waits for the send before it
      assertThat(session.callTool("echo", Map.of("text", "x".repeat(200_000))).text())
          .hasSize(200_000);
    }
    assertThat(server.handshakes().subList(before, server.handshakes().size()))
        .singleElement()
        .satisfies(
            headers ->
                assertThat(headers)
                    .containsEntry("authorization", "Bearer " + McpTestConnections.TOKEN)
                    .containsEntry("sec-websocket-protocol", "mcp"));
  }

  @Test
  void aRejectedHandshakeIsAnIncidentWithoutTheToken() {
    assertThatThrownBy(
            () ->
                sessions.open(
                    McpTestConnections.bearer("WEBSOCKET", server.url(), "expired-token-4b7a")))
        .isInstanceOf(ConnectorInputException.class)
        .hasMessage(
            "the MCP server rejected the credentials of connection 'weather-mcp' in DEVELOPMENT (HTTP 401)");
  }

  @Test
  void aToolErrorAndAnUnknownToolBehaveAsOverHttp() {
    try (McpToolSession session =
        sessions.open(
            McpTestConnections.bearer("WEBSOCKET", server.url(), McpTestConnections.TOKEN))) {
      assertThat(session.callTool("fail", Map.of()).isError()).isTrue();
      assertThatThrownBy(() -> session.callTool("forecast", Map.of()))
          .isInstanceOf(ConnectorInputException.class)
          .hasMessageContaining("has no tool 'forecast'");
    }
  }
}
