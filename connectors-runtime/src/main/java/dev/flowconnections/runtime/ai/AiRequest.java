package dev.flowconnections.runtime.ai;

import com.fasterxml.jackson.databind.JsonNode;
import dev.flowconnections.integration.IntegrationType;
import dev.flowconnections.templates.node.ConnectionPicker;
import dev.flowconnections.templates.node.EngineVariable;
import dev.flowconnections.templates.node.TemplateProperty;
import dev.flowconnections.templates.node.TemplateProperty.Type;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import java.util.List;

/**
 * What an AI Agent task asks for, bound from the job's variables. The connection supplies the
 * provider, endpoint and key, so a process never holds a key.
 *
 * @param model the provider's model id; the integration's {@code defaultModel} when empty
 * @param temperature 0 to 2; the provider's default when empty
 * @param maxTokens a limit on the answer's tokens; the provider's default when empty (Anthropic:
 *     1024)
 * @param outputSchema a JSON schema (JSON text or FEEL context) the answer must match; free text
 *     when empty
 * @param mcpConnection an MCP connection whose tools the model may call; none when empty
 * @param maxToolIterations how many rounds of tool calls the model may make, 1 to {@value
 *     #MAX_TOOL_ITERATIONS}; {@value #DEFAULT_TOOL_ITERATIONS} when empty
 * @param adHocSubProcessElements set by the engine for the agent of an ad-hoc sub-process: its
 *     elements, the tools; absent for a task
 * @param toolCallResults set by the engine for the agent of an ad-hoc sub-process: the results of
 *     the tools activated so far
 * @param agentContext the sub-process agent's own memory between its jobs ({@link AgentContext})
 */
public record AiRequest(
    @NotBlank String connection,
    @TemplateProperty(
            label = "Model",
            group = "prompt",
            description =
                "The provider's model id, e.g. gpt-4.1, claude-sonnet-4-5, gemini-2.5-flash, llama3.2;"
                    + " defaults to the connection's default model")
        String model,
    @TemplateProperty(label = "System prompt", group = "prompt", type = Type.TEXT)
        String systemPrompt,
    @TemplateProperty(
            label = "User prompt",
            group = "prompt",
            type = Type.TEXT,
            description = "FEEL to include process data, e.g. =\"Classify: \" + ticket.text")
        @NotBlank
        String userPrompt,
    // a text field: the Number type of element templates holds whole numbers only
    @TemplateProperty(
            label = "Temperature",
            group = "prompt",
            type = Type.STRING,
            description = "{min} to {max}; empty for the model's default")
        @DecimalMin("0.0")
        @DecimalMax("2.0")
        Double temperature,
    @TemplateProperty(
            label = "Max tokens",
            group = "prompt",
            description = "Limit of the answer's tokens")
        @Min(1)
        @Max(MAX_TOKENS)
        Integer maxTokens,
    @TemplateProperty(
            label = "Output JSON schema",
            group = "prompt",
            type = Type.TEXT,
            description =
                "JSON schema the answer must match; the result's 'structured' holds it parsed. Empty for free text")
        Object outputSchema,
    @TemplateProperty(
            label = "MCP tools",
            group = "tools",
            description = "An MCP connection whose tools the model may call, or None")
        @ConnectionPicker(IntegrationType.MCP)
        String mcpConnection,
    @TemplateProperty(
            label = "Max tool rounds",
            group = "tools",
            defaultValue = "" + DEFAULT_TOOL_ITERATIONS,
            description = "{min} to {max} rounds of tool calls; more is an incident")
        @Min(1)
        @Max(MAX_TOOL_ITERATIONS)
        Integer maxToolIterations,
    @EngineVariable List<AdHocToolElement> adHocSubProcessElements,
    @EngineVariable List<ToolCallResult> toolCallResults,
    @EngineVariable JsonNode agentContext) {

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
