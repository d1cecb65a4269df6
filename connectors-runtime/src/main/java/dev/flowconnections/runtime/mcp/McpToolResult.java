package dev.flowconnections.runtime.mcp;

import java.util.List;
import java.util.Map;

/**
 * What a tool call returned, masked of the connection's credentials.
 *
 * @param content the content blocks as the server sent them ({@code type} = text, image, audio,
 *     resource, resource_link, with their fields)
 * @param text the text blocks joined by newlines, or null when there is none: what most tools mean
 * @param structuredContent the tool's structured result (parsed JSON), or null
 * @param isError true when the tool itself reported a failure (an MCP tool error, not a protocol
 *     error); {@code text} then usually says why
 */
public record McpToolResult(
    List<Map<String, Object>> content, String text, Object structuredContent, boolean isError) {

  public McpToolResult {
    content = content == null ? List.of() : List.copyOf(content);
  }
}
