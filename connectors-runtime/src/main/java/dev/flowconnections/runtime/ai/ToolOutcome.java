package dev.flowconnections.runtime.ai;

/**
 * What a tool call gave back, as text for the model. A failed call is an outcome too: the model is
 * told about it and may try differently, as MCP's {@code isError} results intend.
 */
public record ToolOutcome(String content, boolean error) {

  public static ToolOutcome success(String content) {
    return new ToolOutcome(content, false);
  }

  public static ToolOutcome failure(String content) {
    return new ToolOutcome(content, true);
  }
}
