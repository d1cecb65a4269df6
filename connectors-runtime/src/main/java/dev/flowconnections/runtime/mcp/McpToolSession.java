package dev.flowconnections.runtime.mcp;

import java.util.List;
import java.util.Map;

/**
 * An initialized MCP client session with one server, for one connection in one environment. Open it
 * with {@link McpToolSessions#open}, use it for the calls of one job, close it (which also ends a
 * STDIO server process).
 *
 * <p>Failures are thrown as the connector exceptions a worker ends with, messages masked: a {@code
 * ConnectorInputException} for what retrying cannot fix (credentials rejected, unknown tool, bad
 * command), a {@code ConnectorRetryException} when the server cannot be reached, a {@code
 * ConnectorException} with a code for other failures ({@link McpFailures}).
 */
public interface McpToolSession extends AutoCloseable {

  /** The server's name and version from its initialize answer, e.g. {@code "weather 1.2.0"}. */
  String serverName();

  /** Every tool the server offers (all pages of {@code tools/list}). */
  List<McpTool> listTools();

  /**
   * Calls one tool. A tool that reports a failure is a result with {@link McpToolResult#isError()}
   * set, not an exception, so an agent can show the failure to its model; a tool the server does
   * not have is a {@code ConnectorInputException} naming the tools it does have.
   */
  McpToolResult callTool(String name, Map<String, Object> arguments);

  /** Ends the session; never throws. */
  @Override
  void close();
}
