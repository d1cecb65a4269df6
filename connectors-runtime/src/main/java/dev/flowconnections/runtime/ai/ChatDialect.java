package dev.flowconnections.runtime.ai;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/**
 * One provider's chat API: how a conversation is written (request body), how an answer is read, and
 * how a tool round is appended. The conversation lives in the request body itself, so each round
 * posts the whole conversation in the provider's own format.
 */
interface ChatDialect {

  /** The path of the chat endpoint below the base URL. */
  String chatPath(String model);

  /** The first request: system and user prompt, parameters, output schema and tools. */
  ObjectNode newConversation(AgentPrompt prompt, List<ToolSpec> tools);

  /** Reads an answer; a response without one is a {@link MalformedAnswerException}. */
  ModelTurn read(JsonNode response);

  /** Appends the model's turn and the results of the tool calls it asked for, in order. */
  void appendToolRound(
      ObjectNode conversation, ModelTurn turn, List<ToolCall> calls, List<ToolOutcome> outcomes);

  /**
   * An answer the worker cannot read (no choices, no candidates): the provider broke its contract.
   */
  final class MalformedAnswerException extends RuntimeException {
    MalformedAnswerException(String message) {
      super(message);
    }
  }
}
