package dev.flowconnections.runtime.mcp;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** Sessions are per job: many of them one after another leave no threads behind. */
class McpResourceUseTest {

  private final McpToolSessions sessions = McpTestConnections.sessions();

  @Test
  void closedHttpSessionsLeaveNoHttpClientThreads() throws Exception {
    try (McpHttpTestServer server = McpHttpTestServer.streamable(Map.of())) {
      var connection = McpTestConnections.of("HTTP", server.url(), dev.flowconnections.integration.AuthScheme.NONE,
          dev.flowconnections.environment.Environment.DEVELOPMENT, Map.of(), Map.of());
      warmUp(connection);
      long before = httpClientThreads();
      for (int i = 0; i < 30; i++) {
        try (McpToolSession session = sessions.open(connection)) {
          session.callTool("echo", Map.of("text", "job " + i));
        }
      }
      Thread.sleep(500);
      assertThat(httpClientThreads()).isLessThanOrEqualTo(before + 2);
    }
  }

  @Test
  void closedStdioAndWebSocketSessionsLeaveNoThreads() throws Exception {
    var stdio = McpTestConnections.stdio(McpTestConnections.stdioServerCommand(), Map.of());
    try (McpWebSocketTestServer server = new McpWebSocketTestServer(Map.of())) {
      var webSocket = McpTestConnections.of("WEBSOCKET", server.url(), dev.flowconnections.integration.AuthScheme.NONE,
          dev.flowconnections.environment.Environment.DEVELOPMENT, Map.of(), Map.of());
      warmUp(stdio);
      warmUp(webSocket);
      Thread.sleep(500);
      int before = Thread.activeCount();
      for (int i = 0; i < 5; i++) {
        warmUp(stdio);
        warmUp(webSocket);
      }
      Thread.sleep(1000);
      assertThat(Thread.activeCount()).isLessThanOrEqualTo(before + 3);
    }
  }

  private void warmUp(dev.flowconnections.resolution.ResolvedConnection connection) {
    try (McpToolSession session = sessions.open(connection)) {
      session.listTools();
    }
  }

  private static long httpClientThreads() {
    return Thread.getAllStackTraces().keySet().stream()
        .filter(t -> t.isAlive() && t.getName().startsWith("HttpClient-")).count();
  }
}
