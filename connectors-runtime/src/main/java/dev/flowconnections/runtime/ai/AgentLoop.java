package dev.flowconnections.runtime.ai;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.flowconnections.runtime.ai.AiResult.ToolCallRecord;
import dev.flowconnections.runtime.worker.JobFailures;
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

  Outcome run(ModelSession session, AgentTools tools, int maxToolRounds) {
    ChatDialect dialect = session.dialect();
    SecretMasker masker = session.masker();
    List<ToolSpec> available = tools.tools();
    ToolNames names = new ToolNames(available);
    List<ToolSpec> offered =
        available.stream()
            .map(
                tool ->
                    new ToolSpec(
                        names.aliasOf(tool.name()), tool.description(), tool.inputSchema()))
            .toList();
    ObjectNode conversation = dialect.newConversation(session.prompt(), offered);
    TokenUsage usage = TokenUsage.NONE;
    List<ToolCallRecord> records = new ArrayList<>();
    int rounds = 0;
    while (true) {
      ModelTurn turn = session.ask(client, conversation);
      usage = usage.plus(turn.usage());
      if (turn.toolCalls().isEmpty() || offered.isEmpty()) {
        return new Outcome(turn, usage, records);
      }
      if (rounds == maxToolRounds) {
        throw tooManyRounds(maxToolRounds, turn);
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

  /** The model would loop the same way again: an incident, not a retry. */
  static ConnectorInputException tooManyRounds(int maxToolRounds, ModelTurn turn) {
    return new ConnectorInputException(
        "the model still called tools after "
            + maxToolRounds
            + " rounds (maxToolIterations "
            + maxToolRounds
            + ", at most "
            + AiRequest.MAX_TOOL_ITERATIONS
            + "); last asked for: "
            + turn.toolCalls().stream().map(ToolCall::name).collect(Collectors.joining(", ")));
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
