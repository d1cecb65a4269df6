package dev.flowconnections.runtime.mcp;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flowconnections.templates.NodeType;
import dev.flowconnections.templates.TemplateInput;
import io.camunda.connector.api.annotation.OutboundConnector;
import java.lang.reflect.RecordComponent;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.Set;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The MCP Tool template and the MCP worker agree: job type, one input per request field (the
 * connection comes from the template's dropdown), the operations and the default timeouts.
 */
@Tag("fast")
class McpTemplateAlignmentTest {

  @Test
  void mcpToolTemplateMatchesTheMcpWorker() {
    NodeType node = NodeType.MCP_TOOL;
    assertThat(node.jobType()).isEqualTo(McpFunction.TYPE);
    assertThat(node.workerAvailable()).isTrue();
    Set<String> templateInputs = new LinkedHashSet<>();
    templateInputs.add("connection");
    node.inputs().stream().map(TemplateInput::name).forEach(templateInputs::add);
    Set<String> requestFields = new LinkedHashSet<>(
        Arrays.stream(McpRequest.class.getRecordComponents()).map(RecordComponent::getName).toList());
    assertThat(templateInputs).containsExactlyInAnyOrderElementsOf(requestFields);
    assertThat(McpFunction.class.getAnnotation(OutboundConnector.class).inputVariables())
        .containsExactlyInAnyOrderElementsOf(requestFields);
  }

  @Test
  void theTemplateOffersExactlyTheOperationsAndDefaultsTheWorkerHas() {
    assertThat(input("operation").choices()).containsExactly(McpRequest.LIST_TOOLS, McpRequest.CALL_TOOL);
    assertThat(input("connectTimeoutInSeconds").defaultValue()).isEqualTo(McpRequest.DEFAULT_CONNECT_TIMEOUT);
    assertThat(input("requestTimeoutInSeconds").defaultValue()).isEqualTo(McpRequest.DEFAULT_REQUEST_TIMEOUT);
    assertThat(input("toolName").showWhen().oneOf()).containsExactly(McpRequest.CALL_TOOL);
  }

  private static TemplateInput input(String name) {
    return NodeType.MCP_TOOL.inputs().stream().filter(i -> i.name().equals(name)).findFirst().orElseThrow();
  }
}
