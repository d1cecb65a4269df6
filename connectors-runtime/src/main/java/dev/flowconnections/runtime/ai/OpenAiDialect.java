package dev.flowconnections.runtime.ai;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;

/**
 * OpenAI Chat Completions ({@code POST /v1/chat/completions}), also spoken by Hugging Face's
 * Inference Providers router. Structured output uses {@code response_format} of type {@code
 * json_schema}; tools are {@code function} tools whose calls come back as {@code tool_calls} with
 * arguments as a JSON string, answered by {@code tool} messages naming the {@code tool_call_id}.
 */
final class OpenAiDialect implements ChatDialect {

  static final String CHAT_PATH = "/v1/chat/completions";
  static final String SCHEMA_NAME = "result";

  private final ObjectMapper json;

  /**
   * {@code max_completion_tokens} for OpenAI (its {@code max_tokens} is deprecated); {@code
   * max_tokens} for the router.
   */
  private final String maxTokensField;

  OpenAiDialect(ObjectMapper json, String maxTokensField) {
    this.json = json;
    this.maxTokensField = maxTokensField;
  }

  @Override
  public String chatPath(String model) {
    return CHAT_PATH;
  }

  @Override
  public ObjectNode newConversation(AgentPrompt prompt, List<ToolSpec> tools) {
    ObjectNode body = json.createObjectNode();
    body.put("model", prompt.model());
    ChatMessages.start(body, prompt);
    if (prompt.temperature() != null) {
      body.put("temperature", prompt.temperature());
    }
    if (prompt.maxTokens() != null) {
      body.put(maxTokensField, prompt.maxTokens());
    }
    if (prompt.outputSchema() != null) {
      // Not strict: strict mode refuses many ordinary schemas (optional fields, open objects); the
      // worker validates the answer against the schema itself.
      ObjectNode format = body.putObject("response_format").put("type", "json_schema");
      format
          .putObject("json_schema")
          .put("name", SCHEMA_NAME)
          .put("strict", false)
          .set("schema", prompt.outputSchema());
    }
    ToolSchemas.declareFunctions(body, tools, json);
    return body;
  }

  @Override
  public ModelTurn read(JsonNode response) {
    JsonNode choice = response.path("choices").path(0);
    JsonNode message = choice.path("message");
    if (!message.isObject()) {
      throw new MalformedAnswerException("the answer has no choices[0].message");
    }
    List<ToolCall> calls = new ArrayList<>();
    for (JsonNode call : message.path("tool_calls")) {
      JsonNode function = call.path("function");
      calls.add(
          new ToolCall(
              call.path("id").asText(null),
              function.path("name").asText(),
              arguments(function.path("arguments"))));
    }
    JsonNode usage = response.path("usage");
    long input = usage.path("prompt_tokens").asLong();
    long output = usage.path("completion_tokens").asLong();
    TokenUsage tokens =
        new TokenUsage(input, output, usage.path("total_tokens").asLong(input + output));
    // A refusal (structured outputs) comes instead of content; as the answer it tells the user why.
    String text =
        message.path("content").isTextual()
            ? message.get("content").asText()
            : message.path("refusal").asText("");
    return new ModelTurn(text, calls, tokens, choice.path("finish_reason").asText(null), message);
  }

  @Override
  public void appendToolRound(
      ObjectNode conversation, ModelTurn turn, List<ToolCall> calls, List<ToolOutcome> outcomes) {
    ArrayNode messages = ChatMessages.appendTurn(conversation, turn);
    for (int i = 0; i < calls.size(); i++) {
      ChatMessages.appendToolResult(messages, "tool_call_id", calls.get(i).id(), outcomes.get(i));
    }
  }

  /**
   * Arguments arrive as a JSON string; a model may write broken JSON, which the tool then rejects.
   */
  private JsonNode arguments(JsonNode raw) {
    if (raw.isObject()) {
      return raw;
    }
    try {
      JsonNode parsed = json.readTree(raw.asText("{}").isBlank() ? "{}" : raw.asText());
      return parsed.isObject() ? parsed : json.createObjectNode();
    } catch (JsonProcessingException e) {
      return json.createObjectNode();
    }
  }
}
