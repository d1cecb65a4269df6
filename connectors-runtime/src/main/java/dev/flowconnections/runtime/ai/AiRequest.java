package dev.flowconnections.runtime.ai;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;

/**
 * What an AI Agent task asks for, bound from the job's variables. The connection supplies the
 * provider, endpoint and key, so a process never holds a key.
 *
 * @param model the provider's model id; the integration's {@code defaultModel} when empty
 * @param temperature 0 to 2; the provider's default when empty
 * @param maxTokens a limit on the answer's tokens; the provider's default when empty (Anthropic: 1024)
 * @param outputSchema a JSON schema (JSON text or FEEL context) the answer must match; free text when empty
 * @param mcpConnection an MCP connection whose tools the model may call; none when empty
 * @param maxToolIterations how many rounds of tool calls the model may make, 1 to {@value #MAX_TOOL_ITERATIONS};
 *     {@value #DEFAULT_TOOL_ITERATIONS} when empty
 */
public record AiRequest(
    @NotBlank String connection,
    String model,
    String systemPrompt,
    @NotBlank String userPrompt,
    @DecimalMin("0.0") @DecimalMax("2.0") Double temperature,
    @Min(1) @Max(MAX_TOKENS) Integer maxTokens,
    Object outputSchema,
    String mcpConnection,
    @Min(1) @Max(MAX_TOOL_ITERATIONS) Integer maxToolIterations) {

  static final int MAX_TOKENS = 1_000_000;
  /** A hard cap: each round is a paid model call and a tool call, inside one job's time. */
  static final int MAX_TOOL_ITERATIONS = 20;
  public static final int DEFAULT_TOOL_ITERATIONS = 5;

  int toolIterations() {
    return maxToolIterations == null ? DEFAULT_TOOL_ITERATIONS : maxToolIterations;
  }

  boolean usesTools() {
    return mcpConnection != null && !mcpConnection.isBlank();
  }
}
