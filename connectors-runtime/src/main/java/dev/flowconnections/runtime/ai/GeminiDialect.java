package dev.flowconnections.runtime.ai;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.camunda.connector.api.error.ConnectorInputException;
import java.util.ArrayList;
import java.util.List;

/**
 * Google Gemini {@code generateContent} ({@code POST /v1beta/models/{model}:generateContent}): a
 * {@code systemInstruction}, {@code contents} of {@code user}/{@code model} turns made of parts,
 * {@code generationConfig} for temperature, token limit and structured output ({@code
 * responseMimeType} + {@code responseSchema}), {@code functionDeclarations} as tools, answered with
 * {@code functionResponse} parts.
 *
 * <p>Gemini refuses JSON output mode together with function calling, so with tools the schema
 * becomes an instruction (the worker validates the answer either way).
 */
final class GeminiDialect implements ChatDialect {

  /**
   * Model ids become part of the URL path: no slashes, dots or colons that could point elsewhere.
   */
  static final String MODEL_PATTERN = "[A-Za-z0-9][A-Za-z0-9._-]{0,127}";

  private final ObjectMapper json;

  GeminiDialect(ObjectMapper json) {
    this.json = json;
  }

  @Override
  public String chatPath(String model) {
    String id = model.startsWith("models/") ? model.substring("models/".length()) : model;
    if (!id.matches(MODEL_PATTERN) || id.contains("..")) {
      throw new ConnectorInputException(
          "model: '" + model + "' is not a Gemini model id such as gemini-2.5-flash");
    }
    return "/v1beta/models/" + id + ":generateContent";
  }

  @Override
  public ObjectNode newConversation(AgentPrompt prompt, List<ToolSpec> tools) {
    ObjectNode body = json.createObjectNode();
    boolean schemaAsInstruction = prompt.outputSchema() != null && !tools.isEmpty();
    String system = schemaAsInstruction ? prompt.systemPromptWithSchema() : prompt.systemPrompt();
    if (system != null && !system.isBlank()) {
      body.putObject("systemInstruction").putArray("parts").addObject().put("text", system);
    }
    body.putArray("contents")
        .addObject()
        .put("role", "user")
        .putArray("parts")
        .addObject()
        .put("text", prompt.userPrompt());
    ObjectNode config = json.createObjectNode();
    if (prompt.temperature() != null) {
      config.put("temperature", prompt.temperature());
    }
    if (prompt.maxTokens() != null) {
      config.put("maxOutputTokens", prompt.maxTokens());
    }
    if (prompt.outputSchema() != null && !schemaAsInstruction) {
      config.put("responseMimeType", "application/json");
      config.set("responseSchema", ToolSchemas.forGemini(prompt.outputSchema()));
    }
    if (config.size() > 0) {
      body.set("generationConfig", config);
    }
    if (!tools.isEmpty()) {
      ArrayNode declarations = body.putArray("tools").addObject().putArray("functionDeclarations");
      for (ToolSpec tool : tools) {
        ObjectNode declaration = declarations.addObject().put("name", tool.name());
        if (tool.description() != null) {
          declaration.put("description", tool.description());
        }
        declaration.set(
            "parameters",
            ToolSchemas.forGemini(ToolSchemas.objectSchema(tool.inputSchema(), json)));
      }
    }
    return body;
  }

  @Override
  public ModelTurn read(JsonNode response) {
    JsonNode candidate = response.path("candidates").path(0);
    JsonNode content = candidate.path("content");
    if (!content.isObject()) {
      String blocked = response.path("promptFeedback").path("blockReason").asText("");
      throw new MalformedAnswerException(
          blocked.isEmpty()
              ? "the answer has no candidates[0].content (finishReason "
                  + candidate.path("finishReason").asText("none")
                  + ")"
              : "Gemini blocked the prompt (" + blocked + ")");
    }
    StringBuilder text = new StringBuilder();
    List<ToolCall> calls = new ArrayList<>();
    for (JsonNode part : content.path("parts")) {
      if (part.has("functionCall")) {
        JsonNode call = part.get("functionCall");
        calls.add(
            new ToolCall(
                call.path("id").asText(null),
                call.path("name").asText(),
                call.path("args").isObject() ? call.get("args") : json.createObjectNode()));
      } else if (part.has("text") && !part.path("thought").asBoolean(false)) {
        text.append(part.get("text").asText());
      }
    }
    JsonNode usage = response.path("usageMetadata");
    long input = usage.path("promptTokenCount").asLong();
    long output = usage.path("candidatesTokenCount").asLong();
    TokenUsage tokens =
        new TokenUsage(input, output, usage.path("totalTokenCount").asLong(input + output));
    return new ModelTurn(
        text.toString(), calls, tokens, candidate.path("finishReason").asText(null), content);
  }

  @Override
  public void appendToolRound(
      ObjectNode conversation, ModelTurn turn, List<ToolCall> calls, List<ToolOutcome> outcomes) {
    ArrayNode contents = (ArrayNode) conversation.get("contents");
    ObjectNode modelTurn = turn.assistantMessage().deepCopy();
    modelTurn.put("role", "model");
    contents.add(modelTurn);
    ArrayNode parts = contents.addObject().put("role", "user").putArray("parts");
    for (int i = 0; i < calls.size(); i++) {
      ObjectNode response = parts.addObject().putObject("functionResponse");
      if (calls.get(i).id() != null) {
        response.put("id", calls.get(i).id());
      }
      response.put("name", calls.get(i).name());
      response
          .putObject("response")
          .put(outcomes.get(i).error() ? "error" : "result", outcomes.get(i).content());
    }
  }
}
