package dev.flowconnections.runtime.ai;

import java.util.List;
import java.util.Map;

/** What one job of the agent's ad-hoc sub-process ends with. */
sealed interface AgentStep {

  /** Some activated tools have not finished: their completion brings the next job. */
  record Waiting() implements AgentStep {}

  /** The model called tools: activate their elements and remember the conversation. */
  record ActivateTools(List<Activation> activations, AgentContext context) implements AgentStep {}

  /** The model answered: the sub-process completes with the result. */
  record Answer(AiResult result, AgentContext context) implements AgentStep {}

  /**
   * One element to activate, with the variable {@code toolCall}: {@code _meta} (the call's id and
   * the element) and the model's arguments.
   */
  record Activation(String elementId, Map<String, Object> toolCall) {}
}
