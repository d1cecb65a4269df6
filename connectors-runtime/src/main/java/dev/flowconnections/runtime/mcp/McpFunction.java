package dev.flowconnections.runtime.mcp;

import io.camunda.connector.api.annotation.OutboundConnector;
import io.camunda.connector.api.outbound.OutboundConnectorContext;
import io.camunda.connector.api.outbound.OutboundConnectorFunction;

/**
 * The MCP Tool task of Flow Connections: lists the tools of the MCP server of a connection, or calls
 * one, over the connection's transport with its credentials for the environment this runtime
 * serves.
 *
 * <p>Result: {@link McpService.ToolList} ({@code server}, {@code tools}) for listTools, {@link
 * McpToolResult} ({@code content}, {@code text}, {@code structuredContent}, {@code isError}) for
 * callTool.
 */
@OutboundConnector(
    name = "Flow Connections MCP Tool",
    inputVariables = {
      "connection", "operation", "toolName", "arguments", "connectTimeoutInSeconds", "requestTimeoutInSeconds"
    },
    type = McpFunction.TYPE)
public class McpFunction implements OutboundConnectorFunction {

  public static final String TYPE = "io.flowconnections:mcp:1";

  private final McpService service;

  public McpFunction(McpService service) {
    this.service = service;
  }

  @Override
  public Object execute(OutboundConnectorContext context) {
    McpRequest request = context.bindVariables(McpRequest.class);
    return service.run(request, context.getJobContext());
  }
}
