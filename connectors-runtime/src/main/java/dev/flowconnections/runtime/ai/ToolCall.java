package dev.flowconnections.runtime.ai;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A tool call the model asked for.
 *
 * @param id the provider's id of the call, echoed with its result; null where the provider has none
 *     (Gemini, Ollama)
 * @param arguments a JSON object
 */
public record ToolCall(String id, String name, JsonNode arguments) {}
