package dev.flowconnections.runtime.ai;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.flowconnections.integration.IntegrationType;
import dev.flowconnections.resolution.ResolvedConnection;
import dev.flowconnections.runtime.connectiontest.ConnectionTester;
import dev.flowconnections.runtime.connectiontest.TestOutcome;
import dev.flowconnections.runtime.worker.ProviderHttp;
import dev.flowconnections.runtime.worker.SecretMasker;
import dev.flowconnections.runtime.worker.WorkerConnections;
import io.camunda.connector.api.error.ConnectorException;
import io.camunda.connector.api.error.ConnectorInputException;
import java.util.ArrayList;
import java.util.List;

/**
 * Tests an AI Provider connection with the cheapest authenticated call each provider has: listing
 * models (OpenAI and Anthropic {@code GET /v1/models}, Gemini {@code GET /v1beta/models}), for
 * Ollama listing the pulled models ({@code GET /api/tags}, which also tells whether the default
 * model is there), and for Hugging Face, whose model list needs no token, a one-token chat
 * completion of the default model.
 */
public class AiConnectionTester implements ConnectionTester {

  private final ModelClient client;
  private final ObjectMapper json;

  AiConnectionTester(ModelClient client, ObjectMapper json) {
    this.client = client;
    this.json = json;
  }

  @Override
  public boolean supports(ResolvedConnection connection) {
    return connection.type() == IntegrationType.AI_PROVIDER;
  }

  @Override
  public TestOutcome test(ResolvedConnection connection) {
    SecretMasker masker = WorkerConnections.maskerFor(connection);
    try {
      AiAccount account = AiAccount.of(connection);
      return switch (account.provider()) {
        case OPENAI, ANTHROPIC ->
            listed(account, models(account, "/v1/models", "data", "id", connection, masker));
        case GOOGLE ->
            listed(
                account, models(account, "/v1beta/models", "models", "name", connection, masker));
        case OLLAMA ->
            ollama(account, models(account, "/api/tags", "models", "name", connection, masker));
        case HUGGINGFACE -> oneTokenChat(account, connection, masker);
      };
    } catch (ConnectorException | ConnectorInputException e) {
      return TestOutcome.failed(
          e, masker.mask(e.getMessage())); // names the connection or field, never a key
    }
  }

  private List<String> models(
      AiAccount account,
      String path,
      String listField,
      String idField,
      ResolvedConnection connection,
      SecretMasker masker) {
    JsonNode answer =
        client.get(account, path, ProviderHttp.CONNECTION_TEST_TIMEOUT, connection, masker);
    List<String> ids = new ArrayList<>();
    answer.path(listField).forEach(model -> ids.add(model.path(idField).asText()));
    return ids;
  }

  private static TestOutcome listed(AiAccount account, List<String> models) {
    return TestOutcome.succeeded(
        account.describe()
            + " accepted the credentials and lists "
            + models.size()
            + " models"
            + account
                .defaultModel()
                .map(
                    m ->
                        models.contains(m) || models.contains("models/" + m)
                            ? ", including the default model " + m
                            : "; the default model " + m + " is not among them")
                .orElse(""));
  }

  private static TestOutcome ollama(AiAccount account, List<String> models) {
    if (account.defaultModel().isPresent()) {
      String model = account.defaultModel().get();
      boolean pulled =
          models.contains(model) || (!model.contains(":") && models.contains(model + ":latest"));
      return pulled
          ? TestOutcome.succeeded(
              account.describe() + " answers and has the default model " + model)
          : TestOutcome.failed(
              account.describe()
                  + " answers but has no model "
                  + model
                  + " (ollama pull "
                  + model
                  + ")");
    }
    return TestOutcome.succeeded(
        account.describe() + " answers and has " + models.size() + " models");
  }

  private TestOutcome oneTokenChat(
      AiAccount account, ResolvedConnection connection, SecretMasker masker) {
    String model = account.defaultModel().orElse(null);
    if (model == null) {
      return TestOutcome.failed(
          "connection '"
              + connection.key()
              + "': set '"
              + AiAccount.DEFAULT_MODEL
              + "' on the integration; Hugging Face is tested with a one-token answer of that model");
    }
    ObjectNode body =
        new OpenAiDialect(json, "max_tokens")
            .newConversation(new AgentPrompt(model, null, "ping", null, 1, null), List.of());
    client.post(
        account,
        OpenAiDialect.CHAT_PATH,
        body,
        ProviderHttp.CONNECTION_TEST_TIMEOUT,
        connection,
        masker);
    return TestOutcome.succeeded(
        account.describe() + " accepted the credentials and answered with " + model);
  }
}
