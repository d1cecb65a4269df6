package dev.flowconnections.runtime.mcp;

import dev.flowconnections.integration.IntegrationType;
import dev.flowconnections.resolution.ResolvedConnection;
import dev.flowconnections.runtime.worker.SecretMasker;
import dev.flowconnections.runtime.worker.WorkerConnections;
import io.camunda.connector.api.error.ConnectorExceptionBuilder;
import io.camunda.connector.api.outbound.JobContext;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Runs an MCP Tool task: one session per job on the connection for the runtime's environment.
 *
 * <p>A tool that reports a failure ({@code isError}) fails the task with error code {@value
 * McpFailures#TOOL_ERROR} and the tool's text as message, like a REST call answered with an error
 * status: a process handles it with an error expression (its variables hold {@code text} and {@code
 * content}), otherwise the job's retries run out into an incident. A successful result is never
 * mistaken for a failure, and a failure never lands silently in a variable.
 */
public class McpService {

  private final WorkerConnections connections;
  private final McpToolSessions sessions;

  public McpService(WorkerConnections connections, McpToolSessions sessions) {
    this.connections = connections;
    this.sessions = sessions;
  }

  /**
   * @return {@link ToolList} for listTools, {@link McpToolResult} for callTool
   */
  public Object run(McpRequest request, JobContext job) {
    ResolvedConnection connection =
        connections.resolve(request.connection(), job, IntegrationType.MCP, "MCP worker");
    Map<String, Object> arguments =
        request.isCallTool() ? McpToolArguments.of(request.arguments()) : Map.of();
    try (McpToolSession session = sessions.open(connection, request.timeouts())) {
      if (!request.isCallTool()) {
        return new ToolList(session.serverName(), session.listTools());
      }
      McpToolResult result = session.callTool(request.toolName(), arguments);
      if (result.isError()) {
        throw toolError(request.toolName(), result, WorkerConnections.maskerFor(connection));
      }
      return result;
    }
  }

  private static RuntimeException toolError(
      String toolName, McpToolResult result, SecretMasker masker) {
    Map<String, Object> variables = new LinkedHashMap<>();
    variables.put("text", result.text());
    variables.put("content", result.content());
    return new ConnectorExceptionBuilder()
        .errorCode(McpFailures.TOOL_ERROR)
        .message(
            masker.mask(
                "tool '"
                    + toolName
                    + "' reported an error: "
                    + (result.text() == null ? "(no text)" : result.text())))
        .errorVariables(variables)
        .build();
  }

  /** The result of listTools: the server and its tools with their input schemas. */
  public record ToolList(String server, List<McpTool> tools) {}
}
