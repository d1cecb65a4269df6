package dev.flowconnections.runtime.rest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.flowconnections.integration.AuthScheme;
import dev.flowconnections.runtime.testsupport.RecordingHttpServer.Reply;
import dev.flowconnections.runtime.worker.ConnectionProblem;
import io.camunda.connector.api.error.ConnectorException;
import io.camunda.connector.api.error.ConnectorInputException;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The REST worker as an AI agent's tool (header agentTool=true): what the model can act on comes
 * back as the tool's result, a refused credential stays an incident; without the header nothing
 * changes.
 */
@Tag("fast")
class RestAgentToolTest {

  static final String TOKEN = "tok-5f2a9c71";

  private final RestTestFixture fixture =
      new RestTestFixture().connection(AuthScheme.BEARER, Map.of(), Map.of("token", TOKEN));

  @AfterEach
  void close() {
    fixture.close();
  }

  @Test
  void a404CompletesWithTheErrorAsTheToolsResult() {
    fixture.server.respond(Reply.json(404, "{\"message\":\"no such order\"}"));

    Object result = fixture.executeAsTool(Map.of("path", "/orders/1"));

    assertThat(result)
        .isEqualTo(
            Map.of(
                "error",
                Map.of(
                    "code",
                    "404",
                    "message",
                    "HTTP 404 from GET /orders/1",
                    "details",
                    Map.of("status", 404, "body", Map.of("message", "no such order")))));
  }

  @Test
  void a401IsAnIncidentNotAToolResult() {
    fixture.server.respond(Reply.json(401, "{\"error\":\"bad token " + TOKEN + "\"}"));

    assertThatThrownBy(() -> fixture.executeAsTool(Map.of("path", "/orders/1")))
        .isInstanceOf(ConnectionProblem.class)
        .hasMessage("HTTP 401 from GET /orders/1");
  }

  @Test
  void a403IsAnIncidentNotAToolResult() {
    fixture.server.respond(Reply.json(403, "{}"));

    assertThatThrownBy(() -> fixture.executeAsTool(Map.of("path", "/orders/1")))
        .isInstanceOf(ConnectionProblem.class);
  }

  @Test
  void aValidationFailureCompletesWithAnErrorNamingTheField() {
    Object result = fixture.executeAsTool(Map.of("path", "/orders", "readTimeoutInSeconds", 0));

    assertThat(result).isInstanceOf(Map.class);
    @SuppressWarnings("unchecked")
    Map<String, Object> error = (Map<String, Object>) ((Map<String, Object>) result).get("error");
    assertThat(error.get("code")).isEqualTo("INVALID_INPUT");
    assertThat((String) error.get("message")).contains("readTimeoutInSeconds");
    assertThat(fixture.server.requests()).isEmpty();
  }

  @Test
  void aPathTheWorkerRefusesCompletesWithTheReason() {
    Object result = fixture.executeAsTool(Map.of("path", "/orders/../admin"));

    assertThat(result.toString()).contains("INVALID_INPUT").contains("'..'");
    assertThat(fixture.server.requests()).isEmpty();
  }

  @Test
  void aConnectionProblemIsStillAnIncident() {
    fixture.connection(AuthScheme.BEARER, Map.of("baseUrl", "ftp://files"), Map.of("token", TOKEN));

    assertThatThrownBy(() -> fixture.executeAsTool(Map.of("path", "/orders")))
        .isInstanceOf(ConnectionProblem.class)
        .hasMessageContaining("base URL");
  }

  @Test
  void withoutTheHeaderNothingChanges() {
    fixture.server.respond(Reply.json(404, "{}"));
    assertThatThrownBy(() -> fixture.execute(Map.of("path", "/orders/1")))
        .isInstanceOfSatisfying(
            ConnectorException.class, e -> assertThat(e.getErrorCode()).isEqualTo("404"));

    fixture.server.respond(Reply.json(401, "{}"));
    assertThatThrownBy(() -> fixture.execute(Map.of("path", "/orders/1")))
        .isExactlyInstanceOf(ConnectorException.class);

    assertThatThrownBy(() -> fixture.execute(Map.of("path", "/orders", "readTimeoutInSeconds", 0)))
        .isInstanceOf(ConnectorInputException.class)
        .hasMessageContaining("readTimeoutInSeconds");
  }
}
