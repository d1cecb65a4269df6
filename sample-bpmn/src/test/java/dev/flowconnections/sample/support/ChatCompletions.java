package dev.flowconnections.sample.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.flowconnections.runtime.testsupport.RecordingHttpServer.Reply;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * OpenAI Chat Completions as a local model server replays it to an agent: the documented shapes of
 * a tool-calling turn and of an answer, and what the agent sent (its tools, its tool results).
 */
public final class ChatCompletions {

  private static final ObjectMapper JSON = new ObjectMapper();

  private ChatCompletions() {}

  /** A turn that calls tools, each made with {@link #toolCall}. */
  public static Reply toolCalls(String... calls) {
    return Reply.json(
        200,
        """
        {"id":"chatcmpl-agent","object":"chat.completion","created":1741569952,"model":"gpt-4.1-mini",
         "choices":[{"index":0,"message":{"role":"assistant","content":null,"tool_calls":[%s]},
           "finish_reason":"tool_calls"}],
         "usage":{"prompt_tokens":120,"completion_tokens":40,"total_tokens":160}}"""
            .formatted(String.join(",", calls)));
  }

  /** One call; OpenAI sends the arguments as a JSON string. */
  public static String toolCall(String id, String name, String arguments) {
    return "{\"id\":\"%s\",\"type\":\"function\",\"function\":{\"name\":\"%s\",\"arguments\":%s}}"
        .formatted(id, name, JSON.valueToTree(arguments).toString());
  }

  /** A final answer. */
  public static Reply answer(String text) {
    return Reply.json(
        200,
        """
        {"id":"chatcmpl-agent-2","object":"chat.completion","created":1741569953,"model":"gpt-4.1-mini",
         "choices":[{"index":0,"message":{"role":"assistant","content":%s},"finish_reason":"stop"}],
         "usage":{"prompt_tokens":200,"completion_tokens":20,"total_tokens":220}}"""
            .formatted(JSON.valueToTree(text).toString()));
  }

  /** The function tool named {@code name} that a request offered. */
  public static JsonNode tool(JsonNode request, String name) {
    for (JsonNode tool : request.path("tools")) {
      if (tool.path("function").path("name").asText().equals(name)) {
        return tool.path("function");
      }
    }
    throw new AssertionError("no tool " + name + " in " + request.path("tools"));
  }

  /** The tool results a request carried, by call id. */
  public static Map<String, String> toolResults(JsonNode request) {
    Map<String, String> results = new LinkedHashMap<>();
    for (JsonNode message : request.path("messages")) {
      if (message.path("role").asText().equals("tool")) {
        results.put(message.path("tool_call_id").asText(), message.path("content").asText());
      }
    }
    return results;
  }
}
