package dev.flowconnections.runtime.mcp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.camunda.connector.api.error.ConnectorException;
import io.camunda.connector.api.error.ConnectorInputException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The MCP Tool worker, run as the runtime runs it, against a real SDK server over Streamable HTTP.
 */
@Tag("fast")
class McpWorkerTest {

  @AutoClose
  private static final McpHttpTestServer SERVER = McpHttpTestServer.streamableWithTestToken();

  private final McpWorkerFixture worker = new McpWorkerFixture();

  @Test
  void listToolsReturnsTheServerAndEveryToolWithItsSchema() {
    worker.connection(McpTestConnections.bearer("HTTP", SERVER.url(), McpTestConnections.TOKEN));

    McpService.ToolList result = (McpService.ToolList) worker.run(Map.of("operation", "listTools"));

    assertThat(result.server()).isEqualTo("flow-test-server 1.0.0");
    assertThat(result.tools()).extracting(McpTool::name).contains("add", "echo", "fail");
    assertThat(result.tools())
        .filteredOn(t -> t.name().equals("echo"))
        .singleElement()
        .satisfies(
            echo -> assertThat(echo.inputSchema()).containsEntry("required", List.of("text")));
  }

  @Test
  void callToolPassesAFeelContextAsArguments() {
    worker.connection(McpTestConnections.bearer("HTTP", SERVER.url(), McpTestConnections.TOKEN));

    McpToolResult result = (McpToolResult) worker.callTool("add", Map.of("a", 19, "b", 23));

    assertThat(result.text()).isEqualTo("sum is 42");
    assertThat(result.structuredContent()).isEqualTo(Map.of("sum", 42.0));
    assertThat(result.isError()).isFalse();
  }

  @Test
  void callToolAcceptsArgumentsAsJsonText() {
    worker.connection(McpTestConnections.bearer("HTTP", SERVER.url(), McpTestConnections.TOKEN));

    McpToolResult result = (McpToolResult) worker.callTool("echo", "{\"text\": \"from JSON\"}");

    assertThat(result.text()).isEqualTo("from JSON");
  }

  @Test
  void aToolErrorFailsTheTaskWithACodeAnErrorExpressionCanCatch() {
    worker.connection(McpTestConnections.bearer("HTTP", SERVER.url(), McpTestConnections.TOKEN));

    assertThatThrownBy(() -> worker.run(Map.of("operation", "callTool", "toolName", "fail")))
        .isInstanceOfSatisfying(
            ConnectorException.class,
            e -> {
              assertThat(e.getErrorCode()).isEqualTo(McpFailures.TOOL_ERROR);
              assertThat(e.getMessage())
                  .isEqualTo("tool 'fail' reported an error: the weather service is down");
              assertThat(e.getErrorVariables())
                  .containsEntry("text", "the weather service is down");
            });
  }

  @Test
  void anUnknownToolIsAnIncident() {
    worker.connection(McpTestConnections.bearer("HTTP", SERVER.url(), McpTestConnections.TOKEN));

    assertThatThrownBy(() -> worker.run(Map.of("operation", "callTool", "toolName", "forecast")))
        .isInstanceOf(ConnectorInputException.class)
        .hasMessageContaining("has no tool 'forecast'; it has: add, echo");
  }

  @Test
  void aRejectedTokenIsAnIncidentWithoutTheToken() {
    worker.connection(McpTestConnections.bearer("HTTP", SERVER.url(), "revoked-token-81c6"));

    assertThatThrownBy(() -> worker.run(Map.of("operation", "listTools")))
        .isInstanceOf(ConnectorInputException.class)
        .hasMessage(
            "the MCP server rejected the credentials of connection 'weather-mcp' in DEVELOPMENT (HTTP 401)");
  }

  @Test
  void aConnectionTheResolverDoesNotKnowIsAnIncident() {
    worker.connection(McpTestConnections.bearer("HTTP", SERVER.url(), McpTestConnections.TOKEN));

    assertThatThrownBy(() -> worker.run(Map.of("connection", "other", "operation", "listTools")))
        .isInstanceOf(ConnectorInputException.class)
        .hasMessage("connection 'other' does not exist");
  }

  @Test
  void resultsBecomeTheDocumentedProcessVariables() throws Exception {
    worker.connection(McpTestConnections.bearer("HTTP", SERVER.url(), McpTestConnections.TOKEN));
    var mapper = io.camunda.connector.jackson.ConnectorsObjectMapperSupplier.getCopy();

    Object call = worker.callTool("add", Map.of("a", 1, "b", 2));
    Object list = worker.run(Map.of("operation", "listTools"));

    assertThat(mapper.readTree(mapper.writeValueAsString(call)).toString())
        .isEqualTo(
            "{\"content\":[{\"type\":\"text\",\"text\":\"sum is 3\"}],\"text\":\"sum is 3\","
                + "\"structuredContent\":{\"sum\":3.0},\"isError\":false}");
    var tools = mapper.readTree(mapper.writeValueAsString(list));
    assertThat(tools.get("server").asText()).isEqualTo("flow-test-server 1.0.0");
    assertThat(tools.get("tools").get(0).get("name").asText()).isEqualTo("add");
    assertThat(tools.get("tools").get(0).get("inputSchema").get("type").asText())
        .isEqualTo("object");
  }
}
