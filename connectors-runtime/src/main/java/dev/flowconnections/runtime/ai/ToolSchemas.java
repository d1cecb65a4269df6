package dev.flowconnections.runtime.ai;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Tool parameter schemas as the providers accept them. */
final class ToolSchemas {

  /**
   * JSON Schema keywords outside the OpenAPI 3.0 subset Gemini accepts; Gemini refuses a request
   * with them.
   */
  private static final Set<String> UNSUPPORTED_BY_GEMINI =
      Set.of(
          "$schema",
          "$id",
          "$comment",
          "$defs",
          "definitions",
          "additionalProperties",
          "examples",
          "const");

  private ToolSchemas() {}

  /** Every provider wants an object schema for tool arguments; a tool without one takes none. */
  static JsonNode objectSchema(JsonNode schema, ObjectMapper json) {
    if (schema != null && schema.isObject() && schema.size() > 0) {
      return schema;
    }
    ObjectNode empty = json.createObjectNode().put("type", "object");
    empty.putObject("properties");
    return empty;
  }

  /**
   * Declares the tools as {@code tools: [{type: "function", function: {name, description,
   * parameters}}]}, the OpenAI Chat Completions format that Ollama's {@code /api/chat} shares.
   */
  static void declareFunctions(ObjectNode body, List<ToolSpec> tools, ObjectMapper json) {
    if (tools.isEmpty()) {
      return;
    }
    ArrayNode declared = body.putArray("tools");
    for (ToolSpec tool : tools) {
      ObjectNode function = declared.addObject().put("type", "function").putObject("function");
      function.put("name", tool.name());
      if (tool.description() != null) {
        function.put("description", tool.description());
      }
      function.set("parameters", objectSchema(tool.inputSchema(), json));
    }
  }

  /**
   * A copy without the keywords Gemini refuses, at any depth (property names are kept as they are).
   */
  static JsonNode forGemini(JsonNode schema) {
    if (schema == null || !schema.isContainerNode()) {
      return schema;
    }
    JsonNode copy = schema.deepCopy();
    strip(copy, false);
    return copy;
  }

  private static void strip(JsonNode node, boolean propertyMap) {
    if (node.isObject()) {
      ObjectNode object = (ObjectNode) node;
      for (Iterator<Map.Entry<String, JsonNode>> it = object.fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> field = it.next();
        if (!propertyMap && UNSUPPORTED_BY_GEMINI.contains(field.getKey())) {
          it.remove();
        } else {
          strip(field.getValue(), !propertyMap && field.getKey().equals("properties"));
        }
      }
    } else if (node.isArray()) {
      node.forEach(element -> strip(element, false));
    }
  }
}
