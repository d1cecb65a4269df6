package dev.flowconnections.runtime.ai;

import static dev.flowconnections.runtime.ai.AiTestFixture.body;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.flowconnections.runtime.ai.AiResult.ToolCallRecord;
import dev.flowconnections.runtime.testsupport.RecordingHttpServer;
import dev.flowconnections.runtime.testsupport.RecordingHttpServer.Reply;
import io.camunda.connector.api.error.ConnectorInputException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The bounds of the tool loop: rounds, unknown tools, failing tools, and the session's lifetime
 * (OpenAI format).
 */
@Tag("fast")
class AiToolLoopTest {

  private final RecordingHttpServer server = RecordingHttpServer.start();
  private final AiTestFixture fixture =
      new AiTestFixture().provider("OPENAI", server.baseUrl(), "sk-loop-key-1");
  private final RecordingTools tools = new RecordingTools();

  AiToolLoopTest() {
    fixture.tools = tools;
  }

  @AfterEach
  void stop() {
    server.close();
  }

  static Reply toolCall(String id, String name, String orderId) {
    return Reply.json(
        200,
        """
        {"id":"c","object":"chat.completion","model":"gpt-4.1","choices":[{"index":0,"finish_reason":"tool_calls",
          "message":{"role":"assistant","content":null,"tool_calls":[{"id":"%s","type":"function",
            "function":{"name":"%s","arguments":"{\\"orderId\\":\\"%s\\"}"}}]}}],
         "usage":{"prompt_tokens":10,"completion_tokens":5,"total_tokens":15}}"""
            .formatted(id, name, orderId));
  }

  @Test
  void twoRoundsOfToolCallsThenAnAnswer() {
    server.respond(
        AiTestFixture.inOrder(
            toolCall("call_1", "get_order", "A-1"),
            toolCall("call_2", "get_order", "B-2"),
            OpenAiChatTest.completion("A-1 and B-2 have shipped")));

    AiResult result = fixture.ask(Map.of("mcpConnection", "orders-mcp", "maxToolIterations", 2));

    assertThat(server.requests()).hasSize(3);
    assertThat(tools.calls)
        .containsExactly("get_order {\"orderId\":\"A-1\"}", "get_order {\"orderId\":\"B-2\"}");
    JsonNode last = body(server.requests().get(2)).path("messages");
    assertThat(last).hasSize(6); // system, user, (assistant, tool) twice
    assertThat(last.get(3).path("tool_call_id").asText()).isEqualTo("call_1");
    assertThat(last.get(5).path("tool_call_id").asText()).isEqualTo("call_2");
    assertThat(result.text()).isEqualTo("A-1 and B-2 have shipped");
    assertThat(result.toolCalls())
        .containsExactly(
            new ToolCallRecord("get_order", Map.of("orderId", "A-1"), false),
            new ToolCallRecord("get_order", Map.of("orderId", "B-2"), false));
    assertThat(result.usage()).isEqualTo(new TokenUsage(39, 20, 59));
  }

  @Test
  void moreRoundsThanAllowedAreAnIncidentAndTheSessionIsClosed() {
    server.respond(toolCall("call_x", "get_order", "A-1")); // forever

    assertThatThrownBy(
            () -> fixture.ask(Map.of("mcpConnection", "orders-mcp", "maxToolIterations", 2)))
        .isInstanceOf(ConnectorInputException.class)
        .hasMessage(
            "the model still called tools after 2 rounds (maxToolIterations 2, at most 20); last asked for: get_order");
    assertThat(server.requests()).hasSize(3);
    assertThat(tools.calls).hasSize(2);
    assertThat(tools.closed).isTrue();
  }

  @Test
  void anUnknownToolIsReportedToTheModelNotCalled() {
    server.respond(
        AiTestFixture.inOrder(
            toolCall("call_1", "drop_database", "A-1"), OpenAiChatTest.completion("Sorry")));

    AiResult result = fixture.ask(Map.of("mcpConnection", "orders-mcp"));

    assertThat(tools.calls).isEmpty();
    assertThat(body(server.lastRequest()).path("messages").get(3).path("content").asText())
        .isEqualTo(
            "Error: there is no tool named 'drop_database'; available: get_order, cancel_order");
    assertThat(result.toolCalls())
        .containsExactly(new ToolCallRecord("drop_database", Map.of("orderId", "A-1"), true));
  }

  @Test
  void aToolThatThrowsIsReportedToTheModelAsAnError() {
    fixture.tools =
        new RecordingTools() {
          @Override
          public ToolOutcome call(String name, JsonNode arguments) {
            throw new IllegalStateException("order service down");
          }
        };
    server.respond(
        AiTestFixture.inOrder(
            toolCall("call_1", "get_order", "A-1"), OpenAiChatTest.completion("Try later")));

    AiResult result = fixture.ask(Map.of("mcpConnection", "orders-mcp"));

    assertThat(body(server.lastRequest()).path("messages").get(3).path("content").asText())
        .isEqualTo("Error: the tool failed: IllegalStateException: order service down");
    assertThat(result.text()).isEqualTo("Try later");
  }

  @Test
  void toolNamesProvidersRefuseAreOfferedUnderSafeAliasesAndMappedBack() {
    List<String> called = new ArrayList<>();
    fixture.tools =
        new AgentTools() {
          @Override
          public List<ToolSpec> tools() {
            return List.of(
                new ToolSpec("orders.get", null, null),
                new ToolSpec("orders/get", null, null),
                new ToolSpec("9lives", null, null));
          }

          @Override
          public ToolOutcome call(String name, JsonNode arguments) {
            called.add(name);
            return ToolOutcome.success("done");
          }
        };
    server.respond(
        AiTestFixture.inOrder(
            toolCall("call_1", "orders_get_2", "A-1"), OpenAiChatTest.completion("ok")));

    AiResult result = fixture.ask(Map.of("mcpConnection", "orders-mcp"));

    assertThat(body(server.requests().get(0)).path("tools").findValuesAsText("name"))
        .containsExactly("orders_get", "orders_get_2", "_9lives");
    assertThat(called).containsExactly("orders/get");
    assertThat(result.toolCalls())
        .containsExactly(new ToolCallRecord("orders/get", Map.of("orderId", "A-1"), false));
  }

  @Test
  void withoutAnMcpConnectionNoToolsAreOfferedAndNoneOpened() {
    server.respond(OpenAiChatTest.completion("plain"));

    fixture.ask(Map.of());

    assertThat(body(server.lastRequest()).has("tools")).isFalse();
    assertThat(fixture.openedToolConnections).isEmpty();
  }
}
