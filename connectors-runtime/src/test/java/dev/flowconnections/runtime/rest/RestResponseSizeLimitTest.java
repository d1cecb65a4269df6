package dev.flowconnections.runtime.rest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import dev.flowconnections.credential.SecretValues;
import dev.flowconnections.environment.Environment;
import dev.flowconnections.fields.FieldCatalog;
import dev.flowconnections.integration.AuthScheme;
import dev.flowconnections.integration.IntegrationType;
import dev.flowconnections.resolution.ResolvedConnection;
import dev.flowconnections.resolution.RuntimeEnvironment;
import io.camunda.connector.api.error.ConnectorException;
import io.camunda.connector.jackson.ConnectorsObjectMapperSupplier;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.util.unit.DataSize;

/**
 * Response bodies become process variables, so they are read only up to {@code
 * flow-connections.rest.max-response-size}: with and without a declared length.
 */
@Tag("fast")
class RestResponseSizeLimitTest {

  private static final int LIMIT = 100;
  private static final String TOKEN = "tok-size-limit-1";

  private HttpServer server;
  private RestService rest;
  private ResolvedConnection connection;

  @BeforeEach
  void start() throws IOException {
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    serve("/declared/at-limit", "a".repeat(LIMIT), true);
    serve("/declared/over-limit", "b".repeat(LIMIT + 1), true);
    serve("/chunked/at-limit", "c".repeat(LIMIT), false);
    serve("/chunked/over-limit", TOKEN + "d".repeat(5 * LIMIT), false);
    server.start();
    String baseUrl = "http://127.0.0.1:" + server.getAddress().getPort();
    connection =
        new ResolvedConnection(
            "big",
            "Big API",
            IntegrationType.REST_API,
            AuthScheme.BEARER,
            Environment.DEVELOPMENT,
            Map.of(FieldCatalog.BASE_URL, baseUrl),
            SecretValues.of(Map.of(FieldCatalog.TOKEN, TOKEN)));
    rest =
        new RestService(
            (org, key, env, caller) -> connection,
            new RuntimeEnvironment(Environment.DEVELOPMENT, "default"),
            ConnectorsObjectMapperSupplier.getCopy(),
            DataSize.ofBytes(LIMIT));
  }

  @AfterEach
  void stop() {
    server.stop(0);
  }

  @Test
  void bodiesUpToTheLimitAreReturned() {
    assertThat(get("/declared/at-limit").body()).isEqualTo("a".repeat(LIMIT));
    assertThat(get("/chunked/at-limit").body()).isEqualTo("c".repeat(LIMIT));
  }

  @Test
  void aDeclaredLengthOverTheLimitFailsWithoutReadingTheBody() {
    assertThatThrownBy(() -> get("/declared/over-limit"))
        .isInstanceOfSatisfying(
            ConnectorException.class,
            e -> {
              assertThat(e.getErrorCode()).isEqualTo(RestFailures.RESPONSE_TOO_LARGE);
              assertThat(e.getMessage())
                  .isEqualTo(
                      "the response to GET /declared/over-limit is larger than 100 bytes,"
                          + " the limit set by flow-connections.rest.max-response-size");
            });
  }

  @Test
  void aStreamedBodyOverTheLimitFailsAndNothingOfItIsReported() {
    assertThatThrownBy(() -> get("/chunked/over-limit"))
        .isInstanceOfSatisfying(
            ConnectorException.class,
            e -> {
              assertThat(e.getErrorCode()).isEqualTo(RestFailures.RESPONSE_TOO_LARGE);
              assertThat(e.getMessage()).doesNotContain(TOKEN).doesNotContain("ddd");
            });
  }

  @Test
  void headIsNotLimitedByTheLengthItDeclares() {
    RestResponse response =
        rest.call(
            connection,
            new RestRequest(
                "big", HttpMethod.HEAD, "/declared/over-limit", null, null, null, 5, 5));
    assertThat(response.status()).isEqualTo(200);
    assertThat(response.body()).isNull();
  }

  private RestResponse get(String path) {
    return rest.call(
        connection, new RestRequest("big", HttpMethod.GET, path, null, null, null, 5, 5));
  }

  private void serve(String path, String body, boolean declareLength) {
    server.createContext(
        path,
        exchange -> {
          byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
          exchange.getResponseHeaders().add("Content-Type", "text/plain; charset=UTF-8");
          if ("HEAD".equals(exchange.getRequestMethod())) {
            exchange.getResponseHeaders().add("Content-Length", String.valueOf(bytes.length));
            exchange.sendResponseHeaders(200, -1);
            exchange.close();
            return;
          }
          exchange.sendResponseHeaders(200, declareLength ? bytes.length : 0);
          try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
          } catch (IOException e) {
            // the client hung up after the limit: expected for the oversized answers
          }
        });
  }
}
