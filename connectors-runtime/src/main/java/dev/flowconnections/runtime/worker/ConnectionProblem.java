package dev.flowconnections.runtime.worker;

import io.camunda.connector.api.error.ConnectorInputException;

/**
 * An incident about the connection, not about the task's input: credentials the provider refused,
 * no credentials for the runtime's environment, an unknown connection or one the process may not
 * use, a connection of another type, settings the worker cannot use; and a tool task missing the
 * bound its modeller must set (an Email Tool's allowed recipients, a File Manager Tool's folder).
 * Like any {@link ConnectorInputException} an incident at once; unlike one, it stays an incident
 * when the job is an AI agent's tool ({@link AgentToolFailures}): the model cannot fix a
 * connection, a person must.
 */
public class ConnectionProblem extends ConnectorInputException {

  public ConnectionProblem(String message) {
    super(message);
  }

  /**
   * @param cause kept for the runtime's log only; its message must already be safe to show
   */
  public ConnectionProblem(String message, Throwable cause) {
    super(message, cause);
  }
}
