package dev.flowconnections.sample;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flowconnections.runtime.testsupport.RuntimeTestSupport;
import dev.flowconnections.sample.support.ChildJvm;
import dev.flowconnections.testsupport.PostgresTestSchema;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.stream.Stream;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The executable jar an operator runs (and the container image layers) starts with nothing but the
 * environment variables docs/deploy.md lists. The module tests run the runtime from its test class
 * path, which once hid a dependency the jar lacked (the FEEL engine, declared test-only): the jar
 * stopped at start with NoClassDefFoundError while every test passed.
 *
 * <p>Needs the jar of {@code mvn verify} (connectors-runtime is packaged before sample-bpmn's tests
 * run); a {@code test}-only run skips this.
 */
class PackagedRuntimeTest {

  private static final String PORT = "Tomcat started on port (\\d+)";
  private static final Duration START = Duration.ofMinutes(3);

  @TempDir Path temp;

  @Test
  void theExecutableJarStartsFromTheDocumentedVariablesAndStopsOnSigterm() throws Exception {
    Optional<Path> jar = executableJar();
    Assumptions.assumeTrue(jar.isPresent(), "connectors-runtime's exec jar is built by mvn verify");
    int grpcPort = closedPort();
    int restPort = closedPort();
    try (ChildJvm runtime =
        ChildJvm.startJar(
            temp.resolve("runtime.log"),
            jar.get(),
            "512m",
            env -> {
              env.keySet()
                  .removeIf(
                      name -> name.startsWith("CAMUNDA_") || name.startsWith("FLOW_CONNECTIONS_"));
              env.put("FLOW_CONNECTIONS_ENVIRONMENT", "PRODUCTION");
              env.put("FLOW_CONNECTIONS_ENCRYPTION_MASTER_KEY", RuntimeTestSupport.TEST_MASTER_KEY);
              env.put(
                  "FLOW_CONNECTIONS_DB_URL",
                  PostgresTestSchema.jdbcUrl(PostgresTestSchema.extraSchema()));
              env.put("FLOW_CONNECTIONS_DB_USER", PostgresTestSchema.USER);
              env.put("FLOW_CONNECTIONS_DB_PASSWORD", PostgresTestSchema.PASSWORD);
              env.put("CAMUNDA_CLIENT_MODE", "self-managed");
              env.put(
                  "CAMUNDA_CLIENT_GRPCADDRESS",
                  "http://127.0.0.1:" + grpcPort); // no cluster: readiness says so
              env.put("CAMUNDA_CLIENT_RESTADDRESS", "http://127.0.0.1:" + restPort);
              env.put("SERVER_PORT", "0");
            })) {
      int port = Integer.parseInt(runtime.awaitLine(PORT).group(1));

      // Tomcat listens before the application has started: liveness turns UP once it has
      Awaitility.await("liveness UP")
          .atMost(START)
          .pollInterval(Duration.ofMillis(250))
          .until(() -> get(port, "/actuator/health/liveness"), status -> status == 200);
      assertThat(get(port, "/actuator/health/readiness"))
          .as("readiness without a cluster")
          .isEqualTo(503);
      assertThat(runtime.output())
          .doesNotContain(RuntimeTestSupport.TEST_MASTER_KEY)
          .doesNotContain("NoClassDefFoundError")
          .doesNotContain("ClassNotFoundException");

      // SIGTERM, as a container runtime stops it
      assertThat(runtime.terminate()).as("exit code after SIGTERM").isIn(0, 143);
    }
  }

  private static Optional<Path> executableJar() throws IOException {
    Path target = Path.of("..", "connectors-runtime", "target");
    if (!Files.isDirectory(target)) {
      return Optional.empty();
    }
    try (Stream<Path> files = Files.list(target)) {
      return files
          .filter(file -> file.getFileName().toString().matches("connectors-runtime-.*-exec\\.jar"))
          .findFirst();
    }
  }

  private static int get(int port, String path) throws Exception {
    try (HttpClient http = HttpClient.newHttpClient()) {
      HttpRequest request =
          HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
              .timeout(Duration.ofSeconds(30))
              .build();
      return http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
    }
  }

  private static int closedPort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }
}
