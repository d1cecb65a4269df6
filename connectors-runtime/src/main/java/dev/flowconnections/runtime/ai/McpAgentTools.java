package dev.flowconnections.runtime.ai;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.flowconnections.runtime.mcp.McpFailures;
import dev.flowconnections.runtime.mcp.McpToolResult;
import dev.flowconnections.runtime.mcp.McpToolSession;
import io.camunda.connector.api.error.ConnectorException;
import io.camunda.connector.api.error.ConnectorInputException;
import io.camunda.connector.api.error.ConnectorRetryException;
import java.util.List;
import java.util.Map;

/**
 * The tools of one MCP client session, offered to the model. What the model reads of a call is the
 * tool's text, else its structured content, else its content blocks, as JSON. A tool that reports a
 * failure, or a call the server refuses with a JSON-RPC error (e.g. arguments that do not match the
 * schema), goes back to the model as an error; an unreachable or timed-out server, or refused
 * credentials, end the job like any other connection failure.
 */
final class McpAgentTools implements AgentTools {

  private final McpToolSession session;
  private final ObjectMapper json;
  private List<ToolSpec> tools;

  McpAgentTools(McpToolSession session, ObjectMapper json) {
    this.session = session;
    this.json = json;
  }

  @Override
  public List<ToolSpec> tools() {
    if (tools == null) {
      tools =
          session.listTools().stream()
              .map(
                  tool ->
                      new ToolSpec(
                          tool.name(), tool.description(), json.valueToTree(tool.inputSchema())))
              .toList();
    }
    return tools;
  }

  @Override
  public ToolOutcome call(String name, JsonNode arguments) {
    McpToolResult result;
    try {
      result =
          session.callTool(
              name, json.convertValue(arguments, new TypeReference<Map<String, Object>>() {}));
    } catch (ConnectorRetryException | ConnectorInputException e) {
      throw e;
    } catch (ConnectorException e) {
      if (McpFailures.MCP_ERROR.equals(e.getErrorCode())) {
        return ToolOutcome.failure(e.getMessage());
      }
      throw e;
    }
    return new ToolOutcome(forModel(result), result.isError());
  }

  private String forModel(McpToolResult result) {
    if (result.text() != null) {
      return result.text();
    }
    try {
      return json.writeValueAsString(
          result.structuredContent() != null ? result.structuredContent() : result.content());
    } catch (JsonProcessingException e) {
      return String.valueOf(result.content());
    }
  }

  @Override
  public void close() {
    session.close();
  }
}
