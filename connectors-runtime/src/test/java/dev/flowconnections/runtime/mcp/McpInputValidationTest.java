package dev.flowconnections.runtime.mcp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.flowconnections.runtime.testsupport.WorkerTestContext;
import io.camunda.connector.api.error.ConnectorInputException;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Invalid MCP Tool input is an incident naming the field, before any server is contacted. */
@Tag("fast")
class McpInputValidationTest {

  /** Nothing listens here: a task that got past validation would fail differently. */
  private final McpWorkerFixture worker =
      new McpWorkerFixture()
          .connection(
              McpTestConnections.bearer(
                  "HTTP", "http://127.0.0.1:9/mcp", McpTestConnections.TOKEN));

  @Test
  void connectionIsRequired() {
    assertRejected(Map.of("connection", " ", "operation", "listTools"), "connection");
  }

  @Test
  void operationMustBeListToolsOrCallTool() {
    assertRejected(Map.of("operation", "deleteTools"), "operation");
    Map<String, Object> missing = new HashMap<>();
    missing.put("operation", null);
    assertRejected(missing, "operation");
  }

  @Test
  void callToolNeedsAToolName() {
    assertRejected(Map.of("operation", "callTool"), "toolName");
  }

  @ParameterizedTest
  @ValueSource(ints = {0, 121})
  void connectTimeoutMustBeWithinBounds(int seconds) {
    assertRejected(
        Map.of("operation", "listTools", "connectTimeoutInSeconds", seconds),
        "connectTimeoutInSeconds");
  }

  @ParameterizedTest
  @ValueSource(ints = {0, 241})
  void requestTimeoutMustBeWithinBounds(int seconds) {
    assertRejected(
        Map.of("operation", "listTools", "requestTimeoutInSeconds", seconds),
        "requestTimeoutInSeconds");
  }

  @Test
  void argumentsThatAreNotAnObjectAreRejected() {
    assertThatThrownBy(() -> worker.callTool("add", "[1, 2]"))
        .isInstanceOf(ConnectorInputException.class)
        .hasMessageStartingWith("arguments:");
    assertThatThrownBy(() -> worker.callTool("add", "{a: 1"))
        .isInstanceOf(ConnectorInputException.class)
        .hasMessageStartingWith("arguments: not a JSON object");
  }

  @Test
  void timeoutsHaveDefaults() {
    McpRequest request =
        new WorkerTestContext(McpFunction.TYPE, Map.of("connection", "x", "operation", "listTools"))
            .bindVariables(McpRequest.class);
    assertThat(request.timeouts()).isEqualTo(McpTimeouts.ofSeconds(20, 60));
  }

  private void assertRejected(Map<String, ?> variables, String field) {
    assertThatThrownBy(() -> worker.run(variables))
        .isInstanceOf(ConnectorInputException.class)
        .hasMessageContaining(field);
  }
}
