package dev.flowconnections.runtime.ai;

/**
 * Opens the tools of the connection a task names for tool use (an MCP connection), resolved for
 * the runtime's environment like the task's own connection.
 */
@FunctionalInterface
public interface AgentToolSource {

  /** @param tenantId the job's tenant, which names the organization of the connection */
  AgentTools open(String connectionKey, String tenantId);
}
