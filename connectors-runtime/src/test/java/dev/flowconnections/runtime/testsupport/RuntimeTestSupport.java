package dev.flowconnections.runtime.testsupport;

import dev.flowconnections.environment.Environment;
import dev.flowconnections.fields.StdioCommands;
import dev.flowconnections.testsupport.PostgresTestSchema;
import io.camunda.zeebe.process.test.api.ZeebeTestEngine;
import io.camunda.zeebe.process.test.engine.EngineFactory;
import java.nio.file.Path;
import java.util.List;
import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * Wiring for tests that boot the runtime: the real PostgreSQL (fresh schema), an in-memory Zeebe
 * engine, a fixed test master key and the environment under test.
 *
 * <p>Each test class that boots the runtime starts its own engine. Spring caches contexts across
 * classes, and a cached runtime keeps polling its engine for jobs; with one engine per class, a
 * DEVELOPMENT runtime can never take the jobs meant for a PRODUCTION one.
 */
public final class RuntimeTestSupport {

  /** Test-only AES-256 master key (base64 of 32 bytes). */
  public static final String TEST_MASTER_KEY = "dGVzdC1vbmx5LW1hc3Rlci1rZXktMzItYnl0ZXMhISE=";

  private RuntimeTestSupport() {}

  public static ZeebeTestEngine startEngine() {
    ZeebeTestEngine engine = EngineFactory.create();
    engine.start();
    return engine;
  }

  public static void register(
      DynamicPropertyRegistry registry, ZeebeTestEngine engine, Environment environment) {
    PostgresTestSchema.register(registry);
    registry.add("camunda.client.mode", () -> "self-managed");
    registry.add("camunda.client.grpc-address", () -> "http://" + engine.getGatewayAddress());
    registry.add(
        "camunda.client.prefer-rest-over-grpc", () -> "false"); // the engine has no REST API
    registry.add("flow-connections.environment", environment::name);
    registry.add("flow-connections.encryption.master-key", () -> TEST_MASTER_KEY);
    // a loopback address denied by the operator: NetworkPolicyApiTest proves nothing reaches it
    registry.add("flow-connections.network.deny[0]", () -> "127.0.0.2/32");
    // the operator's allow-list of MCP STDIO commands: the test server, plain and failing at start
    List<String> stdio =
        List.of(
            stdioTestServerCommand(), stdioTestServerCommand("--require-env", "WEATHER_API_TOKEN"));
    for (int i = 0; i < stdio.size(); i++) {
      String command = stdio.get(i);
      registry.add(StdioCommands.PROPERTY + "[" + i + "]", () -> command);
    }
  }

  /**
   * The command line that starts the MCP test server ({@code McpStdioTestServer}, test classpath)
   * in its own JVM, each word quoted for the runtime's command parser.
   */
  public static String stdioTestServerCommand(String... args) {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    StringBuilder command =
        new StringBuilder(quote(java))
            .append(" -XX:TieredStopAtLevel=1 -Xshare:auto -cp ")
            .append(quote(System.getProperty("java.class.path")))
            .append(' ')
            .append("dev.flowconnections.runtime.mcp.McpStdioTestServer");
    for (String arg : args) {
      command.append(' ').append(quote(arg));
    }
    return command.toString();
  }

  private static String quote(String word) {
    return "'" + word.replace("'", "'\\''") + "'";
  }
}
