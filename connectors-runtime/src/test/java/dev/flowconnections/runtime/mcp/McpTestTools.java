package dev.flowconnections.runtime.mcp;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.modelcontextprotocol.json.McpJsonMapper;
import io.modelcontextprotocol.json.jackson2.JacksonMcpJsonMapper;
import io.modelcontextprotocol.server.McpServer;
import io.modelcontextprotocol.server.McpServerFeatures.SyncToolSpecification;
import io.modelcontextprotocol.server.McpSyncServer;
import io.modelcontextprotocol.server.McpSyncServerExchange;
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

  /** The input schema of the tools that take one string argument, {@code name}. */
  private static final Map<String, Object> NAME_ARGUMENT =
      Map.of(
          "type",
          "object",
          "properties",
          Map.of("name", Map.of("type", "string")),
          "required",
          List.of("name"));

  private McpTestTools() {}

  static McpSyncServer serve(McpStreamableServerTransportProvider transport) {
    return withTestTools(McpServer.sync(transport), tools());
  }

  static McpSyncServer serve(McpServerTransportProvider transport) {
    return serve(transport, List.of());
  }

  static McpSyncServer serve(
      McpServerTransportProvider transport, List<SyncToolSpecification> extraTools) {
    List<SyncToolSpecification> all = new java.util.ArrayList<>(tools());
    all.addAll(extraTools);
    return withTestTools(McpServer.sync(transport), all);
  }

  /** Whatever the transport, the same server identity, mapper, validator and capabilities. */
  private static McpSyncServer withTestTools(
      McpServer.SyncSpecification<?> server, List<SyncToolSpecification> tools) {
    return server
        .serverInfo(SERVER_NAME, "1.0.0")
        .jsonMapper(JSON)
        .jsonSchemaValidator(new McpJsonSchemaValidator(new ObjectMapper()))
        .capabilities(McpSchema.ServerCapabilities.builder().tools(false).build())
        .tools(tools)
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
            NAME_ARGUMENT,
            arguments -> {
              String value = System.getenv(String.valueOf(arguments.get("name")));
              return McpSchema.CallToolResult.builder()
                  .addTextContent(value == null ? "<unset>" : value)
                  .build();
            }),
        exchangeTool(
            "requestHeader",
            "Returns a header of the HTTP request that carried the call, as a debugging tool might",
            NAME_ARGUMENT,
            (exchange, request) -> {
              Object value = requestedHeader(exchange, request);
              return McpSchema.CallToolResult.builder()
                  .addTextContent(value == null ? "<none>" : String.valueOf(value))
                  .structuredContent(
                      Map.of("header", value == null ? "<none>" : String.valueOf(value)))
                  .build();
            }),
        exchangeTool(
            "rejectHeader",
            "Fails, quoting a header of the request, as an upstream error message might",
            NAME_ARGUMENT,
            (exchange, request) ->
                McpSchema.CallToolResult.builder()
                    .addTextContent("upstream refused " + requestedHeader(exchange, request))
                    .isError(true)
                    .build()),
        exchangeTool(
            "throwWithHeader",
            "Throws an exception quoting a header of the request: a JSON-RPC error, not a tool error",
            NAME_ARGUMENT,
            (exchange, request) -> {
              throw new io.modelcontextprotocol.spec.McpError(
                  new McpSchema.JSONRPCResponse.JSONRPCError(
                      McpSchema.ErrorCodes.INTERNAL_ERROR,
                      "cannot verify " + requestedHeader(exchange, request),
                      null));
            }),
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
    return exchangeTool(
        name,
        description,
        schema,
        (exchange, request) ->
            handler.apply(request.arguments() == null ? Map.of() : request.arguments()));
  }

  /** A tool whose handler sees the exchange, so it can read the request that carried the call. */
  static SyncToolSpecification exchangeTool(
      String name,
      String description,
      Map<String, Object> schema,
      java.util.function.BiFunction<
              McpSyncServerExchange, McpSchema.CallToolRequest, McpSchema.CallToolResult>
          handler) {
    return SyncToolSpecification.builder()
        .tool(McpSchema.Tool.builder(name, schema).description(description).build())
        .callHandler(handler)
        .build();
  }

  /** The header of the carrying request that the call's {@code name} argument names. */
  private static Object requestedHeader(
      McpSyncServerExchange exchange, McpSchema.CallToolRequest request) {
    return exchange
        .transportContext()
        .get(String.valueOf(request.arguments().get("name")).toLowerCase());
  }

  private static String format(double value) {
    return value == Math.rint(value) ? String.valueOf((long) value) : String.valueOf(value);
  }
}
