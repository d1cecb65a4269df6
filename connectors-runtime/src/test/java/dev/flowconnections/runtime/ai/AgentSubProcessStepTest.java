package dev.flowconnections.runtime.ai;

import static dev.flowconnections.runtime.ai.AiTestFixture.JSON;
import static dev.flowconnections.runtime.ai.AiTestFixture.answer;
import static dev.flowconnections.runtime.ai.AiTestFixture.body;
import static dev.flowconnections.runtime.ai.AiTestFixture.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.flowconnections.environment.Environment;
import dev.flowconnections.resolution.RuntimeEnvironment;
import dev.flowconnections.runtime.testsupport.RecordingHttpServer;
import dev.flowconnections.runtime.testsupport.RecordingHttpServer.Reply;
import dev.flowconnections.runtime.testsupport.WorkerTestContext;
import dev.flowconnections.runtime.worker.ProviderHttp;
import dev.flowconnections.runtime.worker.WorkerConnections;
import io.camunda.connector.api.error.ConnectorInputException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The jobs of an AI agent's ad-hoc sub-process, one step at a time, with Gemini (whose calls carry
 * no ids): the elements become tools, a call becomes an activation, the results of the next job go
 * back to the model in its own format, and a job whose tools are still running waits.
 */
@Tag("fast")
class AgentSubProcessStepTest {

  static final String GEMINI_CALL =
      """
      {"candidates":[{"content":{"role":"model","parts":[
          {"functionCall":{"name":"LookUpOrder","args":{"orderId":"A-1"}}}]},"finishReason":"STOP"}],
       "usageMetadata":{"promptTokenCount":30,"candidatesTokenCount":10,"totalTokenCount":40}}""";
  static final String GEMINI_ANSWER =
      """
      {"candidates":[{"content":{"parts":[{"text":"%s"}],"role":"model"},"finishReason":"STOP","index":0}],
       "usageMetadata":{"promptTokenCount":50,"candidatesTokenCount":5,"totalTokenCount":55}}""";

  @AutoClose private final RecordingHttpServer gemini = RecordingHttpServer.start();
  private final AiTestFixture fixture =
      new AiTestFixture().provider("GOOGLE", gemini.baseUrl(), "gemini-key-1234");

  private final AgentSubProcessService service =
      new AgentSubProcessService(
          new WorkerConnections(
              fixture.resolver, new RuntimeEnvironment(Environment.DEVELOPMENT, "default")),
          new ModelClient(new ProviderHttp(), JSON),
          (key, job) -> AgentTools.NONE,
          JSON);

  @Test
  void aCallBecomesAnActivationAndItsResultGoesBackInGeminisFormat() {
    gemini.respond(
        AiTestFixture.inOrder(
            Reply.json(200, GEMINI_CALL), answer(GEMINI_ANSWER, "A-1 has shipped.")));

    AgentStep.ActivateTools first = (AgentStep.ActivateTools) step(Map.of());

    // Gemini refuses additionalProperties, so its dialect leaves it out; the worker still checks it
    JsonNode offered = body(gemini.requests().get(0)).path("tools").get(0);
    assertThat(offered.path("functionDeclarations").get(0))
        .isEqualTo(
            json(
                """
        {"name":"LookUpOrder","description":"Reads an order by its id","parameters":
          {"type":"object","properties":{"orderId":{"type":"string","description":"The order's id"}}}}"""));
    assertThat(first.activations())
        .containsExactly(
            new AgentStep.Activation(
                "LookUpOrder",
                Map.of(
                    "orderId", "A-1", "_meta", Map.of("id", "call_1_1", "name", "LookUpOrder"))));

    AgentStep.Answer answer =
        (AgentStep.Answer)
            step(
                Map.of(
                    "agentContext",
                    JSON.valueToTree(first.context()),
                    "toolCallResults",
                    List.of(
                        Map.of(
                            "id",
                            "call_1_1",
                            "name",
                            "LookUpOrder",
                            "content",
                            Map.of("status", "SHIPPED")))));

    JsonNode contents = body(gemini.requests().get(1)).path("contents");
    assertThat(contents.get(2))
        .isEqualTo(
            json(
                """
        {"role":"user","parts":[{"functionResponse":{"name":"LookUpOrder",
          "response":{"result":"{\\"status\\":\\"SHIPPED\\"}"}}}]}"""));
    assertThat(answer.result().text()).isEqualTo("A-1 has shipped.");
    assertThat(answer.result().usage()).isEqualTo(new TokenUsage(80, 15, 95));
    assertThat(answer.result().toolCalls())
        .containsExactly(
            new AiResult.ToolCallRecord("LookUpOrder", Map.of("orderId", "A-1"), false));
  }

  @Test
  void aJobWhoseToolsAreStillRunningWaitsWithoutAskingTheModel() {
    gemini.respond(AiTestFixture.inOrder(Reply.json(200, GEMINI_CALL)));
    AgentStep.ActivateTools first = (AgentStep.ActivateTools) step(Map.of());

    AgentStep next =
        step(
            Map.of(
                "agentContext", JSON.valueToTree(first.context()), "toolCallResults", List.of()));

    assertThat(next).isInstanceOf(AgentStep.Waiting.class);
    assertThat(gemini.requests()).hasSize(1);
  }

  @Test
  void theDocumentationDescribesATool_elseItsToolDescription_elseItsName() {
    gemini.respond(AiTestFixture.inOrder(answer(GEMINI_ANSWER, "Nothing to do.")));

    step(
        Map.of(
            "adHocSubProcessElements",
            List.of(
                element("A", "Name A", "  ", Map.of("toolDescription", "Described A")),
                element("B", "Name B", null, Map.of()),
                element("C", null, null, Map.of()))));

    JsonNode declarations =
        body(gemini.requests().get(0)).path("tools").get(0).path("functionDeclarations");
    assertThat(declarations.findValuesAsText("description"))
        .containsExactly("Described A", "Name B", "C");
  }

  @Test
  void aParameterTheAgentCannotSupplyIsAnIncidentNamingTheElement() {
    Map<String, Object> element = new HashMap<>(element("Mail", "Mail", "Sends mail", Map.of()));
    element.put("parameters", List.of(Map.of("name", "recipient", "type", "string")));

    assertThatThrownBy(() -> step(Map.of("adHocSubProcessElements", List.of(element))))
        .isInstanceOf(ConnectorInputException.class)
        .hasMessage(
            "tool 'Mail' of the agent's ad-hoc sub-process reads the model's value 'recipient',"
                + " which the agent cannot supply: write fromAi(toolCall.<name>, ...)");
    assertThat(gemini.requests()).isEmpty();
  }

  /** One job of the sub-process: the task's inputs plus what the engine supplies. */
  private AgentStep step(Map<String, Object> engineVariables) {
    Map<String, Object> task = AiTestFixture.validTask();
    task.put(
        "adHocSubProcessElements",
        List.of(
            Map.of(
                "elementId",
                "LookUpOrder",
                "elementName",
                "Look up order",
                "documentation",
                "Reads an order by its id",
                "parameters",
                List.of(
                    Map.of(
                        "name",
                        "toolCall.orderId",
                        "description",
                        "The order's id",
                        "type",
                        "string")))));
    task.putAll(engineVariables);
    WorkerTestContext context = new WorkerTestContext(AgentSubProcessWorker.TYPE, task);
    return service.step(context.bindVariables(AiRequest.class), context.getJobContext());
  }

  private static Map<String, Object> element(
      String id, String name, String documentation, Map<String, String> properties) {
    Map<String, Object> element = new HashMap<>();
    element.put("elementId", id);
    element.put("elementName", name);
    element.put("documentation", documentation);
    element.put("properties", properties);
    return element;
  }
}
