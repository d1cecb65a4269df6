package dev.flowconnections.runtime.ai;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.flowconnections.integration.IntegrationType;
import dev.flowconnections.resolution.ResolvedConnection;
import dev.flowconnections.runtime.worker.JobFailures;
import dev.flowconnections.runtime.worker.ProviderHttp;
import dev.flowconnections.runtime.worker.SecretMasker;
import dev.flowconnections.runtime.worker.WorkerConnections;
import io.camunda.connector.api.error.ConnectorInputException;
import io.camunda.connector.api.outbound.JobContext;

/**
 * What both AI workers (the AI Agent task and the AI Agent sub-process) derive from a request
 * before talking to the model: the connection resolved for this runtime's environment, its
 * provider's dialect, the model and the prompt.
 */
record ModelSession(
    ResolvedConnection connection,
    AiAccount account,
    SecretMasker masker,
    ChatDialect dialect,
    AgentPrompt prompt,
    OutputSchema schema) {

  static ModelSession open(
      AiRequest request,
      JobContext job,
      WorkerConnections connections,
      String worker,
      ObjectMapper json) {
    OutputSchema schema = OutputSchema.parse(request.outputSchema(), json);
    ResolvedConnection connection =
        connections.resolve(request.connection(), job, IntegrationType.AI_PROVIDER, worker);
    AiAccount account = AiAccount.of(connection);
    AgentPrompt prompt =
        new AgentPrompt(
            model(request, account, connection),
            request.systemPrompt(),
            request.userPrompt(),
            request.temperature(),
            request.maxTokens(),
            schema == null ? null : schema.schema());
    return new ModelSession(
        connection,
        account,
        WorkerConnections.maskerFor(connection),
        account.provider().dialect(json),
        prompt,
        schema);
  }

  String model() {
    return prompt.model();
  }

  /** Posts the conversation and reads the model's turn. */
  ModelTurn ask(ModelClient client, ObjectNode conversation) {
    JsonNode response =
        client.post(
            account,
            dialect.chatPath(prompt.model()),
            conversation,
            ProviderHttp.READ_TIMEOUT,
            connection,
            masker);
    try {
      return dialect.read(response);
    } catch (ChatDialect.MalformedAnswerException e) {
      throw JobFailures.rejected(
          "INVALID_RESPONSE", account.describe() + ": " + e.getMessage(), masker);
    }
  }

  /** The task's result from the model's final turn: masked, its structured part validated. */
  AiResult result(
      ModelTurn answer, TokenUsage usage, java.util.List<AiResult.ToolCallRecord> calls) {
    Object structured =
        schema == null ? null : masker.maskJson(schema.validate(answer.text(), masker));
    return new AiResult(
        account.provider().name(),
        prompt.model(),
        masker.mask(answer.text()),
        structured,
        usage,
        answer.stopReason(),
        calls);
  }

  private static String model(AiRequest request, AiAccount account, ResolvedConnection connection) {
    if (request.model() != null && !request.model().isBlank()) {
      return request.model().strip();
    }
    return account
        .defaultModel()
        .orElseThrow(
            () ->
                new ConnectorInputException(
                    "no model: set 'model' on the task"
                        + " or '"
                        + AiAccount.DEFAULT_MODEL
                        + "' on the integration of connection '"
                        + connection.key()
                        + "'"));
  }
}
