package dev.flowconnections.runtime.mcp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.flowconnections.environment.Environment;
import dev.flowconnections.integration.AuthScheme;
import io.camunda.connector.api.error.ConnectorException;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * A server that hands a credential back (a debugging tool that reports the request's headers) never
 * gets it into a task's result: text, content blocks and structured content are masked.
 */
@Tag("fast")
class McpSecretsTest {

  private static final String HEADER_SECRET = "sig-2f9d81c3e7";
  private static McpHttpTestServer server;
  private final McpWorkerFixture worker = new McpWorkerFixture();

  @BeforeAll
  static void startServer() throws Exception {
    server = McpHttpTestServer.streamable(Map.of("X-Signature", HEADER_SECRET));
  }

  @AfterAll
  static void stopServer() throws Exception {
    server.close();
  }

  @Test
  void anEchoedCredentialIsMaskedEverywhereInTheResult() throws Exception {
    connectWithSecretSignatureHeader();

    McpToolResult result =
        (McpToolResult) worker.callTool("requestHeader", Map.of("name", "X-Signature"));

    assertThat(result.text()).isEqualTo("****");
    assertThat(result.structuredContent()).isEqualTo(Map.of("header", "****"));
    assertThat(new ObjectMapper().writeValueAsString(result)).doesNotContain(HEADER_SECRET);
    // the server did get it: the masking is not an empty answer
    assertThat(server.requests())
        .anySatisfy(headers -> assertThat(headers).containsEntry("x-signature", HEADER_SECRET));
  }

  @Test
  void aToolErrorQuotingTheCredentialIsMaskedInTheIncidentAndItsVariables() {
    connectWithSecretSignatureHeader();

    assertThatThrownBy(() -> worker.callTool("rejectHeader", Map.of("name", "X-Signature")))
        .isInstanceOfSatisfying(
            ConnectorException.class,
            e -> {
              assertThat(e.getMessage())
                  .isEqualTo("tool 'rejectHeader' reported an error: upstream refused ****");
              assertThat(e.getErrorVariables().toString())
                  .contains("upstream refused ****")
                  .doesNotContain(HEADER_SECRET);
            });
  }

  /** The worker's connection sends {@link #HEADER_SECRET} as the X-Signature header. */
  private void connectWithSecretSignatureHeader() {
    worker.connection(
        McpTestConnections.of(
            "HTTP",
            server.url(),
            AuthScheme.CUSTOM_HEADERS,
            Environment.DEVELOPMENT,
            Map.of("headers", Map.of("X-Signature", HEADER_SECRET)),
            Map.of()));
  }
}
