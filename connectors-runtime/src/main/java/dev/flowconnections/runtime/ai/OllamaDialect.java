package dev.flowconnections.runtime.ai;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;

/**
 * Ollama's native chat API ({@code POST /api/chat}, not streamed): {@code format} takes the JSON
 * schema itself, sampling settings go in {@code options} ({@code temperature}, {@code
 * num_predict}), tool calls arrive with arguments as an object and are answered by {@code tool}
 * messages naming the tool. Token counts are {@code prompt_eval_count} and {@code eval_count}.
 */
final class OllamaDialect implements ChatDialect {

  static final String CHAT_PATH = "/api/chat";

  private final ObjectMapper json;

  OllamaDialect(ObjectMapper json) {
    this.json = json;
  }

  @Override
  public String chatPath(String model) {
    return CHAT_PATH;
  }

  @Override
  public ObjectNode newConversation(AgentPrompt prompt, List<ToolSpec> tools) {
    ObjectNode body = json.createObjectNode();
    body.put("model", prompt.model());
    body.put("stream", false);
    ChatMessages.start(body, prompt);
    if (prompt.outputSchema() != null) {
      body.set("format", prompt.outputSchema());
    }
    ObjectNode options = json.createObjectNode();
    if (prompt.temperature() != null) {
      options.put("temperature", prompt.temperature());
    }
    if (prompt.maxTokens() != null) {
      options.put("num_predict", prompt.maxTokens());
    }
    if (options.size() > 0) {
      body.set("options", options);
    }
    ToolSchemas.declareFunctions(body, tools, json);
    return body;
  }

  @Override
  public ModelTurn read(JsonNode response) {
    JsonNode message = response.path("message");
    if (!message.isObject()) {
      throw new MalformedAnswerException("the answer has no message");
    }
    List<ToolCall> calls = new ArrayList<>();
    for (JsonNode call : message.path("tool_calls")) {
      JsonNode function = call.path("function");
      calls.add(
          new ToolCall(
              null,
              function.path("name").asText(),
              function.path("arguments").isObject()
                  ? function.get("arguments")
                  : json.createObjectNode()));
    }
    TokenUsage tokens =
        TokenUsage.of(
            response.path("prompt_eval_count").asLong(), response.path("eval_count").asLong());
    return new ModelTurn(
        message.path("content").asText(""),
        calls,
        tokens,
        response.path("done_reason").asText(null),
        message);
  }

  @Override
  public void appendToolRound(
      ObjectNode conversation, ModelTurn turn, List<ToolCall> calls, List<ToolOutcome> outcomes) {
    ArrayNode messages = ChatMessages.appendTurn(conversation, turn);
    for (int i = 0; i < calls.size(); i++) {
      ChatMessages.appendToolResult(messages, "tool_name", calls.get(i).name(), outcomes.get(i));
    }
  }
}
