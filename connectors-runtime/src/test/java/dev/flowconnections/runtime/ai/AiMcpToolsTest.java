package dev.flowconnections.runtime.ai;

import static dev.flowconnections.runtime.ai.AiTestFixture.body;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.flowconnections.credential.SecretValues;
import dev.flowconnections.environment.Environment;
import dev.flowconnections.integration.AuthScheme;
import dev.flowconnections.integration.IntegrationType;
import dev.flowconnections.resolution.ConnectionResolutionException;
import dev.flowconnections.resolution.ConnectionResolver;
import dev.flowconnections.resolution.ResolvedConnection;
import dev.flowconnections.resolution.RuntimeEnvironment;
import dev.flowconnections.runtime.ai.AiResult.ToolCallRecord;
import dev.flowconnections.runtime.mcp.McpAccessTokens;
import dev.flowconnections.runtime.mcp.McpHttpTestServer;
import dev.flowconnections.runtime.mcp.McpToolSessions;
import dev.flowconnections.runtime.testsupport.RecordingHttpServer;
import dev.flowconnections.runtime.testsupport.RecordingHttpServer.Reply;
import dev.flowconnections.runtime.testsupport.WorkerTestContext;
import dev.flowconnections.runtime.worker.ProviderHttp;
import dev.flowconnections.runtime.worker.WorkerConnections;
import io.camunda.connector.api.error.ConnectorInputException;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The AI Agent using the tools of a real MCP server (the SDK's, over Streamable HTTP, requiring the
 * MCP connection's bearer token) while a local server plays the model in OpenAI's format.
 */
@Tag("fast")
class AiMcpToolsTest {

  static final String AI_KEY = "sk-agent-with-tools-1";
  static final String MCP_TOKEN = "mcp-agent-token-2b7d";

  private static McpHttpTestServer mcp;
  private final RecordingHttpServer model = RecordingHttpServer.start();
  private final Map<String, ResolvedConnection> connections = new HashMap<>();

  @BeforeAll
  static void startMcp() throws Exception {
    mcp = McpHttpTestServer.streamable(Map.of("Authorization", "Bearer " + MCP_TOKEN));
  }

  @AfterAll
  static void stopMcp() throws Exception {
    mcp.close();
  }

  @AfterEach
  void stopModel() {
    model.close();
  }

  AiMcpToolsTest() {
    connections.put(
        "assistant-ai",
        new ResolvedConnection(
            "assistant-ai",
            "OpenAI",
            IntegrationType.AI_PROVIDER,
            AuthScheme.API_KEY,
            Environment.DEVELOPMENT,
            Map.of("provider", "OPENAI", "baseUrl", model.baseUrl(), "defaultModel", "gpt-4.1"),
            SecretValues.of(Map.of("apiKey", AI_KEY))));
    connections.put("calc-mcp", mcpConnection(MCP_TOKEN));
  }

  @Test
  void theModelCallsTheServersToolsAndReadsTheirResults() {
    model.respond(
        AiTestFixture.inOrder(
            toolCalls(
                "{\"id\":\"call_1\",\"type\":\"function\",\"function\":{\"name\":\"add\",\"arguments\":\"{\\\"a\\\":2,\\\"b\\\":40}\"}},"
                    + "{\"id\":\"call_2\",\"type\":\"function\",\"function\":{\"name\":\"fail\",\"arguments\":\"{}\"}}"),
            OpenAiChatTest.completion("2 + 40 = 42; the weather is unknown")));

    AiResult result = ask("calc-mcp");

    JsonNode offered = body(model.requests().get(0)).path("tools");
    assertThat(offered.findValuesAsText("name")).contains("add", "echo", "fail");
    JsonNode add =
        offered.findParents("name").stream()
            .filter(f -> f.path("name").asText().equals("add"))
            .findFirst()
            .orElseThrow();
    assertThat(add.path("description").asText()).isEqualTo("Adds two numbers");
    assertThat(add.path("parameters").path("required").toString()).isEqualTo("[\"a\",\"b\"]");
    JsonNode messages = body(model.requests().get(1)).path("messages");
    assertThat(messages.get(3).path("content").asText()).isEqualTo("sum is 42");
    assertThat(messages.get(4).path("content").asText())
        .isEqualTo("Error: the weather service is down");
    assertThat(result.text()).isEqualTo("2 + 40 = 42; the weather is unknown");
    assertThat(result.toolCalls())
        .containsExactly(
            new ToolCallRecord("add", Map.of("a", 2, "b", 40), false),
            new ToolCallRecord("fail", Map.of(), true));
    assertThat(model.requests().toString()).doesNotContain(MCP_TOKEN);
  }

  @Test
  void argumentsTheServerRefusesGoBackToTheModel() {
    model.respond(
        AiTestFixture.inOrder(
            toolCalls(
                "{\"id\":\"call_1\",\"type\":\"function\",\"function\":{\"name\":\"add\",\"arguments\":\"{\\\"a\\\":\\\"two\\\"}\"}}"),
            OpenAiChatTest.completion("I could not add")));

    AiResult result = ask("calc-mcp");

    assertThat(result.toolCalls())
        .singleElement()
        .satisfies(call -> assertThat(call.error()).isTrue());
    assertThat(body(model.lastRequest()).path("messages").get(3).path("content").asText())
        .startsWith("Error: ");
  }

  @Test
  void aRefusedMcpTokenIsAnIncidentAndTheModelIsNeverAsked() {
    connections.put("calc-mcp", mcpConnection("mcp-wrong-token-9"));

    assertThatThrownBy(() -> ask("calc-mcp"))
        .isInstanceOf(ConnectorInputException.class)
        .hasMessageContaining("'calc-mcp'")
        .hasMessageContaining("DEVELOPMENT")
        .satisfies(e -> assertThat(e.getMessage()).doesNotContain("mcp-wrong-token-9"));
    assertThat(model.requests()).isEmpty();
  }

  @Test
  void anMcpConnectionWithoutCredentialsForThisEnvironmentIsAnIncidentNotAFallback() {
    connections.remove("calc-mcp");

    assertThatThrownBy(() -> ask("calc-mcp"))
        .isInstanceOf(ConnectorInputException.class)
        .hasMessage("connection 'calc-mcp' has no credentials for DEVELOPMENT");
    assertThat(model.requests()).isEmpty();
  }

  @Test
  void theToolsConnectionMustBeAnMcpConnection() {
    assertThatThrownBy(() -> ask("assistant-ai"))
        .isInstanceOf(ConnectorInputException.class)
        .hasMessage(
            "connection 'assistant-ai' is of type AI Provider; the AI Agent worker (mcpConnection) only serves"
                + " MCP connections");
  }

  private AiResult ask(String mcpConnection) {
    ConnectionResolver resolver =
        (organization, key, environment, caller) -> {
          ResolvedConnection connection = connections.get(key);
          if (connection == null) {
            throw new ConnectionResolutionException(
                "connection '" + key + "' has no credentials for " + environment);
          }
          return connection;
        };
    WorkerConnections workerConnections =
        new WorkerConnections(resolver, new RuntimeEnvironment(Environment.DEVELOPMENT, "default"));
    AiService service =
        new AiService(
            workerConnections,
            new ModelClient(new ProviderHttp(), AiTestFixture.JSON),
            new McpAgentToolSource(
                workerConnections,
                new McpToolSessions(McpAccessTokens.UNSUPPORTED),
                AiTestFixture.JSON),
            AiTestFixture.JSON);
    Map<String, Object> task = new HashMap<>(AiTestFixture.validTask());
    task.put("mcpConnection", mcpConnection);
    return (AiResult) new AiFunction(service).execute(new WorkerTestContext(AiFunction.TYPE, task));
  }

  private static ResolvedConnection mcpConnection(String token) {
    return new ResolvedConnection(
        "calc-mcp",
        "Calculator MCP",
        IntegrationType.MCP,
        AuthScheme.BEARER,
        Environment.DEVELOPMENT,
        Map.of("transport", "HTTP", "url", mcp.url()),
        SecretValues.of(Map.of("token", token)));
  }

  private static Reply toolCalls(String calls) {
    return Reply.json(
        200,
        "{\"id\":\"c\",\"object\":\"chat.completion\",\"model\":\"gpt-4.1\",\"choices\":[{\"index\":0,"
            + "\"finish_reason\":\"tool_calls\",\"message\":{\"role\":\"assistant\",\"content\":null,\"tool_calls\":["
            + calls
            + "]}}],\"usage\":{\"prompt_tokens\":10,\"completion_tokens\":5,\"total_tokens\":15}}");
  }
}
