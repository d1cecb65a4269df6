package dev.flowconnections.runtime.rest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.flowconnections.credential.CredentialStoreUnavailableException;
import dev.flowconnections.integration.AuthScheme;
import dev.flowconnections.integration.IntegrationType;
import dev.flowconnections.resolution.ConnectionResolutionException;
import dev.flowconnections.runtime.testsupport.RecordingHttpServer;
import dev.flowconnections.runtime.testsupport.RecordingHttpServer.Reply;
import dev.flowconnections.runtime.worker.JobFailures;
import io.camunda.connector.api.error.ConnectorException;
import io.camunda.connector.api.error.ConnectorInputException;
import io.camunda.connector.api.error.ConnectorRetryException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** Requests as sent, responses as returned, and which failure becomes what for the runtime. */
@Tag("fast")
class RestServiceTest {

  private final RestTestFixture fixture =
      new RestTestFixture().connection(AuthScheme.BEARER, Map.of(), Map.of("token", "tok-12345"));

  @AfterEach
  void close() {
    fixture.close();
  }

  @Test
  void returnsStatusHeadersAndParsedJsonBody() {
    fixture.server.respond(
        Reply.json(201, "{\"id\":7,\"tags\":[\"a\"]}").withHeader("X-Request-Id", "r-1"));

    RestResponse response =
        (RestResponse) fixture.execute(Map.of("method", "POST", "path", "/orders"));

    assertThat(response.status()).isEqualTo(201);
    assertThat(response.body()).isEqualTo(Map.of("id", 7, "tags", List.of("a")));
    assertThat(response.headers().entrySet())
        .anySatisfy(h -> assertThat(h.getKey()).isEqualToIgnoringCase("X-Request-Id"));
  }

  @Test
  void returnsTextForOtherContentTypesAndForMalformedJson() {
    fixture.server.respond(Reply.text(200, "{not json"));
    assertThat(fixture.get("/a").body()).isEqualTo("{not json");

    fixture.server.respond(Reply.json(200, "{not json"));
    assertThat(fixture.get("/b").body()).isEqualTo("{not json");

    fixture.server.respond(new Reply(204, Map.of(), null));
    assertThat(fixture.get("/c").body()).isNull();
  }

  @Test
  void sendsObjectsAsJsonAndTextAsItIs() {
    fixture.execute(
        Map.of("method", "POST", "path", "/orders", "body", Map.of("item", "book", "qty", 2)));
    RecordingHttpServer.RecordedRequest json = fixture.server.lastRequest();
    assertThat(json.header("Content-Type")).isEqualTo("application/json");
    assertThat(json.body()).contains("\"item\":\"book\"").contains("\"qty\":2");

    fixture.execute(
        Map.of(
            "method",
            "PUT",
            "path",
            "/notes/1",
            "body",
            "hello",
            "headers",
            Map.of("content-type", "text/markdown")));
    RecordingHttpServer.RecordedRequest text = fixture.server.lastRequest();
    assertThat(text.method()).isEqualTo("PUT");
    assertThat(text.headers().get("Content-Type")).containsExactly("text/markdown");
    assertThat(text.body()).isEqualTo("hello");
  }

  @Test
  void headRequestsWork() {
    RestResponse response =
        (RestResponse) fixture.execute(Map.of("method", "HEAD", "path", "/orders"));

    assertThat(response.status()).isEqualTo(200);
    assertThat(fixture.server.lastRequest().method()).isEqualTo("HEAD");
  }

  @Test
  void nonSuccessStatusFailsWithTheStatusAsErrorCode() {
    fixture.server.respond(Reply.json(404, "{\"message\":\"no such order\"}"));

    assertThatThrownBy(() -> fixture.get("/orders/1"))
        .isInstanceOfSatisfying(
            ConnectorException.class,
            e -> {
              assertThat(e.getErrorCode()).isEqualTo("404");
              assertThat(e.getMessage()).isEqualTo("HTTP 404 from GET /orders/1");
              assertThat(e.getErrorVariables())
                  .isEqualTo(Map.of("status", 404, "body", Map.of("message", "no such order")));
            });
  }

  @Test
  void redirectsAreNotFollowed() {
    fixture.server.respond(
        new Reply(302, Map.of("Location", "http://127.0.0.1:1/elsewhere"), null));

    assertThatThrownBy(() -> fixture.get("/moved"))
        .isInstanceOfSatisfying(
            ConnectorException.class, e -> assertThat(e.getErrorCode()).isEqualTo("302"));
    assertThat(fixture.server.requests()).hasSize(1);
  }

  @Test
  void aConnectionOfAnotherTypeIsAConfigurationError() {
    fixture.connection(IntegrationType.DATABASE, AuthScheme.NONE, Map.of(), Map.of());

    assertThatThrownBy(() -> fixture.get("/x"))
        .isInstanceOf(ConnectorInputException.class)
        .hasMessage(
            "connection 'orders-api' is of type Database; the REST worker only serves REST API connections");
    assertThat(fixture.server.requests()).isEmpty();
  }

  @Test
  void resolutionProblemsKeepTheResolversMessage() {
    fixture.resolutionFails(
        new ConnectionResolutionException(
            "connection 'orders-api' has no credentials for PRODUCTION"));

    assertThatThrownBy(() -> fixture.get("/x"))
        .isInstanceOf(ConnectorInputException.class)
        .hasMessage("connection 'orders-api' has no credentials for PRODUCTION");
  }

  @Test
  void anUnavailableCredentialStoreIsRetried() {
    fixture.resolutionFails(
        new CredentialStoreUnavailableException("vault is sealed", new RuntimeException("x")));

    assertThatThrownBy(() -> fixture.get("/x"))
        .isInstanceOfSatisfying(
            ConnectorRetryException.class,
            e -> {
              assertThat(e.getErrorCode()).isEqualTo("CREDENTIAL_STORE_UNAVAILABLE");
              assertThat(e.getRetries())
                  .as("the runtime then uses the job's remaining retries")
                  .isNull();
              assertThat(e.getMessage()).contains("orders-api").contains("vault is sealed");
            });
  }

  @Test
  void anOverloadedApiIsRetriedAfterItsRetryAfterAndOtherStatusesAreCodedAnswers() {
    fixture.connection(AuthScheme.NONE, Map.of(), Map.of());
    fixture.server.respond(
        Reply.json(429, "{\"error\":\"slow down\"}").withHeader("Retry-After", "9"));

    assertThatThrownBy(() -> fixture.get("/orders"))
        .isInstanceOfSatisfying(
            ConnectorRetryException.class,
            e -> {
              assertThat(e.getErrorCode()).isEqualTo("429");
              assertThat(e.getBackoffDuration()).isEqualTo(Duration.ofSeconds(9));
            })
        .hasMessage("HTTP 429 from GET /orders");

    fixture.server.respond(Reply.json(409, "{\"error\":\"taken\"}"));
    assertThatThrownBy(() -> fixture.get("/orders"))
        .isNotInstanceOf(ConnectorRetryException.class)
        .isInstanceOfSatisfying(
            ConnectorException.class,
            e -> {
              assertThat(e.getErrorCode()).isEqualTo("409");
              assertThat(e.getErrorVariables()).containsEntry("status", 409);
            });
  }

  @Test
  void anUnreachableServerIsAConnectionFailure() {
    fixture.connection(AuthScheme.NONE, Map.of("baseUrl", "http://127.0.0.1:1"), Map.of());

    assertThatThrownBy(() -> fixture.get("/x"))
        .isInstanceOfSatisfying(
            ConnectorRetryException.class,
            e -> {
              assertThat(e.getErrorCode()).isEqualTo(JobFailures.CONNECTION_FAILED);
              assertThat(e.getMessage()).startsWith("GET /x failed: ");
              assertThat(e.getCause()).isNull();
            });
  }

  @Test
  void restrictedHeadersAreRejectedByName() {
    assertThatThrownBy(
            () -> fixture.execute(Map.of("path", "/x", "headers", Map.of("Host", "evil.example"))))
        .isInstanceOf(ConnectorInputException.class)
        .hasMessage("header 'Host' cannot be sent: restricted name or invalid value");
    assertThat(fixture.server.requests()).isEmpty();
  }
}
