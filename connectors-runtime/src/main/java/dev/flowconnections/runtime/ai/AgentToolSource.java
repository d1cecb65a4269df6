package dev.flowconnections.runtime.ai;

import io.camunda.connector.api.outbound.JobContext;

/**
 * Opens the tools of the connection a task names for tool use (an MCP connection), resolved for the
 * runtime's environment like the task's own connection.
 */
@FunctionalInterface
public interface AgentToolSource {

  /**
   * @param job the job whose tenant names the organization of the connection; the audit log names
   *     it
   */
  AgentTools open(String connectionKey, JobContext job);
}
