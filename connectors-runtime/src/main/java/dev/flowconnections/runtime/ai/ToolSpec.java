package dev.flowconnections.runtime.ai;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A tool the model may call, as an MCP server describes it.
 *
 * @param inputSchema a JSON schema of the arguments object (MCP's {@code inputSchema})
 */
public record ToolSpec(String name, String description, JsonNode inputSchema) {}
