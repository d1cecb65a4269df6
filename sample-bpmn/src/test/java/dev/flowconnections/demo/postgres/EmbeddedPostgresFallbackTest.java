package dev.flowconnections.demo.postgres;

import static dev.flowconnections.demo.postgres.EmbeddedPostgresTest.awaitGone;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.flowconnections.demo.FlowConnectionsDemo;
import dev.flowconnections.runtime.FlowConnectionsRuntime;
import dev.flowconnections.runtime.testsupport.RuntimeTestSupport;
import dev.flowconnections.sample.support.ChildJvm;
import dev.flowconnections.testsupport.PostgresTestSchema;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.CleanupMode;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/**
 * Issue 14: the demo with nothing but a JDK. Where no PostgreSQL answers it starts its own, says so
 * in one line and keeps the data for the next start; nothing else ever falls back to it.
 */
@ExtendWith(OutputCaptureExtension.class)
class EmbeddedPostgresFallbackTest {

  private static final String DEMO_DATABASE = "flow_connections_demo";
  private static final String FALLBACK_LINE =
      "No PostgreSQL at 127.0.0.1:(\\d+); started an embedded PostgreSQL (17\\.\\d+) with its data in (\\S+) \\(demo only\\)";

  @TempDir(cleanup = CleanupMode.ON_SUCCESS)
  Path temp;

  /** As {@code bin/demo} runs it (its own JVM, ended with SIGTERM), twice on the same folder. */
  @Test
  void withNoServerAtTheUrlTheDemoRunsOnItsOwnAndKeepsTheDataForTheNextStart() throws Exception {
    int closedPort = closedPort();
    Path dir = temp.resolve("postgres");
    // the seeded integration keeps the echo endpoint's address of the first start, as bin/demo's
    // fixed 8099
    int echoPort = closedPort();
    String password;

    try (ChildJvm demo =
        ChildJvm.start(
            temp.resolve("first.out"),
            FlowConnectionsDemo.class,
            demoArguments(closedPort, echoPort, dir))) {
      Matcher fallback = demo.awaitLine(FALLBACK_LINE);
      assertThat(fallback.group(1)).isEqualTo(String.valueOf(closedPort));
      assertThat(Path.of(fallback.group(3))).isEqualTo(dir);
      // the schema was migrated into it, the demo connection seeded and the example run through the
      // worker
      demo.awaitLine("Demo: example instance \\S+ completed: responseStatus=200");
      int port = Integer.parseInt(demo.awaitLine("Tomcat started on port (\\d+)").group(1));

      HttpResponse<String> created =
          call(
              port,
              "admin:admin",
              "POST",
              "/api/integrations",
              """
          {"name": "Orders API", "type": "REST_API", "authScheme": "API_KEY", "configMode": "SAME_FOR_ALL",
           "config": {"baseUrl": "http://127.0.0.1:8099/demo/echo", "apiKeyName": "X-Api-Key", "apiKeyLocation": "HEADER"}}""");
      assertThat(created.statusCode()).as(created.body()).isBetween(200, 201);
      JsonNode run =
          json(
              call(
                  port,
                  "modeler:modeler",
                  "POST",
                  "/api/demo/processes/rest-connection-example/run",
                  "{\"connection\": \"demo-echo\", \"path\": \"/hello\"}"));
      assertThat(run.get("state").asText()).as(run.toString()).isEqualTo("COMPLETED");

      long postgres = postmasterPid(dir);
      password = Files.readString(dir.resolve("password")).strip();
      demo.terminate();
      awaitGone(postgres);
      assertThat(demo.output())
          .containsOnlyOnce("started an embedded PostgreSQL")
          .doesNotContain(password);
    }

    try (ChildJvm demo =
        ChildJvm.start(
            temp.resolve("second.out"),
            FlowConnectionsDemo.class,
            demoArguments(closedPort(), echoPort, dir))) {
      demo.awaitLine(FALLBACK_LINE);
      demo.awaitLine("Demo: example instance \\S+ completed: responseStatus=200");
      int port = Integer.parseInt(demo.awaitLine("Tomcat started on port (\\d+)").group(1));

      JsonNode integrations = json(call(port, "admin:admin", "GET", "/api/integrations", null));
      assertThat(integrations.findValuesAsText("name"))
          .containsOnlyOnce("Orders API", "Demo Echo API");
      assertThat(Files.readString(dir.resolve("password")).strip())
          .as("not initialized again")
          .isEqualTo(password);

      long postgres = postmasterPid(dir);
      demo.terminate();
      awaitGone(postgres);
    }
  }

  @Test
  void productionNeverFallsBack(CapturedOutput output) {
    Path dir = temp.resolve("production");
    Map<String, Object> settings = new LinkedHashMap<>();
    settings.put("spring.datasource.url", "jdbc:postgresql://127.0.0.1:" + closedPort() + "/test");
    settings.put("flow-connections.environment", "PRODUCTION");
    settings.put("flow-connections.encryption.master-key", RuntimeTestSupport.TEST_MASTER_KEY);
    settings.put("camunda.client.mode", "self-managed");
    settings.put("camunda.client.grpc-address", "http://127.0.0.1:1");
    settings.put("camunda.client.prefer-rest-over-grpc", "false");
    settings.put("server.port", "0");
    // even switched on, the setting does nothing outside the demo profile
    settings.put("flow-connections.demo.embedded-postgres.enabled", "true");
    settings.put("flow-connections.demo.embedded-postgres.dir", dir);

    Throwable failure =
        catchThrowable(
            () ->
                new SpringApplicationBuilder(FlowConnectionsRuntime.class)
                    .run(arguments(settings))
                    .close());

    assertThat(failure).as("the runtime must not start").isNotNull();
    assertThat(output.getOut() + output.getErr())
        .contains("Flow Connections cannot start: the database at jdbc:postgresql://127.0.0.1:")
        .contains("cannot be reached")
        .doesNotContain("embedded PostgreSQL");
    assertThat(dir).doesNotExist();
  }

  @Test
  void aServerThatAnswersButRefusesTheLoginIsAnErrorNotAReasonToFallBack(CapturedOutput output) {
    Path dir = temp.resolve("refused");
    Map<String, Object> settings = new LinkedHashMap<>();
    settings.put("spring.datasource.url", PostgresTestSchema.jdbcUrl());
    settings.put("spring.datasource.username", "fc_no_such_role");
    settings.put("spring.flyway.schemas", PostgresTestSchema.schema());
    settings.put("flow-connections.encryption.master-key", RuntimeTestSupport.TEST_MASTER_KEY);
    settings.put("flow-connections.demo.embedded-postgres.dir", dir);
    settings.put("flow-connections.demo.engine-port", closedPort());
    settings.put("flow-connections.demo.echo-port", "0");
    settings.put("server.port", "0");

    Throwable failure =
        catchThrowable(
            () ->
                new SpringApplicationBuilder(FlowConnectionsDemo.class)
                    .profiles(FlowConnectionsDemo.PROFILE)
                    .run(arguments(settings))
                    .close());

    assertThat(failure).as("the demo must not start").isNotNull();
    assertThat(output.getOut() + output.getErr())
        .contains(
            "Flow Connections cannot start: the database at "
                + PostgresTestSchema.URL
                + " refused the login of user fc_no_such_role")
        .doesNotContain("embedded PostgreSQL");
    assertThat(dir).doesNotExist();
  }

  @Test
  void anEmbeddedServerThatCannotStartIsOneReadableStartupFailure(CapturedOutput output)
      throws IOException {
    Path notAFolder = Files.writeString(temp.resolve("a-file"), "in the way");
    Map<String, Object> settings = new LinkedHashMap<>();
    settings.put("spring.datasource.url", "jdbc:postgresql://127.0.0.1:" + closedPort() + "/test");
    settings.put("flow-connections.demo.embedded-postgres.dir", notAFolder.resolve("postgres"));
    settings.put("flow-connections.encryption.master-key", RuntimeTestSupport.TEST_MASTER_KEY);

    Throwable failure =
        catchThrowable(
            () ->
                new SpringApplicationBuilder(FlowConnectionsDemo.class)
                    .profiles(FlowConnectionsDemo.PROFILE)
                    .run(arguments(settings))
                    .close());

    assertThat(failure).isInstanceOf(EmbeddedPostgresException.class);
    assertThat(output.getOut() + output.getErr())
        .contains("APPLICATION FAILED TO START")
        .contains(
            "Flow Connections cannot start: no PostgreSQL answers at spring.datasource.url and the demo's embedded one did not start: "
                + "cannot create "
                + notAFolder.resolve("postgres"));
  }

  private static String[] demoArguments(int databasePort, int echoPort, Path dir) {
    int enginePort = closedPort();
    Map<String, Object> settings = new LinkedHashMap<>();
    settings.put(
        "spring.datasource.url",
        "jdbc:postgresql://127.0.0.1:" + databasePort + "/test?currentSchema=" + DEMO_DATABASE);
    settings.put("flow-connections.demo.embedded-postgres.dir", dir);
    settings.put("flow-connections.encryption.master-key", RuntimeTestSupport.TEST_MASTER_KEY);
    settings.put("flow-connections.demo.engine-port", enginePort);
    settings.put("camunda.client.grpc-address", "http://127.0.0.1:" + enginePort);
    settings.put("flow-connections.demo.echo-port", echoPort);
    settings.put("server.port", "0");
    return arguments(settings);
  }

  /**
   * As command-line arguments: they override the profile's settings, as environment variables
   * would.
   */
  private static String[] arguments(Map<String, Object> settings) {
    return settings.entrySet().stream()
        .map(e -> "--" + e.getKey() + "=" + e.getValue())
        .toArray(String[]::new);
  }

  private static HttpResponse<String> call(
      int port, String user, String method, String path, String body) throws Exception {
    HttpRequest request =
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
            .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(user.getBytes()))
            .header("Content-Type", "application/json")
            .method(
                method,
                body == null
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString(body))
            .build();
    return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
  }

  private static JsonNode json(HttpResponse<String> response) throws IOException {
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    return new ObjectMapper().readTree(response.body());
  }

  private static long postmasterPid(Path dir) throws IOException {
    return Long.parseLong(Files.readAllLines(dir.resolve("data/postmaster.pid")).get(0).trim());
  }

  /** A port nothing listens on (it was free a moment ago). */
  private static int closedPort() {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
