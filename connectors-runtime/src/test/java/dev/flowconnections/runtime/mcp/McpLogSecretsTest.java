package dev.flowconnections.runtime.mcp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import dev.flowconnections.environment.Environment;
import dev.flowconnections.integration.AuthScheme;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.slf4j.LoggerFactory;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/**
 * No credential reaches a log line, whichever way a task goes wrong: our own classes log at DEBUG
 * here (stricter than production), the SDK at the level the runtime's application.yml sets for it
 * (WARN: at INFO it logs a server's error message as is).
 */
@ExtendWith(OutputCaptureExtension.class)
class McpLogSecretsTest {

  private static final String SIGNATURE = "sig-log-6a0e5b92";
  private static final String WRONG_TOKEN = "wrong-log-token-93ad";
  private static final String ENV_SECRET = "env-log-secret-1c7f";
  private static McpHttpTestServer http;
  private static McpWebSocketTestServer webSocket;
  private static final Logger OURS =
      (Logger) LoggerFactory.getLogger("dev.flowconnections.runtime.mcp");
  private static final Logger SDK = (Logger) LoggerFactory.getLogger("io.modelcontextprotocol");
  private final McpWorkerFixture worker = new McpWorkerFixture();

  @BeforeAll
  static void start() throws Exception {
    OURS.setLevel(Level.DEBUG);
    SDK.setLevel(Level.toLevel(runtimeSetting("logging.level.io.modelcontextprotocol")));
    http = McpHttpTestServer.streamable(Map.of("X-Signature", SIGNATURE));
    webSocket =
        new McpWebSocketTestServer(Map.of("Authorization", "Bearer " + McpTestConnections.TOKEN));
  }

  /** What the runtime's application.yml sets, so this test and production cannot drift apart. */
  private static String runtimeSetting(String name) {
    var yaml = new org.springframework.beans.factory.config.YamlPropertiesFactoryBean();
    yaml.setResources(new org.springframework.core.io.ClassPathResource("application.yml"));
    String value = yaml.getObject().getProperty(name);
    assertThat(value).as(name + " in application.yml").isNotNull();
    return value;
  }

  @AfterAll
  static void stop() throws Exception {
    http.close();
    webSocket.close();
    OURS.setLevel(null);
    SDK.setLevel(null);
  }

  @Test
  void noFailureQuotesACredentialInTheLog(CapturedOutput output) {
    var signed =
        McpTestConnections.of(
            "HTTP",
            http.url(),
            AuthScheme.CUSTOM_HEADERS,
            Environment.DEVELOPMENT,
            Map.of("headers", Map.of("X-Signature", SIGNATURE)),
            Map.of());
    worker.connection(signed);
    for (String tool : List.of("rejectHeader", "throwWithHeader", "requestHeader")) {
      try {
        worker.callTool(tool, Map.of("name", "X-Signature"));
      } catch (RuntimeException expected) {
        assertThat(expected.getMessage()).doesNotContain(SIGNATURE);
      }
    }
    worker.connection(
        McpTestConnections.of(
            "HTTP",
            http.url(),
            AuthScheme.CUSTOM_HEADERS,
            Environment.DEVELOPMENT,
            Map.of("headers", Map.of("X-Signature", WRONG_TOKEN)),
            Map.of()));
    assertThatThrownBy(() -> worker.run(Map.of("operation", "listTools")))
        .hasMessageNotContaining(WRONG_TOKEN);
    worker.connection(McpTestConnections.bearer("WEBSOCKET", webSocket.url(), WRONG_TOKEN));
    assertThatThrownBy(() -> worker.run(Map.of("operation", "listTools")))
        .hasMessageNotContaining(WRONG_TOKEN);
    worker.connection(
        McpTestConnections.stdio(
            McpTestConnections.stdioServerCommand("--print-env", "API_SECRET"),
            Map.of("API_SECRET", ENV_SECRET)));
    assertThatThrownBy(() -> worker.run(Map.of("operation", "callTool", "toolName", "crash")))
        .hasMessageNotContaining(ENV_SECRET);

    assertThat(output.getAll()).as("the failures were logged at all").contains("local-tools");
    assertThat(output.getAll())
        .doesNotContain(SIGNATURE)
        .doesNotContain(WRONG_TOKEN)
        .doesNotContain(ENV_SECRET);
  }
}
