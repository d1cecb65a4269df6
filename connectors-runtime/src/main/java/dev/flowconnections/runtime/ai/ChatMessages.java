package dev.flowconnections.runtime.ai;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The {@code messages} list of a conversation as the chat APIs that have one share it: system and
 * user prompt to start (OpenAI, Ollama), then per tool round the model's turn (also Anthropic) and
 * one {@code tool} message per call (OpenAI, Ollama).
 */
final class ChatMessages {

  private ChatMessages() {}

  /** Starts the body's {@code messages}: the system prompt, unless blank, then the user prompt. */
  static void start(ObjectNode body, AgentPrompt prompt) {
    ArrayNode messages = body.putArray("messages");
    if (prompt.systemPrompt() != null && !prompt.systemPrompt().isBlank()) {
      messages.addObject().put("role", "system").put("content", prompt.systemPrompt());
    }
    messages.addObject().put("role", "user").put("content", prompt.userPrompt());
  }

  /** Appends the model's turn to the conversation's {@code messages} and returns them. */
  static ArrayNode appendTurn(ObjectNode conversation, ModelTurn turn) {
    ArrayNode messages = (ArrayNode) conversation.get("messages");
    messages.add(turn.assistantMessage());
    return messages;
  }

  /**
   * Appends a {@code tool} message answering one call, which {@code callField} names; these APIs
   * have no error flag, so a failure says so in the content.
   */
  static void appendToolResult(
      ArrayNode messages, String callField, String call, ToolOutcome outcome) {
    messages
        .addObject()
        .put("role", "tool")
        .put(callField, call)
        .put("content", outcome.error() ? "Error: " + outcome.content() : outcome.content());
  }
}
