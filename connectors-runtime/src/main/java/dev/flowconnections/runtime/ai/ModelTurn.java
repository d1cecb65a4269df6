package dev.flowconnections.runtime.ai;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/**
 * One answer of the model, read from a provider's response.
 *
 * @param text the answer's text parts joined; empty when the model only called tools
 * @param assistantMessage the answer in the provider's own message format, appended to the
 *     conversation as it is
 * @param stopReason the provider's reason, e.g. {@code stop}, {@code end_turn}, {@code STOP},
 *     {@code tool_calls}
 */
public record ModelTurn(
    String text,
    List<ToolCall> toolCalls,
    TokenUsage usage,
    String stopReason,
    JsonNode assistantMessage) {

  public ModelTurn {
    toolCalls = List.copyOf(toolCalls);
  }
}
