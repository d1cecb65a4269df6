package dev.flowconnections.runtime.ai;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/**
 * The sub-process agent's memory between its jobs, kept in the variable {@code agentContext} of its
 * ad-hoc sub-process: the conversation in the provider's own request format, and the tool calls of
 * the model's last turn that are still running as elements. It holds prompts, the model's turns and
 * tool results, never a credential (those travel in request headers only).
 *
 * @param pendingTurn the model's turn (in the provider's message format) whose calls are pending;
 *     null when none are
 * @param rounds the rounds of tool calls so far
 */
record AgentContext(
    ObjectNode conversation,
    JsonNode pendingTurn,
    List<PendingCall> pendingCalls,
    int rounds,
    TokenUsage usage,
    List<AiResult.ToolCallRecord> toolCalls) {

  AgentContext {
    pendingCalls = pendingCalls == null ? List.of() : List.copyOf(pendingCalls);
    toolCalls = toolCalls == null ? List.of() : List.copyOf(toolCalls);
    usage = usage == null ? TokenUsage.NONE : usage;
  }

  /** Reads the variable; an empty object (the sub-process's first job) has no conversation yet. */
  static AgentContext read(JsonNode variable, ObjectMapper json) {
    if (variable == null || !variable.isObject() || !variable.has("conversation")) {
      return new AgentContext(null, null, List.of(), 0, TokenUsage.NONE, List.of());
    }
    return json.convertValue(variable, AgentContext.class);
  }

  boolean started() {
    return conversation != null;
  }

  /**
   * A tool call of the model's last turn.
   *
   * @param call the call as the model made it (its provider id, the tool's name as offered, the
   *     arguments)
   * @param id the id the element was activated with ({@code toolCall._meta.id}): the provider's, or
   *     one of ours where the provider gives none
   * @param tool the tool: an element id, or an MCP tool
   * @param outcome known already (an MCP tool run in the job, or a call refused before running);
   *     null while the element runs
   */
  record PendingCall(ToolCall call, String id, String tool, ToolOutcome outcome) {}
}
