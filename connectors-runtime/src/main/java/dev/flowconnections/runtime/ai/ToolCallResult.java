package dev.flowconnections.runtime.ai;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A finished tool of the agent's sub-process, as its {@code outputElement} collects it into {@code
 * toolCallResults}: the call's id and element (from the {@code toolCall} the agent activated it
 * with) and the tool's result.
 */
public record ToolCallResult(String id, String name, JsonNode content) {}
