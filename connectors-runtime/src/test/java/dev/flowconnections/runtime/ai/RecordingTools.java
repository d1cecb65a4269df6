package dev.flowconnections.runtime.ai;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/**
 * Two tools for tool-loop tests, as an MCP server would describe them: {@code get_order} answers
 * with an order's status, {@code cancel_order} always fails. Records every call it gets.
 */
class RecordingTools implements AgentTools {

  final List<String> calls = new ArrayList<>();
  boolean closed;

  @Override
  public List<ToolSpec> tools() {
    return List.of(
        new ToolSpec(
            "get_order",
            "Reads an order by id",
            AiTestFixture.json(
                "{\"$schema\":\"http://json-schema.org/draft-07/schema#\",\"type\":\"object\","
                    + "\"properties\":{\"orderId\":{\"type\":\"string\"}},\"required\":[\"orderId\"],"
                    + "\"additionalProperties\":false}")),
        new ToolSpec(
            "cancel_order",
            "Cancels an order",
            AiTestFixture.json(
                "{\"type\":\"object\",\"properties\":{\"orderId\":{\"type\":\"string\"}}}")));
  }

  @Override
  public ToolOutcome call(String name, JsonNode arguments) {
    calls.add(name + " " + arguments);
    return switch (name) {
      case "get_order" ->
          ToolOutcome.success(
              "{\"orderId\":\""
                  + arguments.path("orderId").asText()
                  + "\",\"status\":\"SHIPPED\"}");
      default -> ToolOutcome.failure("cancelling is not allowed");
    };
  }

  @Override
  public void close() {
    closed = true;
  }
}
