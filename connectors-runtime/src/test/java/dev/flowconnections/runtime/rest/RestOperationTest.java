package dev.flowconnections.runtime.rest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.flowconnections.integration.AuthScheme;
import dev.flowconnections.integration.openapi.ApiOperation;
import dev.flowconnections.integration.openapi.ApiParameter;
import dev.flowconnections.integration.openapi.ApiSpec;
import dev.flowconnections.runtime.testsupport.RecordingHttpServer.Reply;
import dev.flowconnections.runtime.testsupport.WorkerTestContext;
import io.camunda.connector.api.error.ConnectorInputException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * A task that names an operation of the connection's OpenAPI document: the worker takes method and
 * path from the document and substitutes the path parameters, each as one encoded segment.
 */
@Tag("fast")
class RestOperationTest {

  private static final ApiSpec DOCUMENT =
      new ApiSpec(
          UUID.randomUUID(),
          UUID.randomUUID(),
          1,
          "Orders",
          "2.0.0",
          "hash",
          null,
          List.of(
              new ApiOperation(
                  "getOrderItem",
                  "One item of an order",
                  "GET",
                  "/orders/{orderId}/items/{item-no}",
                  List.of(
                      new ApiParameter("orderId", "string", "The order", true),
                      new ApiParameter("item-no", "integer", "Position", true)),
                  List.of(),
                  false),
              new ApiOperation(
                  "cancelOrder",
                  "Cancel",
                  "DELETE",
                  "/orders/{orderId}",
                  List.of(new ApiParameter("orderId", "string", null, true)),
                  List.of(),
                  false)),
          true,
          Instant.EPOCH,
          "admin");

  private final RestTestFixture fixture = new RestTestFixture();

  @BeforeEach
  void connection() {
    fixture
        .connection(
            AuthScheme.BEARER,
            Map.of("baseUrl", fixture.server.baseUrl() + "/api"),
            Map.of("token", "tok-1234"))
        .document(DOCUMENT);
    fixture.server.respond(Reply.json(200, "{\"ok\":true}"));
  }

  @AfterEach
  void close() {
    fixture.close();
  }

  @Test
  void takesMethodAndPathFromTheOperationAndEncodesPathParameters() {
    RestResponse response =
        (RestResponse)
            fixture.execute(
                Map.of(
                    "method", "POST", // the operation's method wins
                    "path", "/ignored",
                    "operation", "getOrderItem",
                    "pathParameters", Map.of("orderId", "A 1/ä?#", "item_no", "7"),
                    "queryParameters", Map.of("expand", "all")));

    assertThat(response.status()).isEqualTo(200);
    var request = fixture.server.lastRequest();
    assertThat(request.method()).isEqualTo("GET");
    assertThat(request.rawPath()).isEqualTo("/api/orders/A%201%2F%C3%A4%3F%23/items/7");
    assertThat(request.query()).containsEntry("expand", "all");
    assertThat(request.header("Authorization")).isEqualTo("Bearer tok-1234");
  }

  @Test
  void aMethodIsNotNeededWithAnOperation() {
    // the template hides Method while an operation is chosen: the job has no method variable
    fixture
        .function()
        .execute(
            new WorkerTestContext(
                RestFunction.TYPE,
                Map.of(
                    "connection",
                    RestTestFixture.KEY,
                    "operation",
                    "cancelOrder",
                    "pathParameters",
                    Map.of("orderId", "42"))));

    assertThat(fixture.server.lastRequest().method()).isEqualTo("DELETE");
    assertThat(fixture.server.lastRequest().rawPath()).isEqualTo("/api/orders/42");
  }

  @Test
  void aTraversalInAPathParameterIsNeverFollowed() {
    for (String attempt : List.of("../admin", "..", ".")) {
      assertThatThrownBy(
              () ->
                  fixture.execute(
                      Map.of(
                          "operation",
                          "cancelOrder",
                          "pathParameters",
                          Map.of("orderId", attempt))))
          .as(attempt)
          .isInstanceOf(ConnectorInputException.class)
          .hasMessageContaining("orderId");
    }
    assertThat(fixture.server.requests()).isEmpty();

    // already encoded: the '%' is encoded too, so the server sees the text, not a separator
    for (String attempt : List.of("..%2Fadmin", "%2e%2e")) {
      fixture.execute(
          Map.of("operation", "cancelOrder", "pathParameters", Map.of("orderId", attempt)));
      String path = fixture.server.lastRequest().rawPath();
      assertThat(path).as(attempt).startsWith("/api/orders/").doesNotContain("/admin");
      assertThat(path.substring("/api/orders/".length())).doesNotContain("/").contains("%25");
    }
  }

  @Test
  void anUnknownOperationIsAnIncidentNamingIt() {
    assertThatThrownBy(() -> fixture.execute(Map.of("operation", "deleteEverything")))
        .isInstanceOf(ConnectorInputException.class)
        .hasMessageContaining("operation 'deleteEverything' is not in the OpenAPI document")
        .hasMessageContaining("Orders 2.0.0");
    assertThat(fixture.server.requests()).isEmpty();
  }

  @Test
  void aMissingPathParameterIsAnIncidentNamingIt() {
    assertThatThrownBy(
            () ->
                fixture.execute(
                    Map.of("operation", "getOrderItem", "pathParameters", Map.of("orderId", "42"))))
        .isInstanceOf(ConnectorInputException.class)
        .hasMessageContaining("path parameter 'item-no' of operation 'getOrderItem' is required");
    assertThat(fixture.server.requests()).isEmpty();
  }

  @Test
  void anOperationNeedsADocument() {
    fixture.document(null);

    assertThatThrownBy(() -> fixture.execute(Map.of("operation", "cancelOrder")))
        .isInstanceOf(ConnectorInputException.class)
        .hasMessageContaining("has no imported OpenAPI document");
  }
}
