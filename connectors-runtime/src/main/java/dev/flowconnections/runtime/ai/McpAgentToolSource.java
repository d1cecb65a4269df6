package dev.flowconnections.runtime.ai;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.flowconnections.integration.IntegrationType;
import dev.flowconnections.resolution.ResolvedConnection;
import dev.flowconnections.runtime.mcp.McpToolSessions;
import dev.flowconnections.runtime.worker.WorkerConnections;
import io.camunda.connector.api.outbound.JobContext;

/**
 * Opens an MCP client session for the task's MCP connection, resolved for this runtime's
 * environment like the AI connection itself: no credentials for the environment, no tools (never
 * another environment's).
 */
final class McpAgentToolSource implements AgentToolSource {

  private final WorkerConnections connections;
  private final McpToolSessions sessions;
  private final ObjectMapper json;

  McpAgentToolSource(WorkerConnections connections, McpToolSessions sessions, ObjectMapper json) {
    this.connections = connections;
    this.sessions = sessions;
    this.json = json;
  }

  @Override
  public AgentTools open(String connectionKey, JobContext job) {
    ResolvedConnection connection =
        connections.resolve(
            connectionKey, job, IntegrationType.MCP, AiService.WORKER + " (mcpConnection)");
    return new McpAgentTools(sessions.open(connection), json);
  }
}
