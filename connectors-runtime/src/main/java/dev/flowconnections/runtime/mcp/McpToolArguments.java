package dev.flowconnections.runtime.mcp;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.camunda.connector.api.error.ConnectorInputException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A task's {@code arguments} as the object MCP expects: a FEEL context arrives as a map; a JSON
 * object typed as text (as people paste it from a tool's documentation) is parsed.
 */
final class McpToolArguments {

  private static final ObjectMapper JSON = new ObjectMapper();

  private McpToolArguments() {}

  static Map<String, Object> of(Object arguments) {
    if (arguments == null || arguments instanceof String text && text.isBlank()) {
      return Map.of();
    }
    if (arguments instanceof Map<?, ?> map) {
      Map<String, Object> copy = new LinkedHashMap<>();
      map.forEach((k, v) -> copy.put(String.valueOf(k), v));
      return copy;
    }
    if (arguments instanceof String text) {
      try {
        Object parsed = JSON.readValue(text, Object.class);
        if (parsed instanceof Map<?, ?>) {
          return of(parsed);
        }
      } catch (JsonProcessingException e) {
        throw new ConnectorInputException(
            "arguments: not a JSON object (" + e.getOriginalMessage() + ")");
      }
    }
    throw new ConnectorInputException(
        "arguments: must be a FEEL context or a JSON object, e.g. ={city: \"Oslo\"}");
  }
}
