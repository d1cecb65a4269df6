package dev.flowconnections.runtime.ai;

/**
 * Tokens the provider counted, summed over every model call of the task (a tool loop makes
 * several). {@code totalTokens} is input plus output when the provider reports no total.
 */
public record TokenUsage(long inputTokens, long outputTokens, long totalTokens) {

  public static final TokenUsage NONE = new TokenUsage(0, 0, 0);

  public static TokenUsage of(long input, long output) {
    return new TokenUsage(input, output, input + output);
  }

  public TokenUsage plus(TokenUsage other) {
    return new TokenUsage(
        inputTokens + other.inputTokens,
        outputTokens + other.outputTokens,
        totalTokens + other.totalTokens);
  }
}
