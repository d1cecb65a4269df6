package dev.flowconnections.runtime.mcp;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.modelcontextprotocol.json.McpJsonMapper;
import io.modelcontextprotocol.json.jackson2.JacksonMcpJsonMapper;
import io.modelcontextprotocol.server.McpServer;
import io.modelcontextprotocol.server.McpServerFeatures.SyncToolSpecification;
import io.modelcontextprotocol.server.McpSyncServer;
import io.modelcontextprotocol.spec.McpSchema;
import io.modelcontextprotocol.spec.McpServerTransportProvider;
import io.modelcontextprotocol.spec.McpStreamableServerTransportProvider;
import java.util.List;
import java.util.Map;

/**
 * The tools every in-test MCP server offers, served by the SDK's own server: {@code add} (numbers
 * in, text and structured sum out), {@code echo} (text back), {@code fail} (a tool error), {@code
 * environment} (an environment variable's value or {@code <unset>}), {@code environmentMatches}.
 */
final class McpTestTools {

  static final String SERVER_NAME = "flow-test-server";
  static final McpJsonMapper JSON = new JacksonMcpJsonMapper(new ObjectMapper());

  private McpTestTools() {}

  static McpSyncServer serve(McpStreamableServerTransportProvider transport) {
    return McpServer.sync(transport)
        .serverInfo(SERVER_NAME, "1.0.0")
        .jsonMapper(JSON)
        .jsonSchemaValidator(new McpJsonSchemaValidator(new ObjectMapper()))
        .capabilities(McpSchema.ServerCapabilities.builder().tools(false).build())
        .tools(tools())
        .build();
  }

  static McpSyncServer serve(McpServerTransportProvider transport) {
    return serve(transport, List.of());
  }

  static McpSyncServer serve(
      McpServerTransportProvider transport, List<SyncToolSpecification> extraTools) {
    List<SyncToolSpecification> all = new java.util.ArrayList<>(tools());
    all.addAll(extraTools);
    return McpServer.sync(transport)
        .serverInfo(SERVER_NAME, "1.0.0")
        .jsonMapper(JSON)
        .jsonSchemaValidator(new McpJsonSchemaValidator(new ObjectMapper()))
        .capabilities(McpSchema.ServerCapabilities.builder().tools(false).build())
        .tools(all)
        .build();
  }

  static List<SyncToolSpecification> tools() {
    return List.of(
        tool(
            "add",
            "Adds two numbers",
            Map.of(
                "type", "object",
                "properties", Map.of("a", Map.of("type", "number"), "b", Map.of("type", "number")),
                "required", List.of("a", "b")),
            arguments -> {
              double sum =
                  ((Number) arguments.get("a")).doubleValue()
                      + ((Number) arguments.get("b")).doubleValue();
              return McpSchema.CallToolResult.builder()
                  .addTextContent("sum is " + format(sum))
                  .structuredContent(Map.of("sum", sum))
                  .build();
            }),
        tool(
            "echo",
            "Says the text back",
            Map.of(
                "type",
                "object",
                "properties",
                Map.of("text", Map.of("type", "string")),
                "required",
                List.of("text")),
            arguments ->
                McpSchema.CallToolResult.builder()
                    .addTextContent(String.valueOf(arguments.get("text")))
                    .build()),
        tool(
            "fail",
            "Always reports a failure",
            Map.of("type", "object"),
            arguments ->
                McpSchema.CallToolResult.builder()
                    .addTextContent("the weather service is down")
                    .isError(true)
                    .build()),
        tool(
            "environment",
            "Returns an environment variable of the server process, or <unset>",
            Map.of(
                "type",
                "object",
                "properties",
                Map.of("name", Map.of("type", "string")),
                "required",
                List.of("name")),
            arguments -> {
              String value = System.getenv(String.valueOf(arguments.get("name")));
              return McpSchema.CallToolResult.builder()
                  .addTextContent(value == null ? "<unset>" : value)
                  .build();
            }),
        SyncToolSpecification.builder()
            .tool(
                McpSchema.Tool.builder(
                        "requestHeader",
                        Map.of(
                            "type",
                            "object",
                            "properties",
                            Map.of("name", Map.of("type", "string")),
                            "required",
                            List.of("name")))
                    .description(
                        "Returns a header of the HTTP request that carried the call, as a debugging tool might")
                    .build())
            .callHandler(
                (exchange, request) -> {
                  Object value =
                      exchange
                          .transportContext()
                          .get(String.valueOf(request.arguments().get("name")).toLowerCase());
                  return McpSchema.CallToolResult.builder()
                      .addTextContent(value == null ? "<none>" : String.valueOf(value))
                      .structuredContent(
                          Map.of("header", value == null ? "<none>" : String.valueOf(value)))
                      .build();
                })
            .build(),
        SyncToolSpecification.builder()
            .tool(
                McpSchema.Tool.builder(
                        "rejectHeader",
                        Map.of(
                            "type",
                            "object",
                            "properties",
                            Map.of("name", Map.of("type", "string")),
                            "required",
                            List.of("name")))
                    .description(
                        "Fails, quoting a header of the request, as an upstream error message might")
                    .build())
            .callHandler(
                (exchange, request) ->
                    McpSchema.CallToolResult.builder()
                        .addTextContent(
                            "upstream refused "
                                + exchange
                                    .transportContext()
                                    .get(
                                        String.valueOf(request.arguments().get("name"))
                                            .toLowerCase()))
                        .isError(true)
                        .build())
            .build(),
        SyncToolSpecification.builder()
            .tool(
                McpSchema.Tool.builder(
                        "throwWithHeader",
                        Map.of(
                            "type",
                            "object",
                            "properties",
                            Map.of("name", Map.of("type", "string")),
                            "required",
                            List.of("name")))
                    .description(
                        "Throws an exception quoting a header of the request: a JSON-RPC error, not a tool error")
                    .build())
            .callHandler(
                (exchange, request) -> {
                  throw new io.modelcontextprotocol.spec.McpError(
                      new McpSchema.JSONRPCResponse.JSONRPCError(
                          McpSchema.ErrorCodes.INTERNAL_ERROR,
                          "cannot verify "
                              + exchange
                                  .transportContext()
                                  .get(
                                      String.valueOf(request.arguments().get("name"))
                                          .toLowerCase()),
                          null));
                })
            .build(),
        tool(
            "environmentMatches",
            "Whether an environment variable of the server process has the given value",
            Map.of(
                "type",
                "object",
                "properties",
                Map.of("name", Map.of("type", "string"), "value", Map.of("type", "string")),
                "required",
                List.of("name", "value")),
            arguments -> {
              String value = System.getenv(String.valueOf(arguments.get("name")));
              String answer =
                  value == null
                      ? "<unset>"
                      : value.equals(arguments.get("value")) ? "same" : "different";
              return McpSchema.CallToolResult.builder().addTextContent(answer).build();
            }));
  }

  static SyncToolSpecification tool(
      String name,
      String description,
      Map<String, Object> schema,
      java.util.function.Function<Map<String, Object>, McpSchema.CallToolResult> handler) {
    return SyncToolSpecification.builder()
        .tool(McpSchema.Tool.builder(name, schema).description(description).build())
        .callHandler(
            (exchange, request) ->
                handler.apply(request.arguments() == null ? Map.of() : request.arguments()))
        .build();
  }

  private static String format(double value) {
    return value == Math.rint(value) ? String.valueOf((long) value) : String.valueOf(value);
  }
}
