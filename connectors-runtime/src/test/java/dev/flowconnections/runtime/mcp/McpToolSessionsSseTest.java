package dev.flowconnections.runtime.mcp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.camunda.connector.api.error.ConnectorInputException;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** The client API against a real SDK server over the older HTTP+SSE transport. */
@Tag("fast")
class McpToolSessionsSseTest {

  private static McpHttpTestServer server;
  private final McpToolSessions sessions = new McpToolSessions(McpAccessTokens.UNSUPPORTED);

  @BeforeAll
  static void startServer() throws Exception {
    server = McpHttpTestServer.sse(Map.of("Authorization", "Bearer " + McpTestConnections.TOKEN));
  }

  @AfterAll
  static void stopServer() throws Exception {
    server.close();
  }

  @Test
  void listsAndCallsToolsWithTheTokenOnTheStreamAndEveryMessage() {
    int before = server.requests().size();
    try (McpToolSession session =
        sessions.open(McpTestConnections.bearer("SSE", server.url(), McpTestConnections.TOKEN))) {
      assertThat(session.listTools()).extracting(McpTool::name).contains("add", "echo");
      McpToolResult result = session.callTool("add", Map.of("a", 0.5, "b", 0.25));
      assertThat(result.text()).isEqualTo("sum is 0.75");
      assertThat(session.callTool("fail", Map.of()).isError()).isTrue();
    }
    // the GET of the event stream and a POST per message
    assertThat(server.requests().subList(before, server.requests().size()))
        .hasSizeGreaterThanOrEqualTo(4)
        .allSatisfy(
            headers ->
                assertThat(headers)
                    .containsEntry("authorization", "Bearer " + McpTestConnections.TOKEN));
  }

  @Test
  void aWrongTokenIsAnIncidentWithoutTheToken() {
    long start = System.nanoTime();
    // the SDK's SSE transport only logs a refused event stream; the session still says why, at once
    assertThatThrownBy(
            () ->
                sessions.open(
                    McpTestConnections.bearer("SSE", server.url(), "old-sse-token-77d1"),
                    McpTimeouts.ofSeconds(30, 30)))
        .isInstanceOf(ConnectorInputException.class)
        .hasMessage(
            "the MCP server rejected the credentials of connection 'weather-mcp' in DEVELOPMENT (HTTP 401)");
    assertThat(java.time.Duration.ofNanos(System.nanoTime() - start))
        .isLessThan(java.time.Duration.ofSeconds(10));
  }
}
