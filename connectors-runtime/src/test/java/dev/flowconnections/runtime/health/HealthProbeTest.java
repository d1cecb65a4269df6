package dev.flowconnections.runtime.health;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The image's health check command against a real HTTP server standing in for the actuator: UP only
 * for 200, DOWN for 503 and for a port nobody listens on. (bin/image-check runs it inside the image
 * against the real runtime.)
 */
@Tag("fast")
class HealthProbeTest {

  HttpServer server;

  @BeforeEach
  void start() throws IOException {
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext(
        "/actuator/health/liveness", exchange -> respond(exchange, 200, "{\"status\":\"UP\"}"));
    server.createContext(
        "/actuator/health/readiness", exchange -> respond(exchange, 503, "{\"status\":\"DOWN\"}"));
    server.start();
  }

  @AfterEach
  void stop() {
    server.stop(0);
  }

  @Test
  void upOnlyWhenTheGroupAnswers200() {
    Map<String, String> environment = Map.of("PORT", String.valueOf(server.getAddress().getPort()));

    assertThat(HealthProbe.check(HealthProbe.url(environment, HealthProbe.DEFAULT_PATH)))
        .startsWith("UP ");
    assertThat(HealthProbe.check(HealthProbe.url(environment, "/actuator/health/readiness")))
        .startsWith("DOWN ")
        .endsWith("HTTP 503");
  }

  @Test
  void downWhenNothingListens() throws IOException {
    int closedPort;
    try (ServerSocket socket = new ServerSocket(0)) {
      closedPort = socket.getLocalPort();
    }

    assertThat(
            HealthProbe.check(
                HealthProbe.url(
                    Map.of("PORT", String.valueOf(closedPort)), HealthProbe.DEFAULT_PATH)))
        .startsWith("DOWN ")
        .contains("ConnectException");
  }

  @Test
  void portDefaultsTo8080AndMustBeANumber() {
    assertThat(HealthProbe.url(Map.of(), HealthProbe.DEFAULT_PATH))
        .isEqualTo(URI.create("http://127.0.0.1:8080/actuator/health/liveness"));
    assertThatThrownBy(() -> HealthProbe.url(Map.of("PORT", "80; rm"), HealthProbe.DEFAULT_PATH))
        .hasMessageContaining("PORT must be a port number");
  }

  private static void respond(com.sun.net.httpserver.HttpExchange exchange, int status, String body)
      throws IOException {
    byte[] bytes = body.getBytes();
    exchange.sendResponseHeaders(status, bytes.length);
    exchange.getResponseBody().write(bytes);
    exchange.close();
  }
}
