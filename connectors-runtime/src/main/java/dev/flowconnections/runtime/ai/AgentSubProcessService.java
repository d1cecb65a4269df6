package dev.flowconnections.runtime.ai;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.flowconnections.runtime.ai.AgentContext.PendingCall;
import dev.flowconnections.runtime.ai.AiResult.ToolCallRecord;
import dev.flowconnections.runtime.worker.JobFailures;
import dev.flowconnections.runtime.worker.SecretMasker;
import dev.flowconnections.runtime.worker.WorkerConnections;
import io.camunda.connector.api.error.ConnectorException;
import io.camunda.connector.api.outbound.JobContext;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One job of an AI agent applied to an ad-hoc sub-process: continues the conversation kept in
 * {@code agentContext} with the results of the tools it activated, asks the model, and either
 * answers (the sub-process completes) or names the elements to activate for the model's tool calls.
 * MCP tools of the task's MCP connection run inside the job, as for the AI Agent task.
 *
 * <p>Every call is checked before anything runs: an unknown tool or arguments that do not fit the
 * element's {@code fromAi} parameters go back to the model as a failed tool result, and the model
 * is asked again within the same job.
 */
final class AgentSubProcessService {

  private static final Logger LOG = LoggerFactory.getLogger(AgentSubProcessService.class);
  static final String WORKER = "AI Agent sub-process worker";

  /** MCP tools are offered under this prefix, so they never collide with an element id. */
  private static final String MCP_PREFIX = "mcp:";

  private final WorkerConnections connections;
  private final ModelClient client;
  private final AgentToolSource mcpTools;
  private final ObjectMapper json;

  AgentSubProcessService(
      WorkerConnections connections,
      ModelClient client,
      AgentToolSource mcpTools,
      ObjectMapper json) {
    this.connections = connections;
    this.client = client;
    this.mcpTools = mcpTools;
    this.json = json;
  }

  AgentStep step(AiRequest request, JobContext job) {
    AgentContext context = AgentContext.read(request.agentContext(), json);
    Map<String, ToolCallResult> results =
        (request.toolCallResults() == null ? List.<ToolCallResult>of() : request.toolCallResults())
            .stream()
                .filter(result -> result.id() != null)
                .collect(Collectors.toMap(ToolCallResult::id, Function.identity(), (a, b) -> b));
    if (context.pendingCalls().stream()
        .anyMatch(call -> call.outcome() == null && !results.containsKey(call.id()))) {
      return new AgentStep.Waiting();
    }
    ModelSession session = ModelSession.open(request, job, connections, WORKER, json);
    AdHocTools elements = AdHocTools.of(request.adHocSubProcessElements(), json);
    try (AgentTools mcp =
        request.usesTools()
            ? mcpTools.open(request.mcpConnection().strip(), job)
            : AgentTools.NONE) {
      return new Conversation(session, request, elements, mcp, context).next(results);
    }
  }

  /** The conversation of one job: from the stored context to the job's outcome. */
  private final class Conversation {

    private final ModelSession session;
    private final AiRequest request;
    private final AdHocTools elements;
    private final AgentTools mcp;
    private final ToolNames names;
    private final List<ToolSpec> offered;
    private final SecretMasker masker;
    private ObjectNode conversation;
    private int rounds;
    private TokenUsage usage;
    private final List<ToolCallRecord> records;
    private final AgentContext stored;

    Conversation(
        ModelSession session,
        AiRequest request,
        AdHocTools elements,
        AgentTools mcp,
        AgentContext stored) {
      this.session = session;
      this.request = request;
      this.elements = elements;
      this.mcp = mcp;
      this.stored = stored;
      this.masker = session.masker();
      List<ToolSpec> available = new ArrayList<>(elements.specs());
      mcp.tools()
          .forEach(
              tool ->
                  available.add(
                      new ToolSpec(
                          MCP_PREFIX + tool.name(), tool.description(), tool.inputSchema())));
      this.names = new ToolNames(available);
      this.offered =
          available.stream()
              .map(
                  tool ->
                      new ToolSpec(
                          names.aliasOf(tool.name()), tool.description(), tool.inputSchema()))
              .toList();
      this.rounds = stored.rounds();
      this.usage = stored.usage();
      this.records = new ArrayList<>(stored.toolCalls());
    }

    AgentStep next(Map<String, ToolCallResult> results) {
      if (!stored.started()) {
        conversation = session.dialect().newConversation(session.prompt(), offered);
      } else {
        conversation = stored.conversation();
        if (!stored.pendingCalls().isEmpty()) {
          appendResults(stored.pendingTurn(), stored.pendingCalls(), results);
        }
      }
      while (true) {
        ModelTurn turn = session.ask(client, conversation);
        usage = usage.plus(turn.usage());
        if (turn.toolCalls().isEmpty()) {
          return new AgentStep.Answer(
              session.result(turn, usage, records), context(null, List.of()));
        }
        if (rounds == request.toolIterations()) {
          throw AgentLoop.tooManyRounds(request.toolIterations(), turn);
        }
        rounds++;
        List<PendingCall> calls = new ArrayList<>();
        List<AgentStep.Activation> activations = new ArrayList<>();
        for (int i = 0; i < turn.toolCalls().size(); i++) {
          ToolCall call = turn.toolCalls().get(i);
          String id = call.id() != null ? call.id() : "call_" + rounds + "_" + (i + 1);
          Optional<String> tool = names.toolFor(call.name());
          if (tool.isEmpty()) {
            calls.add(refused(call, id, call.name(), noSuchTool(call.name())));
          } else if (tool.get().startsWith(MCP_PREFIX)) {
            calls.add(runMcp(call, id, tool.get()));
          } else {
            Optional<String> problem = elements.problemWith(tool.get(), call.arguments());
            if (problem.isPresent()) {
              calls.add(
                  refused(
                      call,
                      id,
                      tool.get(),
                      "the arguments do not fit the tool's parameters: " + problem.get()));
            } else {
              calls.add(new PendingCall(call, id, tool.get(), null));
              activations.add(activation(call, id, tool.get()));
            }
          }
        }
        if (!activations.isEmpty()) {
          LOG.debug(
              "the model of connection '{}' calls {}",
              session.connection().key(),
              activations.stream().map(AgentStep.Activation::elementId).toList());
          return new AgentStep.ActivateTools(activations, context(turn.assistantMessage(), calls));
        }
        appendResults(turn.assistantMessage(), calls, Map.of());
      }
    }

    private void appendResults(
        JsonNode turn, List<PendingCall> calls, Map<String, ToolCallResult> results) {
      List<ToolOutcome> outcomes = new ArrayList<>();
      for (PendingCall call : calls) {
        ToolOutcome outcome =
            call.outcome() != null ? call.outcome() : outcomeOf(results.get(call.id()));
        outcomes.add(outcome);
        records.add(
            new ToolCallRecord(
                call.tool(),
                masker.maskJson(json.convertValue(call.call().arguments(), Object.class)),
                outcome.error()));
      }
      List<ToolCall> made = calls.stream().map(PendingCall::call).toList();
      session
          .dialect()
          .appendToolRound(
              conversation, new ModelTurn("", made, TokenUsage.NONE, null, turn), made, outcomes);
    }

    /**
     * A finished element's result as the model reads it: text as it is, anything else as JSON; a
     * result with an {@code error} (a tool's failure handed back by its worker) is a failure.
     */
    private ToolOutcome outcomeOf(ToolCallResult result) {
      JsonNode content = result.content();
      String text =
          content == null || content.isNull()
              ? ""
              : content.isTextual() ? content.asText() : content.toString();
      boolean failed = content != null && content.isObject() && content.has("error");
      return new ToolOutcome(masker.mask(text), failed);
    }

    private PendingCall runMcp(ToolCall call, String id, String tool) {
      String name = tool.substring(MCP_PREFIX.length());
      ToolOutcome outcome;
      try {
        ToolOutcome raw = mcp.call(name, call.arguments());
        outcome = new ToolOutcome(masker.mask(raw.content()), raw.error());
      } catch (ConnectorException e) {
        throw e;
      } catch (RuntimeException e) {
        outcome = ToolOutcome.failure(masker.mask("the tool failed: " + JobFailures.describe(e)));
      }
      return new PendingCall(call, id, tool, outcome);
    }

    private PendingCall refused(ToolCall call, String id, String tool, String why) {
      return new PendingCall(call, id, tool, ToolOutcome.failure(why));
    }

    private String noSuchTool(String name) {
      return "there is no tool named '"
          + name
          + "'; available: "
          + String.join(", ", names.aliases());
    }

    private AgentStep.Activation activation(ToolCall call, String id, String elementId) {
      Map<String, Object> toolCall = new LinkedHashMap<>();
      json.convertValue(call.arguments(), Map.class).forEach((k, v) -> toolCall.put((String) k, v));
      // last, so no argument can stand in for the call's identity
      toolCall.put("_meta", Map.of("id", id, "name", elementId));
      return new AgentStep.Activation(elementId, toolCall);
    }

    private AgentContext context(JsonNode pendingTurn, List<PendingCall> pending) {
      return new AgentContext(conversation, pendingTurn, pending, rounds, usage, records);
    }
  }
}
