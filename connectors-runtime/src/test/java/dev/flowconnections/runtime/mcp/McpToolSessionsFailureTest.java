package dev.flowconnections.runtime.mcp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.flowconnections.runtime.testsupport.RecordingHttpServer;
import dev.flowconnections.runtime.worker.JobFailures;
import io.camunda.connector.api.error.ConnectorInputException;
import io.camunda.connector.api.error.ConnectorRetryException;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** How opening a session fails when the server is gone, slow or misconfigured. */
@Tag("fast")
class McpToolSessionsFailureTest {

  private final McpToolSessions sessions = new McpToolSessions(McpAccessTokens.UNSUPPORTED);

  @Test
  void aServerThatIsDownIsRetriedLater() throws Exception {
    int freePort;
    try (ServerSocket socket = new ServerSocket(0)) {
      freePort = socket.getLocalPort();
    }
    String url = "http://127.0.0.1:" + freePort + "/mcp";
    assertThatThrownBy(
            () -> sessions.open(McpTestConnections.bearer("HTTP", url, McpTestConnections.TOKEN)))
        .isInstanceOfSatisfying(
            ConnectorRetryException.class,
            e -> {
              assertThat(e.getErrorCode()).isEqualTo(JobFailures.CONNECTION_FAILED);
              assertThat(e.getBackoffDuration()).as("the job's own retry backoff").isNull();
              assertThat(e.getMessage())
                  .contains("connection 'weather-mcp' in DEVELOPMENT")
                  .doesNotContain(McpTestConnections.TOKEN);
            });
  }

  @Test
  void aServerThatAcceptsButNeverAnswersTimesOut() throws Exception {
    try (ServerSocket silent = new ServerSocket(0)) {
      String url = "http://127.0.0.1:" + silent.getLocalPort() + "/mcp";
      long start = System.nanoTime();
      assertThatThrownBy(
              () ->
                  sessions.open(
                      McpTestConnections.bearer("HTTP", url, McpTestConnections.TOKEN),
                      new McpTimeouts(Duration.ofSeconds(2), Duration.ofSeconds(2))))
          .satisfies(
              e ->
                  assertThat(((io.camunda.connector.api.error.ConnectorException) e).getErrorCode())
                      .isEqualTo(JobFailures.TIMEOUT));
      assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(10));
    }
  }

  @Test
  void aUrlOfTheWrongSchemeOrWithCredentialsInItIsAConfigurationIncident() {
    assertThatThrownBy(
            () ->
                sessions.open(
                    McpTestConnections.bearer("HTTP", "ftp://tools.example.com/mcp", "t0ken-abc")))
        .isInstanceOf(ConnectorInputException.class)
        .hasMessageContaining("unusable 'url'")
        .hasMessageContaining("http://");
    assertThatThrownBy(
            () ->
                sessions.open(
                    McpTestConnections.bearer(
                        "WEBSOCKET", "http://tools.example.com/mcp", "t0ken-abc")))
        .isInstanceOf(ConnectorInputException.class)
        .hasMessageContaining("ws://");
    assertThatThrownBy(
            () ->
                sessions.open(
                    McpTestConnections.bearer(
                        "HTTP", "http://user:pw@tools.example.com/mcp", "t0ken-abc")))
        .isInstanceOf(ConnectorInputException.class)
        .hasMessageContaining("not in the URL");
  }

  @Test
  void aConnectionOfAnotherTypeIsRefused() {
    var rest =
        new dev.flowconnections.resolution.ResolvedConnection(
            "crm",
            "CRM",
            dev.flowconnections.integration.IntegrationType.REST_API,
            dev.flowconnections.integration.AuthScheme.NONE,
            dev.flowconnections.environment.Environment.DEVELOPMENT,
            Map.of("baseUrl", "http://x"),
            dev.flowconnections.credential.SecretValues.empty());
    assertThatThrownBy(() -> sessions.open(rest))
        .isInstanceOf(ConnectorInputException.class)
        .hasMessageContaining("not an MCP connection");
  }

  @Test
  void aRedirectIsNotFollowedSoTheTokenNeverTravelsToAnotherHost() {
    try (RecordingHttpServer elsewhere = RecordingHttpServer.start();
        RecordingHttpServer redirecting = RecordingHttpServer.start()) {
      redirecting.respond(
          RecordingHttpServer.Reply.text(307, "")
              .withHeader("Location", elsewhere.baseUrl() + "/mcp"));

      assertThatThrownBy(
              () ->
                  sessions.open(
                      McpTestConnections.bearer(
                          "HTTP", redirecting.baseUrl() + "/mcp", "t0ken-9e1d"),
                      McpTimeouts.ofSeconds(5, 5)))
          .isInstanceOf(io.camunda.connector.api.error.ConnectorException.class)
          .hasMessageNotContaining("t0ken-9e1d");
      assertThat(redirecting.requests()).isNotEmpty();
      assertThat(elsewhere.requests()).isEmpty();
    }
  }
}
