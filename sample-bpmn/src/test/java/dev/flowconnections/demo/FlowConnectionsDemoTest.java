package dev.flowconnections.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.flowconnections.catalogue.SystemCatalogue;
import dev.flowconnections.connection.ConnectionService;
import dev.flowconnections.connection.EnvironmentStatus;
import dev.flowconnections.environment.Environment;
import dev.flowconnections.integration.Integration;
import dev.flowconnections.integration.IntegrationFilter;
import dev.flowconnections.integration.IntegrationScope;
import dev.flowconnections.integration.IntegrationService;
import dev.flowconnections.runtime.testsupport.RuntimeTestSupport;
import dev.flowconnections.sample.support.ConnectionsFixture;
import dev.flowconnections.testsupport.PostgresTestSchema;
import io.camunda.client.CamundaClient;
import io.camunda.client.api.response.ProcessInstanceResult;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ConnectException;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The demo as started by spring-boot:run, on free ports and a test schema: seeded, deployed,
 * working.
 */
@SpringBootTest(
    classes = FlowConnectionsDemo.class,
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles(FlowConnectionsDemo.PROFILE)
class FlowConnectionsDemoTest {

  static final int ENGINE_PORT = freePort();

  @DynamicPropertySource
  static void properties(DynamicPropertyRegistry registry) {
    PostgresTestSchema.register(registry);
    registry.add(
        "flow-connections.encryption.master-key", () -> RuntimeTestSupport.TEST_MASTER_KEY);
    registry.add("flow-connections.demo.engine-port", () -> ENGINE_PORT);
    registry.add("flow-connections.demo.echo-port", () -> 0);
    registry.add("camunda.client.grpc-address", () -> "http://127.0.0.1:" + ENGINE_PORT);
  }

  @LocalServerPort int port;
  @Autowired CamundaClient client;
  @Autowired ConnectionService connections;
  @Autowired DemoConnectionSeeder seeder;
  @Autowired IntegrationService integrations;

  @Test
  @SuppressWarnings("unchecked")
  void seedsTheEchoConnectionForDevelopmentAndRunsTheExampleAgainstIt() {
    var seeded = connections.list(ConnectionsFixture.ADMIN, "demo-echo", null, null);
    assertThat(seeded)
        .singleElement()
        .satisfies(
            view -> {
              assertThat(view.integration().name()).isEqualTo("Demo Echo API");
              assertThat(view.statuses())
                  .containsEntry(Environment.DEVELOPMENT, EnvironmentStatus.CONFIGURED);
            });

    seeder.run(null); // a restart seeds nothing twice
    assertThat(connections.list(ConnectionsFixture.ADMIN, "demo-echo", null, null)).hasSize(1);

    ProcessInstanceResult result =
        client
            .newCreateInstanceCommand()
            .bpmnProcessId("rest-connection-example")
            .latestVersion()
            .variables(
                Map.of(
                    "connection",
                    "demo-echo",
                    "path",
                    "/orders/42",
                    "queryParameters",
                    Map.of("q", "x")))
            .withResult()
            .requestTimeout(Duration.ofSeconds(60))
            .send()
            .join();

    assertThat(result.getVariablesAsMap()).containsEntry("responseStatus", 200);
    assertThat((Map<String, Object>) result.getVariablesAsMap().get("responseBody"))
        .containsEntry("method", "GET")
        .containsEntry("path", "/demo/echo/orders/42")
        .containsEntry("query", "q=x")
        .containsEntry("authorizationPresent", true)
        .hasEntrySatisfying(
            "headerNames",
            names -> assertThat((java.util.List<String>) names).contains("authorization"));
  }

  /** A fresh start offers the System catalogue: nobody types OpenAI's or Twilio's base URL. */
  @Test
  void aFreshStartOffersTheSystemCatalogue() {
    var system =
        integrations.list(
            ConnectionsFixture.ADMIN,
            new IntegrationFilter(null, null, IntegrationScope.SYSTEM, null));

    assertThat(system)
        .extracting(Integration::name)
        .contains("OpenAI", "Twilio", "Amazon S3", "PostgreSQL", "MCP server (HTTP)");
    assertThat(system).hasSize(SystemCatalogue.load(new ObjectMapper()).entries().size());
  }

  @Test
  void theRunEndpointShowsWhatTheWorkerDid() throws Exception {
    JsonNode completed =
        run("rest-connection-example", "{\"connection\": \"demo-echo\", \"path\": \"/hello\"}");
    assertThat(completed.get("state").asText()).isEqualTo("COMPLETED");
    assertThat(completed.at("/variables/responseStatus").asInt()).isEqualTo(200);
    assertThat(completed.at("/variables/responseBody/path").asText()).isEqualTo("/demo/echo/hello");

    JsonNode incident =
        run("rest-connection-example", "{\"connection\": \"no-such-connection\", \"path\": \"/\"}");
    assertThat(incident.get("state").asText()).isEqualTo("INCIDENT");
    assertThat(incident.get("incident").asText())
        .isEqualTo("connection 'no-such-connection' does not exist");

    JsonNode agent = run("ai-agent-demo", "{\"question\": \"What does the echo API say?\"}");
    assertThat(agent.get("state").asText()).isEqualTo("COMPLETED");
    assertThat(agent.at("/variables/answer").asText())
        .startsWith("The tool answered: ")
        .contains("/demo/echo/orders/42")
        .contains("\"authorizationPresent\":true");

    JsonNode templated = run("templated-rest-example", "{\"name\": \"ada\"}");
    assertThat(templated.get("state").asText()).isEqualTo("COMPLETED");
    assertThat(templated.at("/variables/greetingStatus").asInt()).isEqualTo(200);
    assertThat(templated.at("/variables/greetedPath").asText())
        .isEqualTo("/demo/echo/greetings/ada");

    HttpResponse<String> unknown = post("/api/demo/processes/no-such-process/run", "{}");
    assertThat(unknown.statusCode()).isEqualTo(404);
    assertThat(unknown.headers().firstValue("Content-Type"))
        .hasValueSatisfying(v -> assertThat(v).contains("problem+json"));
  }

  /**
   * Issue 13, item 7: the engine has no authentication, so it must not be reachable from the
   * network. The machine's own non-loopback address stands in for "the network" (traffic to it
   * stays on this machine).
   */
  @Test
  void theEngineListensOnLoopbackOnly() throws Exception {
    try (Socket loopback = new Socket()) {
      loopback.connect(new InetSocketAddress("127.0.0.1", ENGINE_PORT), 5_000);
    }
    InetAddress external =
        NetworkInterface.networkInterfaces()
            .flatMap(NetworkInterface::inetAddresses)
            .filter(
                address ->
                    address instanceof Inet4Address
                        && !address.isLoopbackAddress()
                        && !address.isLinkLocalAddress())
            .findFirst()
            .orElse(null);
    Assumptions.assumeTrue(
        external != null,
        "this machine has no non-loopback IPv4 address to try the engine port on");

    try (Socket fromTheNetwork = new Socket()) {
      assertThatThrownBy(
              () -> fromTheNetwork.connect(new InetSocketAddress(external, ENGINE_PORT), 5_000))
          .as("engine port on " + external.getHostAddress())
          .isInstanceOf(ConnectException.class);
    }
  }

  private JsonNode run(String processId, String variables) throws Exception {
    HttpResponse<String> response = post("/api/demo/processes/" + processId + "/run", variables);
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    return new ObjectMapper().readTree(response.body());
  }

  private HttpResponse<String> post(String path, String body) throws Exception {
    HttpRequest request =
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
            .header(
                "Authorization",
                "Basic " + Base64.getEncoder().encodeToString("modeler:modeler".getBytes()))
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(body))
            .build();
    return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
  }

  private static int freePort() {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
