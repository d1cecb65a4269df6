package dev.flowconnections.runtime.ai;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * The result of an AI Agent task, available to the task's {@code resultExpression}.
 *
 * @param provider OPENAI, ANTHROPIC, GOOGLE, OLLAMA or HUGGINGFACE
 * @param model the model asked
 * @param text the final answer's text
 * @param structured the answer parsed and validated against {@code outputSchema}; absent without
 *     one
 * @param usage tokens over all model calls of the task
 * @param stopReason the provider's reason for the final answer ({@code stop}, {@code end_turn},
 *     {@code STOP}, ...)
 * @param toolCalls the tool calls made, in order; empty without tools
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record AiResult(
    String provider,
    String model,
    String text,
    Object structured,
    TokenUsage usage,
    String stopReason,
    List<ToolCallRecord> toolCalls) {

  /**
   * One tool call as the result reports it: which tool, with which arguments, and whether it
   * failed.
   */
  public record ToolCallRecord(String name, Object arguments, boolean error) {}
}
