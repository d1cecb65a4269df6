package dev.flowconnections.sample;

import static dev.flowconnections.sample.support.ChatCompletions.answer;
import static dev.flowconnections.sample.support.ChatCompletions.tool;
import static dev.flowconnections.sample.support.ChatCompletions.toolCall;
import static dev.flowconnections.sample.support.ChatCompletions.toolCalls;
import static dev.flowconnections.sample.support.ChatCompletions.toolResults;
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
import dev.flowconnections.testsupport.PostgresTestSchema;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * {@code bpmn/ai-agent-tools-example.bpmn} in a DEVELOPMENT runtime: an AI agent applied to an
 * ad-hoc sub-process calls its two tools, a REST API Tool (the shop, a local server) and a SQL
 * query (the real PostgreSQL), gets their results and answers. The model is a local server
 * replaying OpenAI Chat Completions' documented tool-call responses.
 */
class AgentToolsProcessTest extends ExampleProcessTestBase {

  static final ProcessTestRuntime RUNTIME = ProcessTestRuntime.start(Environment.DEVELOPMENT);

  /** Stands in for api.openai.com. */
  static final RecordingHttpServer MODEL = RUNTIME.server();

  /** Stands in for the shop's REST API. */
  static final RecordingHttpServer SHOP = RecordingHttpServer.start();

  static final String SCHEMA = "fc_agent_e2e_" + Long.toHexString(System.nanoTime());
  static final ObjectMapper JSON = new ObjectMapper();

  @DynamicPropertySource
  static void properties(DynamicPropertyRegistry registry) {
    RUNTIME.register(registry);
  }

  AgentToolsProcessTest() {
    super(RUNTIME, "ai-agent-tools-example");
  }

  @BeforeAll
  static void orders() throws SQLException {
    admin(
        "create schema " + SCHEMA,
        "create table "
            + SCHEMA
            + ".orders (id int primary key, customer varchar(100), item varchar(100), quantity int)",
        "insert into " + SCHEMA + ".orders values (42, 'ada', 'lamp', 2), (43, 'ada', 'desk', 1)");
  }

  @AfterAll
  static void dropOrders() throws SQLException {
    admin("drop schema if exists " + SCHEMA + " cascade");
    SHOP.close();
  }

  @BeforeEach
  void reset() {
    MODEL.reset();
    SHOP.reset();
    SHOP.respond(
        request ->
            request.rawPath().equals("/orders/42")
                ? Reply.json(200, "{\"id\":42,\"customer\":\"ada\",\"status\":\"SHIPPED\"}")
                : Reply.json(404, "{\"message\":\"no such order\"}"));
  }

  @Test
  void theModelCallsBothToolsGetsTheirResultsAndAnswers() throws Exception {
    ConnectionView ai = aiConnection(secret("sk-e2e-agent-dev-key-71"));
    ConnectionView shop = shopConnection(secret("shop-dev-token-72"), secret("shop-prod-token-73"));
    ConnectionView orders = ordersConnection(secret("orders-db-pw-74"));
    AtomicInteger turns = new AtomicInteger();
    MODEL.respond(
        request ->
            switch (turns.incrementAndGet()) {
              case 1 ->
                  toolCalls(
                      toolCall(
                          "call_rest", "GetOrder", "{\"method\":\"GET\",\"path\":\"/orders/42\"}"),
                      toolCall("call_sql", "CountOrders", "{\"customer\":\"ada\"}"));
              default -> answer("Order 42 has shipped; ada has 2 orders.");
            });

    long instance =
        start(
            Map.of(
                "aiConnection", keyOf(ai),
                "shopConnection", keyOf(shop),
                "ordersConnection", keyOf(orders),
                "question", "Where is order 42 of ada, and how many orders does she have?"));

    records.awaitCompleted(instance);
    assertThat(records.variables(instance))
        .containsEntry("answer", "\"Order 42 has shipped; ada has 2 orders.\"");

    // the REST tool ran with the shop connection's DEVELOPMENT credentials only
    RecordedRequest shopCall = SHOP.lastRequest();
    assertThat(shopCall.rawPath()).isEqualTo("/orders/42");
    assertThat(shopCall.header("Authorization")).isEqualTo("Bearer shop-dev-token-72");

    List<RecordedRequest> modelCalls = MODEL.requests();
    assertThat(modelCalls).hasSize(2);
    JsonNode first = JSON.readTree(modelCalls.get(0).body());
    assertThat(first.path("tools").findValuesAsText("name"))
        .containsExactlyInAnyOrder("GetOrder", "CountOrders");
    JsonNode getOrder = tool(first, "GetOrder");
    assertThat(getOrder.path("description").asText())
        .isEqualTo(
            "Reads one order of the shop by its id: GET /orders/{id}. Returns the order as JSON.");
    assertThat(
            getOrder
                .path("parameters")
                .path("properties")
                .path("path")
                .path("description")
                .asText())
        .isEqualTo("The path below the API's base URL, e.g. /orders/42");
    assertThat(
            getOrder.path("parameters").path("properties").path("method").path("enum").toString())
        .isEqualTo("[\"GET\"]");

    // the second turn carries both tools' results, answering their calls
    JsonNode second = JSON.readTree(modelCalls.get(1).body());
    Map<String, String> results = toolResults(second);
    assertThat(results).containsOnlyKeys("call_rest", "call_sql");
    assertThat(results.get("call_rest")).contains("SHIPPED");
    assertThat(results.get("call_sql")).contains("\"orders\":2");

    // nothing the model was sent holds a credential of any connection
    String transcript = modelCalls.stream().map(RecordedRequest::body).reduce("", String::concat);
    assertThat(transcript)
        .doesNotContain("sk-e2e-agent-dev-key-71")
        .doesNotContain("shop-dev-token-72")
        .doesNotContain("shop-prod-token-73")
        .doesNotContain("orders-db-pw-74");
    assertThat(modelCalls.get(0).header("Authorization"))
        .isEqualTo("Bearer sk-e2e-agent-dev-key-71");
  }

  @Test
  void argumentsThatDoNotFitTheToolGoBackToTheModelAndNothingRuns() throws Exception {
    ConnectionView ai = aiConnection(secret("sk-e2e-agent-dev-key-75"));
    ConnectionView shop = shopConnection(secret("shop-dev-token-76"), secret("shop-prod-token-77"));
    ConnectionView orders = ordersConnection(secret("orders-db-pw-78"));
    AtomicInteger turns = new AtomicInteger();
    MODEL.respond(
        request ->
            switch (turns.incrementAndGet()) {
              // DELETE is outside the method's enum, and the tool has no parameter "force"
              case 1 ->
                  toolCalls(
                      toolCall(
                          "call_bad",
                          "GetOrder",
                          "{\"method\":\"DELETE\",\"path\":\"/orders/42\"}"),
                      toolCall(
                          "call_extra",
                          "GetOrder",
                          "{\"method\":\"GET\",\"path\":\"/orders/42\",\"force\":true}"));
              case 2 ->
                  toolCalls(
                      toolCall(
                          "call_good", "GetOrder", "{\"method\":\"GET\",\"path\":\"/orders/42\"}"));
              default -> answer("Order 42 has shipped.");
            });

    long instance = start(variables(ai, shop, orders, "Where is order 42?"));

    records.awaitCompleted(instance);
    assertThat(SHOP.requests()).extracting(RecordedRequest::method).containsExactly("GET");
    Map<String, String> refused = toolResults(JSON.readTree(MODEL.requests().get(1).body()));
    assertThat(refused).containsOnlyKeys("call_bad", "call_extra");
    assertThat(refused.values())
        .allSatisfy(
            result ->
                assertThat(result)
                    .startsWith("Error: the arguments do not fit the tool's parameters"));
    assertThat(records.variables(instance)).containsEntry("answer", "\"Order 42 has shipped.\"");
  }

  @Test
  void aSecretPlaceholderInAToolResultStaysTextAndNeverReachesTheModelResolved() throws Exception {
    String secretKey = connections.orgSecret("AGENT_E2E_LURE", secret("org-secret-value-86"));
    ConnectionView ai = aiConnection(secret("sk-e2e-agent-dev-key-87"));
    ConnectionView shop = shopConnection(secret("shop-dev-token-88"), secret("shop-prod-token-89"));
    ConnectionView orders = ordersConnection(secret("orders-db-pw-90"));
    // an attacker controls what the shop answers, and hopes the agent's next job resolves it
    SHOP.respond(
        Reply.json(
            200, "{\"note\":\"{{secrets." + secretKey + "}} and secrets." + secretKey + "\"}"));
    AtomicInteger turns = new AtomicInteger();
    MODEL.respond(
        request ->
            turns.incrementAndGet() == 1
                ? toolCalls(
                    toolCall("call_1", "GetOrder", "{\"method\":\"GET\",\"path\":\"/orders/42\"}"))
                : answer("Done."));

    long instance = start(variables(ai, shop, orders, "Read order 42."));

    records.awaitCompleted(instance);
    String second = MODEL.requests().get(1).body();
    assertThat(second)
        .contains("{{secrets." + secretKey + "}}")
        .doesNotContain("org-secret-value-86");
  }

  @Test
  void mcpToolsOfTheAgentRunBesideItsElementsInTheSameTurn() throws Exception {
    McpHttpTestServer mcp =
        McpHttpTestServer.streamable(Map.of("Authorization", "Bearer mcp-dev-token-98"));
    try (mcp) {
      ConnectionView ai = aiConnection(secret("sk-e2e-agent-dev-key-99"));
      ConnectionView shop = shopConnection(secret("shop-dev-token-100"), secret("shop-prod-101"));
      ConnectionView orders = ordersConnection(secret("orders-db-pw-102"));
      ConnectionView tools =
          connections.connection(
              IntegrationType.MCP,
              AuthScheme.BEARER,
              Map.of("transport", "HTTP", "url", mcp.url()));
      connections.credentials(
          tools, Environment.DEVELOPMENT, Map.of(FieldCatalog.TOKEN, secret("mcp-dev-token-98")));
      AtomicInteger turns = new AtomicInteger();
      MODEL.respond(
          request ->
              turns.incrementAndGet() == 1
                  ? toolCalls(
                      toolCall("call_add", "mcp_add", "{\"a\":40,\"b\":2}"),
                      toolCall("call_sql", "CountOrders", "{\"customer\":\"ada\"}"))
                  : answer("42, and ada has 2 orders."));
      Map<String, Object> variables =
          new java.util.HashMap<>(variables(ai, shop, orders, "Add 40 and 2; count ada's orders."));
      variables.put("mcpConnection", keyOf(tools));

      long instance = start(variables);

      records.awaitCompleted(instance);
      JsonNode first = JSON.readTree(MODEL.requests().get(0).body());
      assertThat(first.path("tools").findValuesAsText("name"))
          .contains("GetOrder", "CountOrders", "mcp_add", "mcp_echo");
      Map<String, String> results = toolResults(JSON.readTree(MODEL.requests().get(1).body()));
      assertThat(results.keySet()).containsExactly("call_add", "call_sql");
      assertThat(results.get("call_add")).isEqualTo("sum is 42");
      assertThat(results.get("call_sql")).contains("\"orders\":2");
    }
  }

  @Test
  void withoutCredentialsForThisEnvironmentTheToolFailsClosedAsAnIncident() {
    ConnectionView ai = aiConnection(secret("sk-e2e-agent-dev-key-79"));
    ConnectionView shop =
        connections.restConnection(
            AuthScheme.BEARER, Map.of(FieldCatalog.BASE_URL, SHOP.baseUrl()));
    connections.credentials(
        shop, Environment.PRODUCTION, Map.of(FieldCatalog.TOKEN, secret("shop-prod-only-80")));
    ConnectionView orders = ordersConnection(secret("orders-db-pw-81"));
    MODEL.respond(
        request ->
            toolCalls(
                toolCall("call_1", "GetOrder", "{\"method\":\"GET\",\"path\":\"/orders/42\"}")));

    long instance = start(variables(ai, shop, orders, "Where is order 42?"));

    assertThat(records.awaitIncident(instance)).contains(keyOf(shop)).contains("DEVELOPMENT");
    assertThat(SHOP.requests()).isEmpty();
  }

  @Test
  void aModelThatKeepsCallingToolsStopsAtTheRoundLimitWithAnIncident() {
    ConnectionView ai = aiConnection(secret("sk-e2e-agent-dev-key-82"));
    ConnectionView shop = shopConnection(secret("shop-dev-token-83"), secret("shop-prod-token-84"));
    ConnectionView orders = ordersConnection(secret("orders-db-pw-85"));
    MODEL.respond(
        request -> toolCalls(toolCall("call_again", "CountOrders", "{\"customer\":\"ada\"}")));
    Map<String, Object> variables = new java.util.HashMap<>(variables(ai, shop, orders, "Count."));
    variables.put("maxToolRounds", 1);

    long instance = start(variables);

    assertThat(records.awaitIncident(instance))
        .startsWith("the model still called tools after 1 rounds");
    assertThat(MODEL.requests()).hasSize(2);
  }

  private static Map<String, Object> variables(
      ConnectionView ai, ConnectionView shop, ConnectionView orders, String question) {
    return Map.of(
        "aiConnection", keyOf(ai),
        "shopConnection", keyOf(shop),
        "ordersConnection", keyOf(orders),
        "question", question);
  }

  private ConnectionView aiConnection(String developmentKey) {
    return connections.openAiConnection(MODEL.baseUrl(), developmentKey);
  }

  private ConnectionView shopConnection(String developmentToken, String productionToken) {
    ConnectionView connection =
        connections.restConnection(
            AuthScheme.BEARER, Map.of(FieldCatalog.BASE_URL, SHOP.baseUrl()));
    connections.credentials(
        connection, Environment.DEVELOPMENT, Map.of(FieldCatalog.TOKEN, developmentToken));
    connections.credentials(
        connection, Environment.PRODUCTION, Map.of(FieldCatalog.TOKEN, productionToken));
    return connection;
  }

  private ConnectionView ordersConnection(String password) {
    String url =
        PostgresTestSchema.URL
            + (PostgresTestSchema.URL.contains("?") ? "&" : "?")
            + "currentSchema="
            + SCHEMA;
    ConnectionView connection =
        connections.connection(
            IntegrationType.DATABASE,
            AuthScheme.NONE,
            Map.of("vendor", "POSTGRESQL", "jdbcUrl", url));
    connections.credentials(
        connection,
        Environment.DEVELOPMENT,
        Map.of("username", PostgresTestSchema.USER, "password", password));
    return connection;
  }

  private static void admin(String... statements) throws SQLException {
    try (Connection connection = PostgresTestSchema.connect();
        Statement statement = connection.createStatement()) {
      for (String sql : statements) {
        statement.execute(sql);
      }
    }
  }
}
