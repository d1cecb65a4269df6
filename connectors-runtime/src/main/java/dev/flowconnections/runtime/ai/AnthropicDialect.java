package dev.flowconnections.runtime.ai;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;

/**
 * Anthropic Messages ({@code POST /v1/messages}, API version 2023-06-01): the system prompt is a
 * top-level field, {@code max_tokens} is required, the answer is a list of content blocks ({@code
 * text}, {@code tool_use}) and tool results go back as {@code tool_result} blocks of a user
 * message. The 2023-06-01 API has no schema parameter, so an output schema becomes an instruction
 * in the system prompt and the worker validates the answer.
 */
final class AnthropicDialect implements ChatDialect {

  static final String CHAT_PATH = "/v1/messages";
  static final String API_VERSION = "2023-06-01";
  static final int DEFAULT_MAX_TOKENS = 1024;

  private final ObjectMapper json;

  AnthropicDialect(ObjectMapper json) {
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
    body.put("max_tokens", prompt.maxTokens() == null ? DEFAULT_MAX_TOKENS : prompt.maxTokens());
    String system = prompt.systemPromptWithSchema();
    if (system != null && !system.isBlank()) {
      body.put("system", system);
    }
    if (prompt.temperature() != null) {
      body.put("temperature", prompt.temperature());
    }
    body.putArray("messages").addObject().put("role", "user").put("content", prompt.userPrompt());
    if (!tools.isEmpty()) {
      ArrayNode declared = body.putArray("tools");
      for (ToolSpec tool : tools) {
        ObjectNode entry = declared.addObject().put("name", tool.name());
        if (tool.description() != null) {
          entry.put("description", tool.description());
        }
        entry.set("input_schema", ToolSchemas.objectSchema(tool.inputSchema(), json));
      }
    }
    return body;
  }

  @Override
  public ModelTurn read(JsonNode response) {
    JsonNode content = response.path("content");
    if (!content.isArray()) {
      throw new MalformedAnswerException("the answer has no content blocks");
    }
    StringBuilder text = new StringBuilder();
    List<ToolCall> calls = new ArrayList<>();
    for (JsonNode block : content) {
      switch (block.path("type").asText()) {
        case "text" -> text.append(block.path("text").asText());
        case "tool_use" ->
            calls.add(
                new ToolCall(
                    block.path("id").asText(null),
                    block.path("name").asText(),
                    block.path("input").isObject() ? block.get("input") : json.createObjectNode()));
        default -> {} // thinking and other blocks are not part of the answer
      }
    }
    JsonNode usage = response.path("usage");
    TokenUsage tokens =
        TokenUsage.of(usage.path("input_tokens").asLong(), usage.path("output_tokens").asLong());
    ObjectNode assistant = json.createObjectNode().put("role", "assistant");
    assistant.set("content", content);
    return new ModelTurn(
        text.toString(), calls, tokens, response.path("stop_reason").asText(null), assistant);
  }

  @Override
  public void appendToolRound(
      ObjectNode conversation, ModelTurn turn, List<ToolCall> calls, List<ToolOutcome> outcomes) {
    ArrayNode messages = ChatMessages.appendTurn(conversation, turn);
    ArrayNode results = messages.addObject().put("role", "user").putArray("content");
    for (int i = 0; i < calls.size(); i++) {
      ObjectNode result =
          results
              .addObject()
              .put("type", "tool_result")
              .put("tool_use_id", calls.get(i).id())
              .put("content", outcomes.get(i).content());
      if (outcomes.get(i).error()) {
        result.put("is_error", true);
      }
    }
  }
}
