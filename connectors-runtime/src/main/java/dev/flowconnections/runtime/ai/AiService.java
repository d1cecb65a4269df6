package dev.flowconnections.runtime.ai;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.flowconnections.runtime.worker.WorkerConnections;
import io.camunda.connector.api.outbound.JobContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Asks a model through an AI Provider connection: resolves it for this runtime's environment, picks
 * the model, opens the tools of the task's MCP connection (if any) for the job's duration, runs the
 * {@link AgentLoop} and validates a structured answer.
 *
 * <p>How failures surface: bad input or configuration, refused credentials and a tool loop over its
 * limit are a {@code ConnectorInputException} (an incident at once); rate limits, server errors and
 * an unreachable provider are retried; an answer not matching the output schema is coded {@value
 * OutputSchema#INVALID_OUTPUT}, so the job's retries ask again before it becomes an incident.
 */
public class AiService {

  private static final Logger LOG = LoggerFactory.getLogger(AiService.class);
  static final String WORKER = "AI Agent worker";

  private final WorkerConnections connections;
  private final AgentLoop loop;
  private final AgentToolSource toolSource;
  private final ObjectMapper json;

  AiService(
      WorkerConnections connections,
      ModelClient client,
      AgentToolSource toolSource,
      ObjectMapper json) {
    this.connections = connections;
    this.loop = new AgentLoop(client, json);
    this.toolSource = toolSource;
    this.json = json;
  }

  /**
   * @param job the job: its tenant names the organization of the connections, the audit log names
   *     it
   */
  public AiResult ask(AiRequest request, JobContext job) {
    ModelSession session = ModelSession.open(request, job, connections, WORKER, json);
    LOG.debug(
        "asking {} model {} via connection '{}' ({}){}",
        session.account().provider(),
        session.model(),
        session.connection().key(),
        session.connection().environment(),
        request.usesTools() ? " with the tools of '" + request.mcpConnection() + "'" : "");
    try (AgentTools tools =
        request.usesTools()
            ? toolSource.open(request.mcpConnection().strip(), job)
            : AgentTools.NONE) {
      AgentLoop.Outcome outcome = loop.run(session, tools, request.toolIterations());
      return session.result(outcome.finalTurn(), outcome.usage(), outcome.toolCalls());
    }
  }
}
