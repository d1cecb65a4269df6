package dev.flowconnections.runtime.mcp;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.flowconnections.resolution.ResolvedConnection;
import dev.flowconnections.runtime.worker.SecretMasker;
import io.camunda.connector.api.error.ConnectorInputException;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.spec.McpClientTransport;
import io.modelcontextprotocol.spec.McpError;
import io.modelcontextprotocol.spec.McpSchema;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** A {@link McpToolSession} on the SDK's synchronous client. */
final class SdkToolSession implements McpToolSession {

  private static final Logger log = LoggerFactory.getLogger(SdkToolSession.class);

  /** A server that keeps answering with a next cursor must not keep a job busy forever. */
  static final int MAX_TOOL_PAGES = 50;

  private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() {};

  private final ResolvedConnection connection;

  /**
   * What its HTTP answers said (refused credentials, an overloaded server) decides a failure's
   * kind.
   */
  private final McpClientTransport transport;

  private final McpSyncClient client;
  private final McpSchema.InitializeResult initialized;
  private final SecretMasker masker;
  private final ObjectMapper objectMapper;

  SdkToolSession(
      ResolvedConnection connection,
      McpClientTransport transport,
      McpSyncClient client,
      McpSchema.InitializeResult initialized,
      SecretMasker masker,
      ObjectMapper objectMapper) {
    this.connection = connection;
    this.transport = transport;
    this.client = client;
    this.initialized = initialized;
    this.masker = masker;
    this.objectMapper = objectMapper;
  }

  @Override
  public String serverName() {
    McpSchema.Implementation server = initialized.serverInfo();
    return server == null
        ? "an unnamed MCP server"
        : masker.mask(server.name() + " " + server.version());
  }

  @Override
  public List<McpTool> listTools() {
    List<McpTool> tools = new ArrayList<>();
    String cursor = null;
    Set<String> seenCursors = new HashSet<>();
    for (int page = 0; page < MAX_TOOL_PAGES; page++) {
      McpSchema.ListToolsResult result;
      try {
        result = client.listTools(cursor);
      } catch (RuntimeException e) {
        throw McpFailures.requestFailed(connection, transport, "listing tools", e, masker);
      }
      if (result.tools() != null) {
        result.tools().forEach(tool -> tools.add(toTool(tool)));
      }
      cursor = result.nextCursor();
      if (cursor == null || !seenCursors.add(cursor)) {
        return tools;
      }
    }
    log.warn(
        "MCP server of connection '{}' listed more than {} pages of tools; using the first ones",
        connection.key(),
        MAX_TOOL_PAGES);
    return tools;
  }

  @Override
  public McpToolResult callTool(String name, Map<String, Object> arguments) {
    McpSchema.CallToolResult result;
    try {
      result =
          client.callTool(
              new McpSchema.CallToolRequest(name, arguments == null ? Map.of() : arguments, null));
    } catch (McpError e) {
      throw unknownToolOr(name, e);
    } catch (RuntimeException e) {
      throw McpFailures.requestFailed(
          connection, transport, "calling tool '" + name + "'", e, masker);
    }
    return toResult(result);
  }

  /**
   * Servers answer a call of a tool they lack with a JSON-RPC error whose wording varies; asking
   * for the list tells a mistyped name (an incident naming the tools there are) from a real error.
   */
  private RuntimeException unknownToolOr(String name, McpError error) {
    List<String> names;
    try {
      names = listTools().stream().map(McpTool::name).toList();
    } catch (RuntimeException listFailed) {
      return McpFailures.requestFailed(
          connection, transport, "calling tool '" + name + "'", error, masker);
    }
    if (!names.contains(name)) {
      return new ConnectorInputException(
          masker.mask(
              "the MCP server of connection '"
                  + connection.key()
                  + "' in "
                  + connection.environment()
                  + " has no tool '"
                  + name
                  + "'; it has: "
                  + (names.isEmpty()
                      ? "no tools"
                      : names.stream().sorted().collect(Collectors.joining(", ")))));
    }
    return McpFailures.requestFailed(
        connection, transport, "calling tool '" + name + "'", error, masker);
  }

  private McpTool toTool(McpSchema.Tool tool) {
    @SuppressWarnings("unchecked")
    Map<String, Object> schema = (Map<String, Object>) masker.maskJson(tool.inputSchema());
    return new McpTool(
        tool.name(), masker.mask(tool.title()), masker.mask(tool.description()), schema);
  }

  @SuppressWarnings("unchecked")
  private McpToolResult toResult(McpSchema.CallToolResult result) {
    List<Map<String, Object>> content = new ArrayList<>();
    List<String> texts = new ArrayList<>();
    for (McpSchema.Content block : result.content()) {
      content.add((Map<String, Object>) masker.maskJson(objectMapper.convertValue(block, MAP)));
      if (block instanceof McpSchema.TextContent text && text.text() != null) {
        texts.add(masker.mask(text.text()));
      }
    }
    Object structured =
        result.structuredContent() == null
            ? null
            : masker.maskJson(objectMapper.convertValue(result.structuredContent(), Object.class));
    return new McpToolResult(
        content,
        texts.isEmpty() ? null : String.join("\n", texts),
        structured,
        Boolean.TRUE.equals(result.isError()));
  }

  @Override
  public void close() {
    closeQuietly(client);
  }

  static void closeQuietly(McpSyncClient client) {
    try {
      if (!client.closeGracefully()) {
        client.close();
      }
    } catch (RuntimeException e) {
      log.debug("closing an MCP session failed: {}", e.toString());
    }
  }
}
