package dev.flowconnections.runtime.ai;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.flowconnections.resolution.ResolvedConnection;
import dev.flowconnections.runtime.ai.AiResult.ToolCallRecord;
import dev.flowconnections.runtime.worker.JobFailures;
import dev.flowconnections.runtime.worker.ProviderHttp;
import dev.flowconnections.runtime.worker.SecretMasker;
import io.camunda.connector.api.error.ConnectorException;
import io.camunda.connector.api.error.ConnectorInputException;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Talks with the model until it answers without calling tools: each round posts the whole
 * conversation, runs the tool calls the model asked for (in order) and appends calls and results in
 * the provider's format. Tools are offered under names every provider accepts ({@link ToolNames}).
 * A failing tool is reported to the model, which may try differently; more rounds than allowed are
 * an incident, since the same task would loop the same way again.
 */
final class AgentLoop {

  /** What the conversation ended with. */
  record Outcome(ModelTurn finalTurn, TokenUsage usage, List<ToolCallRecord> toolCalls) {}

  private final ModelClient client;
  private final ObjectMapper json;

  AgentLoop(ModelClient client, ObjectMapper json) {
    this.client = client;
    this.json = json;
  }

  Outcome run(
      AiAccount account,
      ChatDialect dialect,
      AgentPrompt prompt,
      AgentTools tools,
      int maxToolRounds,
      ResolvedConnection connection,
      SecretMasker masker) {
    List<ToolSpec> available = tools.tools();
    ToolNames names = new ToolNames(available);
    List<ToolSpec> offered =
        available.stream()
            .map(
                tool ->
                    new ToolSpec(
                        names.aliasOf(tool.name()), tool.description(), tool.inputSchema()))
            .toList();
    ObjectNode conversation = dialect.newConversation(prompt, offered);
    String path = dialect.chatPath(prompt.model());
    TokenUsage usage = TokenUsage.NONE;
    List<ToolCallRecord> records = new ArrayList<>();
    int rounds = 0;
    while (true) {
      ModelTurn turn = ask(account, dialect, path, conversation, connection, masker);
      usage = usage.plus(turn.usage());
      if (turn.toolCalls().isEmpty() || offered.isEmpty()) {
        return new Outcome(turn, usage, records);
      }
      if (rounds == maxToolRounds) {
        throw new ConnectorInputException(
            "the model still called tools after "
                + maxToolRounds
                + " rounds (maxToolIterations "
                + maxToolRounds
                + ", at most "
                + AiRequest.MAX_TOOL_ITERATIONS
                + "); last asked for: "
                + turn.toolCalls().stream().map(ToolCall::name).collect(Collectors.joining(", ")));
      }
      rounds++;
      List<ToolOutcome> outcomes = new ArrayList<>();
      for (ToolCall call : turn.toolCalls()) {
        String tool = names.toolFor(call.name()).orElse(null);
        ToolOutcome outcome =
            tool != null
                ? call(tools, tool, call, masker)
                : ToolOutcome.failure(
                    "there is no tool named '"
                        + call.name()
                        + "'; available: "
                        + String.join(", ", names.aliases()));
        outcomes.add(outcome);
        records.add(
            new ToolCallRecord(
                tool != null ? tool : call.name(),
                masker.maskJson(json.convertValue(call.arguments(), Object.class)),
                outcome.error()));
      }
      dialect.appendToolRound(conversation, turn, turn.toolCalls(), outcomes);
    }
  }

  private ModelTurn ask(
      AiAccount account,
      ChatDialect dialect,
      String path,
      ObjectNode conversation,
      ResolvedConnection connection,
      SecretMasker masker) {
    JsonNode response =
        client.post(account, path, conversation, ProviderHttp.READ_TIMEOUT, connection, masker);
    try {
      return dialect.read(response);
    } catch (ChatDialect.MalformedAnswerException e) {
      throw JobFailures.rejected(
          "INVALID_RESPONSE", account.describe() + ": " + e.getMessage(), masker);
    }
  }

  /**
   * A tool's own failure goes back to the model; a lost session (a ConnectorException) ends the
   * job.
   */
  private static ToolOutcome call(
      AgentTools tools, String tool, ToolCall call, SecretMasker masker) {
    try {
      ToolOutcome outcome = tools.call(tool, call.arguments());
      return new ToolOutcome(masker.mask(outcome.content()), outcome.error());
    } catch (ConnectorException e) {
      throw e;
    } catch (RuntimeException e) {
      return ToolOutcome.failure(masker.mask("the tool failed: " + JobFailures.describe(e)));
    }
  }
}
