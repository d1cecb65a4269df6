package dev.flowconnections.runtime.mcp;

import static dev.flowconnections.runtime.testsupport.ApiFixtures.createConnection;
import static dev.flowconnections.runtime.testsupport.ApiFixtures.createIntegration;
import static dev.flowconnections.runtime.testsupport.ApiFixtures.credentials;
import static dev.flowconnections.runtime.testsupport.ApiFixtures.tag;
import static dev.flowconnections.runtime.testsupport.ProblemAssert.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.flowconnections.runtime.connectiontest.ConnectionTests;
import dev.flowconnections.runtime.testsupport.ApiClient.Response;
import dev.flowconnections.runtime.testsupport.ApiTestBase;
import dev.flowconnections.runtime.testsupport.RuntimeTestSupport;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Issue 13, item 1: an ordinary USER must not get code execution on the runtime's host through an
 * MCP STDIO connection. Before the fix, {@code environmentVariables = {NODE_OPTIONS:
 * "--import=data:..."}} on an admin's STDIO integration ran the user's code at "test connection",
 * and the server's stderr came back in the test message. The runtime of these tests allows exactly
 * the commands {@link RuntimeTestSupport#register} lists.
 */
class McpStdioHostApiTest extends ApiTestBase {

  private static final String EVIL =
      "--import=data:text/javascript,require('child_process').execSync('id')";

  @Test
  void anOrdinaryUserCannotSetVariablesThatLoadCodeOrThatTheIntegrationDoesNotDeclare() {
    String id = stdioConnection(RuntimeTestSupport.stdioTestServerCommand());
    String path = "/api/connections/" + id + "/environments/DEVELOPMENT";

    for (String name :
        new String[] {
          "NODE_OPTIONS", "LD_PRELOAD", "PATH", "node_options", "PYTHONPATH", "BASH_ENV"
        }) {
      assertProblem(
          modeler.put(path, credentials(Map.of("environmentVariables", Map.of(name, EVIL)))),
          400,
          "fields.environmentVariables." + name);
    }
    assertProblem(
        modeler.put(path, credentials(Map.of("environmentVariables", Map.of("DEBUG", "1")))),
        400,
        "fields.environmentVariables.DEBUG");
    assertProblem(
        modeler.put(
            path,
            credentials(Map.of("plainEnvironmentVariables", Map.of("WEATHER_API_TOKEN", "x")))),
        400,
        "fields.plainEnvironmentVariables.WEATHER_API_TOKEN");
    Response problem =
        modeler.put(
            path,
            credentials(Map.of("plainEnvironmentVariables", Map.of("LD_PRELOAD", "/tmp/x.so"))));
    assertProblem(problem, 400, "fields.plainEnvironmentVariables.LD_PRELOAD");
    assertThat(problem.body()).contains("never allowed").doesNotContain("/tmp/x.so");

    // declared names work: plain ones are shown, secret ones are not
    Response saved =
        modeler.put(
            path,
            credentials(
                Map.of(
                    "environmentVariables",
                    Map.of("WEATHER_API_TOKEN", "tok-3f9a21"),
                    "plainEnvironmentVariables",
                    Map.of("REGION", "north"))));
    assertThat(saved.status()).as(saved.toString()).isEqualTo(200);
    assertThat(saved.body()).contains("north").doesNotContain("tok-3f9a21");
    Response tested = modeler.post(path + "/test", Map.of());
    assertThat(tested.json().get("ok").asBoolean()).as(tested.toString()).isTrue();
  }

  @Test
  void anAdminCannotDeclareVariablesThatLoadCodeNorRunACommandTheOperatorDidNotAllow() {
    Map<String, Object> config = stdioConfig(RuntimeTestSupport.stdioTestServerCommand());
    config.put("allowedEnvironmentVariables", Map.of("NODE_OPTIONS", "PLAIN"));
    assertProblem(
        admin.post("/api/integrations", integration(config)),
        400,
        "config.allowedEnvironmentVariables.NODE_OPTIONS");
    config.put("allowedEnvironmentVariables", Map.of("Ld_Library_Path", "SECRET"));
    assertProblem(
        admin.post("/api/integrations", integration(config)),
        400,
        "config.allowedEnvironmentVariables.Ld_Library_Path");
    config.put("allowedEnvironmentVariables", Map.of("REGION", "MAYBE"));
    assertProblem(
        admin.post("/api/integrations", integration(config)),
        400,
        "config.allowedEnvironmentVariables.REGION");

    Response npx =
        admin.post(
            "/api/integrations",
            integration(stdioConfig("npx -y @modelcontextprotocol/server-everything")));
    JsonNode refused = assertProblem(npx, 400, "config.command");
    assertThat(refused.toString()).contains("flow-connections.mcp.stdio.allowed-commands");
    // an allowed program with other arguments is another command
    assertProblem(
        admin.post(
            "/api/integrations",
            integration(
                stdioConfig(RuntimeTestSupport.stdioTestServerCommand("--print-env", "HOME")))),
        400,
        "config.command");
  }

  @Test
  void testConnectionNeverEchoesWhatTheServerProcessPrinted() {
    // the allowed test server exits at start with "fatal: WEATHER_API_TOKEN is not set" on stderr
    String id =
        stdioConnection(
            RuntimeTestSupport.stdioTestServerCommand("--require-env", "WEATHER_API_TOKEN"));
    String path = "/api/connections/" + id + "/environments/DEVELOPMENT";
    modeler.put(path, credentials(Map.of("plainEnvironmentVariables", Map.of("REGION", "north"))));

    Response byUser = modeler.post(path + "/test", Map.of());
    Response byAdmin = admin.post(path + "/test", Map.of());

    assertThat(byUser.json().get("ok").asBoolean()).as(byUser.toString()).isFalse();
    assertThat(byUser.json().get("message").asText()).isEqualTo(ConnectionTests.NO_ANSWER);
    assertThat(byAdmin.json().get("message").asText())
        .contains("the MCP server process ended with exit code 3; see the runtime log")
        .doesNotContain("fatal")
        .doesNotContain("is not set");
    assertThat(modeler.get("/api/connections/" + id).body())
        .doesNotContain("fatal")
        .doesNotContain("exit code");
  }

  @Test
  void aStoredVariableTheIntegrationNoLongerDeclaresFailsClosedAtRuntime() {
    String integrationId =
        createIntegration(
            admin, integration(stdioConfig(RuntimeTestSupport.stdioTestServerCommand())));
    String id =
        createConnection(modeler, integrationId, "Stdio " + tag(), "ORGANIZATION").text("/id");
    String path = "/api/connections/" + id + "/environments/DEVELOPMENT";
    modeler.put(
        path, credentials(Map.of("environmentVariables", Map.of("WEATHER_API_TOKEN", "tok-77c1"))));
    JsonNode current = admin.get("/api/integrations/" + integrationId).json();
    Map<String, Object> narrowed = stdioConfig(RuntimeTestSupport.stdioTestServerCommand());
    narrowed.put("allowedEnvironmentVariables", Map.of("REGION", "PLAIN"));
    Map<String, Object> update = integration(narrowed);
    update.put("version", current.get("version").asLong());
    update.put("name", current.get("name").asText());
    assertThat(admin.put("/api/integrations/" + integrationId, update).status()).isEqualTo(200);

    Response tested = modeler.post(path + "/test", Map.of());

    assertThat(tested.json().get("ok").asBoolean()).isFalse();
    assertThat(tested.json().get("message").asText())
        .contains("environment variable 'WEATHER_API_TOKEN' is not declared by its integration");
  }

  private String stdioConnection(String command) {
    String integration = createIntegration(admin, integration(stdioConfig(command)));
    return createConnection(modeler, integration, "Stdio " + tag(), "ORGANIZATION").text("/id");
  }

  private static Map<String, Object> stdioConfig(String command) {
    Map<String, Object> config = new LinkedHashMap<>();
    config.put("transport", "STDIO");
    config.put("command", command);
    config.put(
        "allowedEnvironmentVariables", Map.of("WEATHER_API_TOKEN", "SECRET", "REGION", "PLAIN"));
    return config;
  }

  private static Map<String, Object> integration(Map<String, Object> config) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("name", "Local tools " + tag());
    body.put("type", "MCP");
    body.put("authScheme", "NONE");
    body.put("config", config);
    return body;
  }
}
