package dev.flowconnections.runtime.mcp;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flowconnections.runtime.connectiontest.TestOutcome;
import java.net.ServerSocket;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** "Test connection" for MCP: initialize and list tools, over HTTP, SSE and STDIO. */
class McpConnectionTesterTest {

  private static McpHttpTestServer http;
  private static McpHttpTestServer sse;

  /** Generous timeouts: the STDIO test server is a JVM, slow to start on a loaded machine. */
  private final McpConnectionTester tester =
      new McpConnectionTester(McpTestConnections.sessions(), McpTimeouts.ofSeconds(60, 60));

  @BeforeAll
  static void startServers() throws Exception {
    http = McpHttpTestServer.streamableWithTestToken();
    sse = McpHttpTestServer.sse(Map.of("Authorization", "Bearer " + McpTestConnections.TOKEN));
  }

  @AfterAll
  static void stopServers() throws Exception {
    http.close();
    sse.close();
  }

  @Test
  void aWorkingHttpConnectionNamesTheServerAndItsTools() {
    TestOutcome outcome =
        tester.test(McpTestConnections.bearer("HTTP", http.url(), McpTestConnections.TOKEN));

    assertThat(outcome)
        .isEqualTo(
            TestOutcome.succeeded(
                "connected to flow-test-server 1.0.0; 8 tools: add, echo, fail, environment, requestHeader, rejectHeader,"
                    + " throwWithHeader, environmentMatches"));
  }

  @Test
  void aWorkingSseConnectionToo() {
    TestOutcome outcome =
        tester.test(McpTestConnections.bearer("SSE", sse.url(), McpTestConnections.TOKEN));

    assertThat(outcome.ok()).as(outcome.message()).isTrue();
    assertThat(outcome.message()).startsWith("connected to flow-test-server 1.0.0; 8 tools");
    assertThat(sse.requests())
        .isNotEmpty()
        .allSatisfy(
            headers ->
                assertThat(headers)
                    .containsEntry("authorization", "Bearer " + McpTestConnections.TOKEN));
  }

  @Test
  void aWorkingStdioConnectionStartsAndEndsTheServer() {
    TestOutcome outcome =
        tester.test(McpTestConnections.stdio(McpTestConnections.stdioServerCommand(), Map.of()));

    assertThat(outcome.ok()).as(outcome.message()).isTrue();
    assertThat(outcome.message())
        .startsWith("connected to flow-test-server 1.0.0; 9 tools: add, echo");
  }

  @Test
  void aWorkingWebSocketConnectionToo() throws Exception {
    try (McpWebSocketTestServer webSocket =
        new McpWebSocketTestServer(Map.of("Authorization", "Bearer " + McpTestConnections.TOKEN))) {
      TestOutcome outcome =
          tester.test(
              McpTestConnections.bearer("WEBSOCKET", webSocket.url(), McpTestConnections.TOKEN));

      assertThat(outcome.ok()).as(outcome.message()).isTrue();
      assertThat(outcome.message()).startsWith("connected to flow-test-server 1.0.0; 8 tools");
    }
  }

  @Test
  void rejectedCredentialsFailTheTestWithoutShowingThem() {
    TestOutcome outcome =
        tester.test(McpTestConnections.bearer("HTTP", http.url(), "stale-token-3e1f"));

    assertThat(outcome)
        .isEqualTo(
            TestOutcome.failed(
                "the MCP server rejected the credentials of connection 'weather-mcp' in DEVELOPMENT (HTTP 401)"));
  }

  @Test
  void anUnreachableServerFailsTheTest() throws Exception {
    int port;
    try (ServerSocket socket = new ServerSocket(0)) {
      port = socket.getLocalPort();
    }
    TestOutcome outcome =
        tester.test(
            McpTestConnections.bearer(
                "HTTP", "http://127.0.0.1:" + port + "/mcp", McpTestConnections.TOKEN));

    assertThat(outcome.ok()).isFalse();
    assertThat(outcome.message())
        .startsWith(
            "reaching the MCP server with connection 'weather-mcp' in DEVELOPMENT failed: ");
  }
}
