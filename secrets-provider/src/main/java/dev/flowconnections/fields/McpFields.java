package dev.flowconnections.fields;

import static dev.flowconnections.fields.FieldDefinition.choice;
import static dev.flowconnections.fields.FieldDefinition.optional;

import dev.flowconnections.integration.AuthScheme;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/** MCP: transport and where the server is (URL, or a command for STDIO). */
final class McpFields implements TypeFields {

  @Override
  public List<FieldDefinition> integrationFields() {
    return List.of(
        choice(
            "transport", "Transport", true, List.of("HTTP", "SSE", "WEBSOCKET", "STDIO"), "HTTP"),
        optional("url", "Server URL", FieldType.URL, "For HTTP, SSE and WebSocket")
            .requiredWhen("transport", "HTTP", "SSE", "WEBSOCKET"),
        optional(
                "command",
                "Command",
                FieldType.TEXT,
                "For STDIO; must be one of the command lines the runtime's operator allows")
            .requiredWhen("transport", "STDIO"),
        optional(
            StdioEnvironment.ALLOWED,
            "Environment variables connections may set (STDIO)",
            FieldType.KEY_VALUE,
            "Variable name -> SECRET or PLAIN; names that change how programs load code (PATH, NODE_OPTIONS, LD_*, ...)"
                + " are never allowed"));
  }

  @Override
  public List<FieldDefinition> connectionFields() {
    return List.of(
        optional(
            StdioEnvironment.SECRET_VALUES,
            "Environment variables (STDIO)",
            FieldType.SECRET_KEY_VALUE,
            "Only names the integration declares"),
        optional(
            StdioEnvironment.PLAIN_VALUES,
            "Plain environment variables (STDIO)",
            FieldType.KEY_VALUE,
            "Only names the integration declares PLAIN; shown to everyone who sees the connection"));
  }

  @Override
  public Set<AuthScheme> authSchemes() {
    return EnumSet.of(
        AuthScheme.NONE,
        AuthScheme.BEARER,
        AuthScheme.API_KEY,
        AuthScheme.CUSTOM_HEADERS,
        AuthScheme.OAUTH2);
  }
}
