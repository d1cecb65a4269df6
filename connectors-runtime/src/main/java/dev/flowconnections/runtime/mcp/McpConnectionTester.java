package dev.flowconnections.runtime.mcp;

import dev.flowconnections.integration.IntegrationType;
import dev.flowconnections.resolution.ConnectionResolutionException;
import dev.flowconnections.resolution.ResolvedConnection;
import dev.flowconnections.runtime.connectiontest.ConnectionTester;
import dev.flowconnections.runtime.connectiontest.TestOutcome;
import dev.flowconnections.runtime.worker.WorkerConnections;
import io.camunda.connector.api.error.ConnectorException;
import io.camunda.connector.api.error.ConnectorInputException;
import java.util.stream.Collectors;

/**
 * Tests an MCP connection the way a task would use it: connect, initialize (which proves the
 * credentials), list the tools. A STDIO server is started and ended again.
 */
public class McpConnectionTester implements ConnectionTester {

  /** Below the API's overall limit for a test, so the client gives up before the request does. */
  static final McpTimeouts TIMEOUTS = McpTimeouts.ofSeconds(8, 5);

  private static final int TOOLS_NAMED = 10;

  private final McpToolSessions sessions;
  private final McpTimeouts timeouts;

  public McpConnectionTester(McpToolSessions sessions) {
    this(sessions, TIMEOUTS);
  }

  /**
   * With other timeouts: tests start their STDIO server as a JVM, which a loaded machine makes
   * slow.
   */
  McpConnectionTester(McpToolSessions sessions, McpTimeouts timeouts) {
    this.sessions = sessions;
    this.timeouts = timeouts;
  }

  @Override
  public boolean supports(ResolvedConnection connection) {
    return connection.type() == IntegrationType.MCP;
  }

  @Override
  public TestOutcome test(ResolvedConnection connection) {
    try (McpToolSession session = sessions.open(connection, timeouts)) {
      var tools = session.listTools();
      String names =
          tools.stream().limit(TOOLS_NAMED).map(McpTool::name).collect(Collectors.joining(", "));
      String more = tools.size() > TOOLS_NAMED ? ", ..." : "";
      return TestOutcome.succeeded(
          WorkerConnections.maskerFor(connection)
              .mask(
                  "connected to "
                      + session.serverName()
                      + "; "
                      + tools.size()
                      + (tools.size() == 1 ? " tool" : " tools")
                      + (tools.isEmpty() ? "" : ": " + names + more)));
    } catch (ConnectorException | ConnectorInputException | ConnectionResolutionException e) {
      return TestOutcome.failed(e, e.getMessage());
    }
  }
}
