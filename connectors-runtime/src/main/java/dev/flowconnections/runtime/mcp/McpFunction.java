package dev.flowconnections.runtime.mcp;

import dev.flowconnections.integration.IntegrationType;
import dev.flowconnections.runtime.worker.WorkerFunction;
import dev.flowconnections.templates.node.NodeTemplate;
import dev.flowconnections.templates.node.TemplateGroup;
import dev.flowconnections.templates.node.WorkerDescriptor;
import io.camunda.connector.api.annotation.OutboundConnector;

/**
 * The MCP Tool task of Flow Connections: lists the tools of the MCP server of a connection, or
 * calls one, over the connection's transport with its credentials for the environment this runtime
 * serves.
 *
 * <p>Result: {@link McpService.ToolList} ({@code server}, {@code tools}) for listTools, {@link
 * McpToolResult} ({@code content}, {@code text}, {@code structuredContent}, {@code isError}) for
 * callTool.
 */
@OutboundConnector(
    name = "Flow Connections MCP Tool",
    inputVariables = {
      "connection",
      "operation",
      "toolName",
      "arguments",
      "connectTimeoutInSeconds",
      "requestTimeoutInSeconds"
    },
    type = McpFunction.TYPE)
@WorkerDescriptor(
    request = McpRequest.class,
    connectionType = IntegrationType.MCP,
    groups = {
      @TemplateGroup(id = "tool", label = "Tool"),
      @TemplateGroup(id = "timeout", label = "Timeouts")
    },
    nodes = {
      @NodeTemplate(
          id = "mcp-tool",
          label = "MCP Tool",
          description = "List or call the tools of an MCP server connection")
    })
public class McpFunction extends WorkerFunction<McpRequest> {

  public static final String TYPE = "io.flowconnections:mcp:1";

  public McpFunction(McpService service) {
    super((request, context) -> service.run(request, context.getJobContext()));
  }
}
