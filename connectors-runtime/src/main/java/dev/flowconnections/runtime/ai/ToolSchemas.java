package dev.flowconnections.runtime.ai;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;

/** Tool parameter schemas as the providers accept them. */
final class ToolSchemas {

  /** JSON Schema keywords outside the OpenAPI 3.0 subset Gemini accepts; Gemini refuses a request with them. */
  private static final Set<String> UNSUPPORTED_BY_GEMINI =
      Set.of("$schema", "$id", "$comment", "$defs", "definitions", "additionalProperties", "examples", "const");

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

  /** A copy without the keywords Gemini refuses, at any depth (property names are kept as they are). */
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
