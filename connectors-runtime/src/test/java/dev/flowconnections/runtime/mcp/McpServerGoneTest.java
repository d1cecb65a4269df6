package dev.flowconnections.runtime.mcp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.flowconnections.runtime.worker.JobFailures;
import io.camunda.connector.api.error.ConnectorException;
import io.camunda.connector.api.error.ConnectorRetryException;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A server that goes away fails the waiting request at once with what happened, instead of holding
 * the job until the request timeout and then reporting a timeout.
 */
class McpServerGoneTest {

  private static final Duration LONG = Duration.ofSeconds(60);
  private final McpToolSessions sessions = McpTestConnections.sessions();

  @Test
  void aStdioServerThatExitsOnStartupFailsTheSessionWithItsExitCodeButNotItsOutput() {
    var connection =
        McpTestConnections.stdio(
            McpTestConnections.stdioServerCommand("--require-env", "WEATHER_API_TOKEN"),
            Map.of("REGION", "north"));
    long start = System.nanoTime();

    assertThatThrownBy(() -> sessions.open(connection, new McpTimeouts(LONG, LONG)))
        .isInstanceOfSatisfying(
            ConnectorRetryException.class,
            e -> {
              assertThat(e.getErrorCode()).isEqualTo(JobFailures.CONNECTION_FAILED);
              assertThat(e.getMessage())
                  .isEqualTo(
                      "opening an MCP session with connection 'local-tools' in DEVELOPMENT"
                          + " failed: the MCP server process ended with exit code 3; see the runtime log");
            });
    assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(30));
  }

  @Test
  void aStdioServerThatDiesDuringACallFailsTheCall() {
    try (McpToolSession session =
        sessions.open(
            McpTestConnections.stdio(McpTestConnections.stdioServerCommand(), Map.of()),
            new McpTimeouts(LONG, LONG))) {
      long start = System.nanoTime();
      assertThatThrownBy(() -> session.callTool("crash", Map.of()))
          .isInstanceOfSatisfying(
              ConnectorRetryException.class,
              e -> {
                assertThat(e.getErrorCode()).isEqualTo(JobFailures.CONNECTION_FAILED);
                assertThat(e.getMessage())
                    .contains("the MCP server process ended with exit code 7")
                    .doesNotContain(
                        "crashing on purpose"); // what the process printed stays in the log
              });
      assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(20));
      // and what follows on the same session fails at once too
      assertThatThrownBy(() -> session.callTool("echo", Map.of("text", "hi")))
          .isInstanceOf(ConnectorException.class);
    }
  }

  @Test
  void aWebSocketTheServerClosesFailsTheNextCallAtOnce() throws Exception {
    try (McpWebSocketTestServer server = new McpWebSocketTestServer(Map.of());
        McpToolSession session =
            sessions.open(
                McpTestConnections.of(
                    "WEBSOCKET",
                    server.url(),
                    dev.flowconnections.integration.AuthScheme.NONE,
                    dev.flowconnections.environment.Environment.DEVELOPMENT,
                    Map.of(),
                    Map.of()),
                new McpTimeouts(LONG, LONG))) {
      assertThat(session.callTool("echo", Map.of("text", "before")).text()).isEqualTo("before");
      server.dropConnections();
      long start = System.nanoTime();
      // the close may reach the client before or after the call is sent: either way it fails now
      assertThatThrownBy(
              () -> {
                Thread.sleep(300);
                session.callTool("echo", Map.of("text", "after"));
              })
          .isInstanceOfSatisfying(
              ConnectorRetryException.class,
              e -> assertThat(e.getErrorCode()).isEqualTo(JobFailures.CONNECTION_FAILED));
      assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(10));
    }
  }
}
