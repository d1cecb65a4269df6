package dev.flowconnections.runtime.mcp;

import java.util.Map;

/**
 * A tool an MCP server offers: its name, what it does and the JSON Schema of its arguments (as
 * parsed JSON: maps, lists, scalars), which an AI agent hands to its model unchanged.
 */
public record McpTool(
    String name, String title, String description, Map<String, Object> inputSchema) {

  public McpTool {
    inputSchema = inputSchema == null ? Map.of() : inputSchema;
  }
}
