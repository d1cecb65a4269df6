package dev.flowconnections.runtime.mcp;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.awaitility.Awaitility;
import org.awaitility.core.ThrowingRunnable;
import org.junit.jupiter.api.Test;

/** Sessions are per job: many of them one after another leave no threads behind. */
class McpResourceUseTest {

  private final McpToolSessions sessions = McpTestConnections.sessions();

  @Test
  void closedHttpSessionsLeaveNoHttpClientThreads() throws Exception {
    try (McpHttpTestServer server = McpHttpTestServer.streamable(Map.of())) {
      var connection =
          McpTestConnections.of(
              "HTTP",
              server.url(),
              dev.flowconnections.integration.AuthScheme.NONE,
              dev.flowconnections.environment.Environment.DEVELOPMENT,
              Map.of(),
              Map.of());
      warmUp(connection);
      long before = httpClientThreads();
      for (int i = 0; i < 30; i++) {
        try (McpToolSession session = sessions.open(connection)) {
          session.callTool("echo", Map.of("text", "job " + i));
        }
      }
      awaitAsserted(() -> assertThat(httpClientThreads()).isLessThanOrEqualTo(before + 2));
    }
  }

  @Test
  void closedStdioAndWebSocketSessionsLeaveNoThreads() throws Exception {
    var stdio = McpTestConnections.stdio(McpTestConnections.stdioServerCommand(), Map.of());
    try (McpWebSocketTestServer server = new McpWebSocketTestServer(Map.of())) {
      var webSocket =
          McpTestConnections.of(
              "WEBSOCKET",
              server.url(),
              dev.flowconnections.integration.AuthScheme.NONE,
              dev.flowconnections.environment.Environment.DEVELOPMENT,
              Map.of(),
              Map.of());
      warmUp(stdio);
      warmUp(webSocket);
      int before = settledThreadCount();
      for (int i = 0; i < 5; i++) {
        warmUp(stdio);
        warmUp(webSocket);
      }
      awaitAsserted(() -> assertThat(Thread.activeCount()).isLessThanOrEqualTo(before + 3));
    }
  }

  private void warmUp(dev.flowconnections.resolution.ResolvedConnection connection) {
    try (McpToolSession session = sessions.open(connection)) {
      session.listTools();
    }
  }

  /**
   * Threads of closed sessions end shortly after, later on a busy machine: the bound must hold
   * eventually.
   */
  private static void awaitAsserted(ThrowingRunnable assertion) {
    Awaitility.await()
        .atMost(Duration.ofSeconds(30))
        .pollInterval(Duration.ofMillis(100))
        .untilAsserted(assertion);
  }

  /**
   * The thread count once the warm-up's threads have ended: the same in two readings a quarter
   * second apart.
   */
  private static int settledThreadCount() {
    AtomicInteger previous = new AtomicInteger(-1);
    return Awaitility.await("the thread count settles")
        .atMost(Duration.ofSeconds(30))
        .pollInterval(Duration.ofMillis(250))
        .until(Thread::activeCount, count -> previous.getAndSet(count) == count);
  }

  private static long httpClientThreads() {
    return Thread.getAllStackTraces().keySet().stream()
        .filter(t -> t.isAlive() && t.getName().startsWith("HttpClient-"))
        .count();
  }
}
