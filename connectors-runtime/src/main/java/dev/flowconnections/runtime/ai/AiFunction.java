package dev.flowconnections.runtime.ai;

import io.camunda.connector.api.annotation.OutboundConnector;
import io.camunda.connector.api.outbound.OutboundConnectorContext;
import io.camunda.connector.api.outbound.OutboundConnectorFunction;

/**
 * The AI Agent task of Flow Connections: asks a model of an AI Provider connection (OpenAI,
 * Anthropic, Google Gemini, Ollama, Hugging Face), resolved for the environment this runtime
 * serves, optionally letting it call the tools of an MCP connection in a bounded loop.
 *
 * <p>Result: {@link AiResult} ({@code text}, {@code structured}, {@code usage}, {@code toolCalls}, ...).
 */
@OutboundConnector(
    name = "Flow Connections AI Agent",
    inputVariables = {"connection", "model", "systemPrompt", "userPrompt", "temperature", "maxTokens",
        "outputSchema", "mcpConnection", "maxToolIterations"},
    type = AiFunction.TYPE)
public class AiFunction implements OutboundConnectorFunction {

  public static final String TYPE = "io.flowconnections:ai:1";

  private final AiService aiService;

  public AiFunction(AiService aiService) {
    this.aiService = aiService;
  }

  @Override
  public Object execute(OutboundConnectorContext context) {
    AiRequest request = context.bindVariables(AiRequest.class);
    return aiService.ask(request, context.getJobContext());
  }
}
