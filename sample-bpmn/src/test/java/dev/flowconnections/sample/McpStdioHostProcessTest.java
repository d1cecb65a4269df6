package dev.flowconnections.sample;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flowconnections.connection.ConnectionView;
import dev.flowconnections.credential.CredentialLocation;
import dev.flowconnections.credential.CredentialStore;
import dev.flowconnections.credential.SecretValues;
import dev.flowconnections.environment.Environment;
import dev.flowconnections.fields.StdioCommands;
import dev.flowconnections.integration.AuthScheme;
import dev.flowconnections.integration.Integration;
import dev.flowconnections.integration.IntegrationConfig;
import dev.flowconnections.integration.IntegrationRepository;
import dev.flowconnections.integration.IntegrationType;
import dev.flowconnections.runtime.testsupport.RuntimeTestSupport;
import dev.flowconnections.sample.support.ProcessTestRuntime;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Issue 13, item 1 at runtime: {@code mcp-connection-example.bpmn} on the in-memory engine with MCP
 * STDIO connections whose stored rows break the rules (stored before they existed, or under a
 * longer allow-list): a command the operator does not allow, a variable that loads code. Each is an
 * incident and no process starts — the command would create a marker file, and the marker stays
 * absent. A last run with nothing refused creates it, which shows the marker proves what it should.
 */
class McpStdioHostProcessTest extends ExampleProcessTestBase {

  static final ProcessTestRuntime RUNTIME = ProcessTestRuntime.start(Environment.DEVELOPMENT);
  static final Path DIR = temporaryDirectory();
  static final Path ALLOWED_MARKER = DIR.resolve("allowed-command-ran");
  static final Path REFUSED_MARKER = DIR.resolve("refused-command-ran");

  /**
   * Allowed by this runtime's operator (index 2: RuntimeTestSupport lists two test-server
   * commands).
   */
  static final String ALLOWED_TOUCH = "touch '" + ALLOWED_MARKER + "'";

  @DynamicPropertySource
  static void properties(DynamicPropertyRegistry registry) {
    RUNTIME.register(registry);
    registry.add(StdioCommands.PROPERTY + "[2]", () -> ALLOWED_TOUCH);
  }

  @Autowired IntegrationRepository integrationRows;
  @Autowired CredentialStore credentialStore;

  McpStdioHostProcessTest() {
    super(RUNTIME, "mcp-connection-example");
  }

  @Test
  void aStoredCommandTheOperatorDoesNotAllowIsAnIncidentAndNeverRuns() {
    ConnectionView connection = stdioConnection(RuntimeTestSupport.stdioTestServerCommand());
    connections.credentials(connection, Environment.DEVELOPMENT, Map.of());
    // the row as a longer allow-list (or an older version) let it be stored
    rewriteCommand(connection, "touch '" + REFUSED_MARKER + "'");

    long instance =
        start(Map.of("connection", keyOf(connection), "toolName", "add", "arguments", Map.of()));

    assertThat(records.awaitIncident(instance))
        .contains("its 'command' is not one of the STDIO commands this runtime allows");
    assertThat(REFUSED_MARKER).doesNotExist();
  }

  @Test
  void aStoredVariableThatLoadsCodeIsAnIncidentAndNothingStarts() throws Exception {
    ConnectionView connection = stdioConnection(ALLOWED_TOUCH);
    connections.credentials(
        connection,
        Environment.DEVELOPMENT,
        Map.of("environmentVariables", Map.of("REGION", "north")));
    String evil = secret("--import=data:text/javascript,process.exit(0)");
    writeStoredVariables(connection, Map.of("REGION", "north", "NODE_OPTIONS", evil));

    long refused =
        start(Map.of("connection", keyOf(connection), "toolName", "add", "arguments", Map.of()));

    assertThat(records.awaitIncident(refused))
        .isEqualTo(
            "connection '"
                + keyOf(connection)
                + "' in DEVELOPMENT:"
                + " environment variable 'NODE_OPTIONS' changes how a program finds or loads code and is never allowed"
                + " for an MCP server");
    assertThat(ALLOWED_MARKER).as("no process started").doesNotExist();

    // the same connection saved properly (which also drops the cached resolution) starts the
    // command
    connections.credentials(
        connection,
        Environment.DEVELOPMENT,
        Map.of("environmentVariables", Map.of("REGION", "south")));
    start(Map.of("connection", keyOf(connection), "toolName", "add", "arguments", Map.of()));
    Awaitility.await("the command started")
        .atMost(Duration.ofSeconds(120))
        .pollInterval(Duration.ofMillis(50))
        .untilAsserted(() -> assertThat(ALLOWED_MARKER).exists());
  }

  private ConnectionView stdioConnection(String command) {
    Map<String, Object> config = new LinkedHashMap<>();
    config.put("transport", "STDIO");
    config.put("command", command);
    config.put("allowedEnvironmentVariables", Map.of("REGION", "SECRET"));
    return connections.connection(IntegrationType.MCP, AuthScheme.NONE, config);
  }

  private void rewriteCommand(ConnectionView connection, String command) {
    Integration i =
        integrationRows.find("default", connection.connection().integrationId()).orElseThrow();
    Map<String, Object> config =
        new LinkedHashMap<>(
            i.config().forEnvironment(i.configMode(), Environment.DEVELOPMENT).orElseThrow());
    config.put("command", command);
    Integration changed =
        new Integration(
            i.id(),
            i.organizationId(),
            i.name(),
            i.description(),
            i.domainVertical(),
            i.type(),
            i.scope(),
            i.configMode(),
            i.authScheme(),
            i.status(),
            i.openApiSpecUrl(),
            IntegrationConfig.sameForAll(config),
            i.version() + 1,
            i.createdAt(),
            i.createdBy(),
            i.updatedAt(),
            i.updatedBy());
    assertThat(integrationRows.update(changed, i.version())).isTrue();
  }

  /** Writes the credential store directly, as a row stored before the rules existed would be. */
  private void writeStoredVariables(ConnectionView connection, Map<String, String> variables) {
    credentialStore.write(
        new CredentialLocation(
            "default", connection.connection().id(), keyOf(connection), Environment.DEVELOPMENT),
        SecretValues.of(Map.of("environmentVariables", variables)));
  }

  private static Path temporaryDirectory() {
    try {
      return Files.createTempDirectory("mcp-stdio-host");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
