package dev.flowconnections.sample;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.flowconnections.connection.ConnectionView;
import dev.flowconnections.environment.Environment;
import dev.flowconnections.fields.FieldCatalog;
import dev.flowconnections.integration.AuthScheme;
import dev.flowconnections.integration.IntegrationType;
import dev.flowconnections.runtime.mcp.McpHttpTestServer;
import dev.flowconnections.runtime.testsupport.RecordingHttpServer;
import dev.flowconnections.runtime.testsupport.RecordingHttpServer.RecordedRequest;
import dev.flowconnections.runtime.testsupport.RecordingHttpServer.Reply;
import dev.flowconnections.sample.support.ProcessTestRuntime;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * {@code bpmn/ai-agent-example.bpmn} in a DEVELOPMENT runtime: the AI Agent task asks a model of an
 * OpenAI connection, played by a local server answering in Chat Completions' documented shape.
 */
class AiAgentProcessTest extends ExampleProcessTestBase {

  static final ProcessTestRuntime RUNTIME = ProcessTestRuntime.start(Environment.DEVELOPMENT);

  /** Stands in for api.openai.com: the connection's integration points its baseUrl here. */
  static final RecordingHttpServer OPENAI = RUNTIME.server();

  static final ObjectMapper JSON = new ObjectMapper();
  static final String MCP_DEVELOPMENT_TOKEN = "e2e-dev-mcp-tools-token-65";

  /** A real MCP server (the SDK's, Streamable HTTP) that accepts only the development token. */
  static final McpHttpTestServer MCP = startMcp();

  @AfterAll
  static void stopMcp() throws Exception {
    MCP.close();
  }

  @DynamicPropertySource
  static void properties(DynamicPropertyRegistry registry) {
    RUNTIME.register(registry);
  }

  AiAgentProcessTest() {
    super(RUNTIME, "ai-agent-example");
  }

  @BeforeEach
  void modelAnswers() {
    OPENAI.reset();
    OPENAI.respond(
        request ->
            request.rawPath().equals("/v1/chat/completions")
                ? Reply.json(
                    200,
                    """
            {"id":"chatcmpl-e2e","object":"chat.completion","created":1741569952,"model":"gpt-4.1-mini",
             "choices":[{"index":0,"message":{"role":"assistant",
               "content":"{\\"category\\":\\"HARDWARE\\",\\"summary\\":\\"The printer is on fire.\\"}"},
               "finish_reason":"stop"}],
             "usage":{"prompt_tokens":61,"completion_tokens":17,"total_tokens":78}}""")
                : Reply.json(404, "{\"error\":{\"message\":\"not found\"}}"));
  }

  @Test
  void classifiesTheTicketWithTheDevelopmentKeyAndMapsTheStructuredAnswer() throws Exception {
    ConnectionView connection = openAiConnection("sk-e2e-dev-openai-key-61");
    connections.credentials(
        connection,
        Environment.PRODUCTION,
        Map.of(FieldCatalog.TOKEN, secret("sk-e2e-prod-openai-key-62")));

    long instance =
        start(Map.of("connection", keyOf(connection), "ticket", "My printer is on fire"));

    records.awaitCompleted(instance);
    RecordedRequest request = OPENAI.lastRequest();
    assertThat(request.header("Authorization")).isEqualTo("Bearer sk-e2e-dev-openai-key-61");
    JsonNode body = JSON.readTree(request.body());
    assertThat(body.path("model").asText()).isEqualTo("gpt-4.1-mini");
    assertThat(body.path("messages").get(1).path("content").asText())
        .isEqualTo("Ticket: My printer is on fire");
    assertThat(body.path("temperature").asDouble()).isEqualTo(0.1);
    assertThat(body.path("max_completion_tokens").asInt()).isEqualTo(300);
    assertThat(
            body.path("response_format")
                .path("json_schema")
                .path("schema")
                .path("required")
                .toString())
        .isEqualTo("[\"category\",\"summary\"]");
    assertThat(body.has("tools")).isFalse();
    assertThat(records.variables(instance))
        .containsEntry("ticketCategory", "\"HARDWARE\"")
        .containsEntry("ticketSummary", "\"The printer is on fire.\"")
        .containsEntry("aiTokens", "78");
  }

  @Test
  void aRefusedKeyIsAnIncidentNamingConnectionAndEnvironmentButNotTheKey() {
    ConnectionView connection = openAiConnection("sk-e2e-revoked-key-63");
    OPENAI.respond(
        request ->
            Reply.json(
                401,
                "{\"error\":{\"message\":\"Incorrect API key provided: "
                    + request.header("Authorization").substring("Bearer ".length())
                    + "\",\"code\":\"invalid_api_key\"}}"));

    long instance = start(Map.of("connection", keyOf(connection), "ticket", "Refund please"));

    assertThat(records.awaitIncident(instance))
        .isEqualTo(
            "OpenAI at "
                + OPENAI.baseUrl()
                + " rejected the credentials"
                + " of connection '"
                + keyOf(connection)
                + "' in DEVELOPMENT (HTTP 401: Incorrect API key provided: ****)");
  }

  @Test
  void withCredentialsOnlyForProductionNothingIsAskedInDevelopment() {
    ConnectionView connection = openAiConnectionWithoutCredentials();
    connections.credentials(
        connection,
        Environment.PRODUCTION,
        Map.of(FieldCatalog.TOKEN, secret("sk-e2e-prod-only-64")));

    long instance = start(Map.of("connection", keyOf(connection), "ticket", "Hello"));

    assertThat(records.awaitIncident(instance)).contains(keyOf(connection)).contains("DEVELOPMENT");
    assertThat(OPENAI.requests()).isEmpty();
  }

  @Test
  void theModelUsesAToolOfTheMcpConnectionWithItsDevelopmentToken() throws Exception {
    ConnectionView ai = openAiConnection("sk-e2e-dev-openai-key-66");
    ConnectionView tools =
        connections.connection(
            IntegrationType.MCP, AuthScheme.BEARER, Map.of("transport", "HTTP", "url", MCP.url()));
    connections.credentials(
        tools, Environment.DEVELOPMENT, Map.of(FieldCatalog.TOKEN, secret(MCP_DEVELOPMENT_TOKEN)));
    connections.credentials(
        tools,
        Environment.PRODUCTION,
        Map.of(FieldCatalog.TOKEN, secret("e2e-prod-mcp-tools-token-67")));
    AtomicInteger calls = new AtomicInteger();
    OPENAI.respond(
        request ->
            calls.incrementAndGet() == 1
                ? Reply.json(
                    200,
                    """
            {"id":"chatcmpl-e2e-1","object":"chat.completion","model":"gpt-4.1-mini",
             "choices":[{"index":0,"finish_reason":"tool_calls","message":{"role":"assistant","content":null,
               "tool_calls":[{"id":"call_add","type":"function",
                 "function":{"name":"add","arguments":"{\\"a\\":40,\\"b\\":2}"}}]}}],
             "usage":{"prompt_tokens":80,"completion_tokens":12,"total_tokens":92}}""")
                : Reply.json(
                    200,
                    """
            {"id":"chatcmpl-e2e-2","object":"chat.completion","model":"gpt-4.1-mini",
             "choices":[{"index":0,"finish_reason":"stop","message":{"role":"assistant",
               "content":"{\\"category\\":\\"BILLING\\",\\"summary\\":\\"Refund of 42 EUR.\\"}"}}],
             "usage":{"prompt_tokens":100,"completion_tokens":20,"total_tokens":120}}"""));
    int mcpRequestsBefore = MCP.requests().size();

    long instance =
        start(
            Map.of(
                "connection",
                keyOf(ai),
                "ticket",
                "Refund 40 + 2 EUR",
                "mcpConnection",
                keyOf(tools)));

    records.awaitCompleted(instance);
    assertThat(OPENAI.requests()).hasSize(2);
    JsonNode offered = JSON.readTree(OPENAI.requests().get(0).body()).path("tools");
    assertThat(offered.findValuesAsText("name")).contains("add", "echo");
    JsonNode toolMessage = JSON.readTree(OPENAI.requests().get(1).body()).path("messages").get(3);
    assertThat(toolMessage.path("role").asText()).isEqualTo("tool");
    assertThat(toolMessage.path("tool_call_id").asText()).isEqualTo("call_add");
    assertThat(toolMessage.path("content").asText()).isEqualTo("sum is 42");
    assertThat(MCP.requests().subList(mcpRequestsBefore, MCP.requests().size()))
        .isNotEmpty()
        .allSatisfy(
            headers ->
                assertThat(headers)
                    .containsEntry("authorization", "Bearer " + MCP_DEVELOPMENT_TOKEN));
    assertThat(records.variables(instance))
        .containsEntry("ticketCategory", "\"BILLING\"")
        .containsEntry("aiTokens", "212");
  }

  /**
   * An OpenAI integration pointing at the local server, and a connection with a DEVELOPMENT key.
   */
  private ConnectionView openAiConnection(String developmentKey) {
    ConnectionView connection = openAiConnectionWithoutCredentials();
    connections.credentials(
        connection, Environment.DEVELOPMENT, Map.of(FieldCatalog.TOKEN, secret(developmentKey)));
    return connection;
  }

  /** An OpenAI integration pointing at the local server, and a connection with no credentials. */
  private ConnectionView openAiConnectionWithoutCredentials() {
    return connections.connection(
        IntegrationType.AI_PROVIDER,
        AuthScheme.BEARER,
        Map.of(
            "provider",
            "OPENAI",
            FieldCatalog.BASE_URL,
            OPENAI.baseUrl(),
            "defaultModel",
            "gpt-4.1-mini"));
  }

  private static McpHttpTestServer startMcp() {
    try {
      return McpHttpTestServer.streamable(
          Map.of("Authorization", "Bearer " + MCP_DEVELOPMENT_TOKEN));
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }
}
