package dev.flowconnections.demo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Iterator;
import java.util.Map;

/**
 * The demo's stand-in for a model behind OpenAI's Chat Completions API, so the demo's agent runs
 * without an account: scripted, not intelligent. Offered tools and no tool result yet, it calls the
 * first tool (a parameter named {@code path} gets {@value #PATH}, one with choices its first
 * choice); with a tool's result it answers by quoting it; without tools it greets.
 */
final class DemoModel {

  static final String PATH = "/orders/42";
  private static final int QUOTED = 300;

  private final ObjectMapper json;

  DemoModel(ObjectMapper json) {
    this.json = json;
  }

  /** The response body to a {@code POST /v1/chat/completions} body. */
  ObjectNode answer(JsonNode request) {
    JsonNode lastToolResult = null;
    for (JsonNode message : request.path("messages")) {
      if (message.path("role").asText().equals("tool")) {
        lastToolResult = message.path("content");
      }
    }
    ObjectNode message = json.createObjectNode().put("role", "assistant");
    String finish;
    if (lastToolResult != null) {
      String result = lastToolResult.asText();
      message.put(
          "content",
          "The tool answered: "
              + (result.length() > QUOTED ? result.substring(0, QUOTED) : result));
      finish = "stop";
    } else if (request.path("tools").size() > 0) {
      message.putNull("content");
      JsonNode function = request.path("tools").get(0).path("function");
      ArrayNode calls = message.putArray("tool_calls");
      calls
          .addObject()
          .put("id", "call_demo_1")
          .put("type", "function")
          .putObject("function")
          .put("name", function.path("name").asText())
          .put("arguments", arguments(function.path("parameters")).toString());
      finish = "tool_calls";
    } else {
      message.put("content", "Hello from the demo model.");
      finish = "stop";
    }
    ObjectNode response = json.createObjectNode().put("id", "chatcmpl-demo");
    response.put("object", "chat.completion").put("model", request.path("model").asText("demo"));
    ObjectNode choice = response.putArray("choices").addObject();
    choice.put("index", 0).set("message", message);
    choice.put("finish_reason", finish);
    response.putObject("usage").put("prompt_tokens", 0).put("completion_tokens", 0);
    return response;
  }

  private ObjectNode arguments(JsonNode schema) {
    ObjectNode arguments = json.createObjectNode();
    Iterator<Map.Entry<String, JsonNode>> properties = schema.path("properties").fields();
    while (properties.hasNext()) {
      Map.Entry<String, JsonNode> property = properties.next();
      if (property.getKey().equals("path")) {
        arguments.put("path", PATH);
      } else if (property.getValue().path("enum").size() > 0) {
        arguments.set(property.getKey(), property.getValue().path("enum").get(0));
      }
    }
    return arguments;
  }
}
