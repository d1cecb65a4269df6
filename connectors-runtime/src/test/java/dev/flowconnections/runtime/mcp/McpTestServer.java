package dev.flowconnections.runtime.mcp;

import java.util.Map;

/**
 * The in-test SDK MCP server over Streamable HTTP ({@link McpHttpTestServer}, tools {@code add},
 * {@code echo}, {@code fail}, ...) for tests of other packages, such as the AI agent's tool use.
 */
public final class McpTestServer implements AutoCloseable {

  private final McpHttpTestServer server;

  private McpTestServer(McpHttpTestServer server) {
    this.server = server;
  }

  /** @param requiredHeaders headers every request must carry, else 401 */
  public static McpTestServer streamable(Map<String, String> requiredHeaders) throws Exception {
    return new McpTestServer(McpHttpTestServer.streamable(requiredHeaders));
  }

  public String url() {
    return server.url();
  }

  /** How many requests the server received. */
  public int requestCount() {
    return server.requests().size();
  }

  @Override
  public void close() throws Exception {
    server.close();
  }
}
