package dev.flowconnections.sample;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flowconnections.connection.ConnectionView;
import dev.flowconnections.environment.Environment;
import dev.flowconnections.fields.FieldCatalog;
import dev.flowconnections.integration.AuthScheme;
import dev.flowconnections.integration.IntegrationType;
import dev.flowconnections.runtime.mcp.McpHttpTestServer;
import dev.flowconnections.sample.support.ProcessTestRuntime;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * {@code bpmn/mcp-connection-example.bpmn} in a PRODUCTION runtime, calling a tool of a real MCP
 * server (the SDK's, over Streamable HTTP) that accepts only the production token.
 */
class McpProcessTest extends ExampleProcessTestBase {

  static final ProcessTestRuntime RUNTIME = ProcessTestRuntime.start(Environment.PRODUCTION);
  static final String PRODUCTION_TOKEN = "e2e-prod-mcp-token-61";
  static final String DEVELOPMENT_TOKEN = "e2e-dev-mcp-token-62";
  static final McpHttpTestServer MCP = startServer();

  @DynamicPropertySource
  static void properties(DynamicPropertyRegistry registry) {
    RUNTIME.register(registry);
  }

  @AfterAll
  static void stopServer() throws Exception {
    MCP.close();
  }

  McpProcessTest() {
    super(RUNTIME, "mcp-connection-example");
  }

  @BeforeEach
  void registerSecrets() {
    secret(PRODUCTION_TOKEN);
    secret(DEVELOPMENT_TOKEN);
  }

  @Test
  void callsTheToolWithTheProductionTokenAndMapsItsResult() {
    ConnectionView connection = mcpConnection(true);
    int before = MCP.requests().size();

    long instance = callTool(connection, "add", Map.of("a", 40, "b", 2));

    records.awaitCompleted(instance);
    assertThat(records.variables(instance))
        .containsEntry("toolText", "\"sum is 42\"")
        .containsEntry("toolResult", "{\"sum\":42}");
    assertThat(MCP.requests().subList(before, MCP.requests().size()))
        .isNotEmpty()
        .allSatisfy(
            headers ->
                assertThat(headers).containsEntry("authorization", "Bearer " + PRODUCTION_TOKEN));
  }

  @Test
  void failsClosedWithoutProductionCredentialsAndNeverTriesTheDevelopmentToken() {
    ConnectionView connection = mcpConnection(false);
    int before = MCP.requests().size();

    long instance = callTool(connection, "add", Map.of("a", 1, "b", 1));

    assertThat(records.awaitIncident(instance))
        .isEqualTo("connection '" + keyOf(connection) + "' has no credentials for PRODUCTION");
    assertThat(MCP.requests()).hasSize(before);
  }

  @Test
  void anUnknownToolIsAnIncidentNamingTheTools() {
    ConnectionView connection = mcpConnection(true);

    long instance = callTool(connection, "forecast", Map.of());

    assertThat(records.awaitIncident(instance))
        .contains("has no tool 'forecast'; it has: add, echo");
  }

  /**
   * An HTTP MCP integration pointing at the test server; DEVELOPMENT and, if asked, PRODUCTION
   * tokens.
   */
  private ConnectionView mcpConnection(boolean withProduction) {
    ConnectionView connection =
        connections.connection(
            IntegrationType.MCP, AuthScheme.BEARER, Map.of("transport", "HTTP", "url", MCP.url()));
    connections.credentials(
        connection, Environment.DEVELOPMENT, Map.of(FieldCatalog.TOKEN, DEVELOPMENT_TOKEN));
    if (withProduction) {
      connections.credentials(
          connection, Environment.PRODUCTION, Map.of(FieldCatalog.TOKEN, PRODUCTION_TOKEN));
    }
    return connection;
  }

  private static McpHttpTestServer startServer() {
    try {
      return McpHttpTestServer.streamable(Map.of("Authorization", "Bearer " + PRODUCTION_TOKEN));
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  /** Starts the example process: {@code toolName} of {@code connection}, with {@code arguments}. */
  private long callTool(ConnectionView connection, String toolName, Map<String, ?> arguments) {
    return start(
        Map.of("connection", keyOf(connection), "toolName", toolName, "arguments", arguments));
  }
}
