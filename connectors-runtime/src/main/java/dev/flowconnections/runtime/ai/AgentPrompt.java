package dev.flowconnections.runtime.ai;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * What the model is asked, independent of the provider.
 *
 * @param systemPrompt null when the task sets none
 * @param temperature null for the provider's default
 * @param maxTokens null for the provider's default (Anthropic requires one: {@value
 *     AnthropicDialect#DEFAULT_MAX_TOKENS})
 * @param outputSchema a JSON schema the answer must match, or null for free text
 */
public record AgentPrompt(
    String model,
    String systemPrompt,
    String userPrompt,
    Double temperature,
    Integer maxTokens,
    JsonNode outputSchema) {

  /**
   * For providers (or combinations) without a schema parameter: the schema as an instruction; the
   * worker validates the answer either way.
   */
  String schemaInstruction() {
    return "Answer with a single JSON value that matches this JSON schema, without any other text or"
        + " code fences:\n"
        + outputSchema;
  }

  /** The system prompt with {@link #schemaInstruction()} appended, for providers that need it. */
  String systemPromptWithSchema() {
    if (outputSchema == null) {
      return systemPrompt;
    }
    return systemPrompt == null || systemPrompt.isBlank()
        ? schemaInstruction()
        : systemPrompt + "\n\n" + schemaInstruction();
  }
}
