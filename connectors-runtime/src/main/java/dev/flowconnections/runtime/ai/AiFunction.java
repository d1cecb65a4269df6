package dev.flowconnections.runtime.ai;

import dev.flowconnections.integration.IntegrationType;
import dev.flowconnections.runtime.worker.WorkerFunction;
import dev.flowconnections.templates.node.NodeTemplate;
import dev.flowconnections.templates.node.TemplateGroup;
import dev.flowconnections.templates.node.WorkerDescriptor;
import io.camunda.connector.api.annotation.OutboundConnector;

/**
 * The AI Agent task of Flow Connections: asks a model of an AI Provider connection (OpenAI,
 * Anthropic, Google Gemini, Ollama, Hugging Face), resolved for the environment this runtime
 * serves, optionally letting it call the tools of an MCP connection in a bounded loop.
 *
 * <p>Result: {@link AiResult} ({@code text}, {@code structured}, {@code usage}, {@code toolCalls},
 * ...).
 */
@OutboundConnector(
    name = "Flow Connections AI Agent",
    inputVariables = {
      "connection",
      "model",
      "systemPrompt",
      "userPrompt",
      "temperature",
      "maxTokens",
      "outputSchema",
      "mcpConnection",
      "maxToolIterations",
      "adHocSubProcessElements",
      "toolCallResults",
      "agentContext"
    },
    type = AiFunction.TYPE)
@WorkerDescriptor(
    request = AiRequest.class,
    connectionType = IntegrationType.AI_PROVIDER,
    groups = {
      @TemplateGroup(id = "prompt", label = "Prompt"),
      @TemplateGroup(id = "tools", label = "Tools")
    },
    nodes = {
      @NodeTemplate(
          id = "ai-agent",
          label = "AI Agent",
          description = "Ask a model of an AI Provider connection")
    })
public class AiFunction extends WorkerFunction<AiRequest> {

  public static final String TYPE = "io.flowconnections:ai:1";

  public AiFunction(AiService aiService) {
    super((request, context) -> aiService.ask(request, context.getJobContext()));
  }
}
