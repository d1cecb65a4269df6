package dev.flowconnections.runtime.mcp;

import static dev.flowconnections.runtime.testsupport.ApiFixtures.createConnection;
import static dev.flowconnections.runtime.testsupport.ApiFixtures.createIntegration;
import static dev.flowconnections.runtime.testsupport.ApiFixtures.credentials;
import static dev.flowconnections.runtime.testsupport.ApiFixtures.tag;
import static org.assertj.core.api.Assertions.assertThat;

import dev.flowconnections.runtime.testsupport.ApiClient.Response;
import dev.flowconnections.runtime.testsupport.ApiTestBase;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * "Test connection" of MCP connections through the management API, as a user clicks it: created
 * over the API, with credentials per environment, against a real MCP server.
 */
class McpConnectionTestApiTest extends ApiTestBase {

  private static final String TOKEN = "api-mcp-token-58e2";
  private static McpHttpTestServer server;

  @BeforeAll
  static void startServer() throws Exception {
    server = McpHttpTestServer.streamable(Map.of("Authorization", "Bearer " + TOKEN));
  }

  @AfterAll
  static void stopServer() throws Exception {
    server.close();
  }

  @Test
  void testsTheEnvironmentsOwnCredentialsAndKeepsTheOutcome() {
    String integration =
        createIntegration(
            admin,
            Map.of(
                "name",
                "MCP " + tag(),
                "type",
                "MCP",
                "authScheme",
                "BEARER",
                "config",
                Map.of("transport", "HTTP", "url", server.url())));
    String id =
        createConnection(modeler, integration, "Weather tools " + tag(), "ORGANIZATION")
            .text("/id");
    modeler.put(
        "/api/connections/" + id + "/environments/DEVELOPMENT",
        credentials(Map.of("token", TOKEN)));
    modeler.put(
        "/api/connections/" + id + "/environments/QA",
        credentials(Map.of("token", "stale-qa-token-0b4d")));

    Response development =
        modeler.post("/api/connections/" + id + "/environments/DEVELOPMENT/test", Map.of());
    Response qa = modeler.post("/api/connections/" + id + "/environments/QA/test", Map.of());

    assertThat(development.json().get("ok").asBoolean()).as(development.toString()).isTrue();
    assertThat(development.json().get("message").asText())
        .startsWith("connected to flow-test-server 1.0.0; 8 tools: add");
    assertThat(qa.json().get("ok").asBoolean()).isFalse();
    assertThat(qa.json().get("message").asText())
        .matches(
            "the MCP server rejected the credentials of connection '[^']+' in QA \\(HTTP 401\\)");
    assertThat(modeler.get("/api/connections/" + id).json().at("/credentialStatus/label").asText())
        .isEqualTo("2 of 4 environments configured, 1 failing");
    assertThat(api.transcript())
        .noneMatch(
            exchange -> exchange.contains(TOKEN) || exchange.contains("stale-qa-token-0b4d"));
  }
}
