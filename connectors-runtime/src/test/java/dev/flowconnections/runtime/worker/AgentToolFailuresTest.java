package dev.flowconnections.runtime.worker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.flowconnections.runtime.testsupport.WorkerTestContext;
import dev.flowconnections.runtime.worker.AgentToolFailures.Outcome;
import io.camunda.connector.api.error.ConnectorException;
import io.camunda.connector.api.error.ConnectorInputException;
import io.camunda.connector.api.error.ConnectorRetryException;
import java.util.Map;
import java.util.OptionalInt;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** Which failure of an agent's tool goes back to the model, without a worker or a database. */
@Tag("fast")
class AgentToolFailuresTest {

  static final OptionalInt UNKNOWN = OptionalInt.empty();

  @Test
  void onlyTheHeaderTrueMakesAJobATool() {
    assertThat(AgentToolFailures.isAgentTool(job(Map.of("agentTool", "true")))).isTrue();
    assertThat(AgentToolFailures.isAgentTool(job(Map.of("agentTool", "TRUE")))).isTrue();
    assertThat(AgentToolFailures.isAgentTool(job(Map.of("agentTool", "false")))).isFalse();
    assertThat(AgentToolFailures.isAgentTool(job(Map.of("resultVariable", "x")))).isFalse();
    assertThat(AgentToolFailures.isAgentTool(job(Map.of()))).isFalse();
  }

  @Test
  void badInputAndCodedAnswersGoToTheModel() {
    assertThat(
            AgentToolFailures.classify(
                new ConnectorInputException("path must not contain '..' segments"), UNKNOWN))
        .isEqualTo(Outcome.TO_MODEL);
    assertThat(AgentToolFailures.classify(new ConnectorException("404", "HTTP 404"), UNKNOWN))
        .isEqualTo(Outcome.TO_MODEL);
    assertThat(
            AgentToolFailures.classify(new ConnectorException("SQL_ERROR", "duplicate"), UNKNOWN))
        .isEqualTo(Outcome.TO_MODEL);
  }

  @Test
  void connectionProblemsAndRefusedCredentialsStayIncidents() {
    ConnectionProblem refused =
        new ConnectionProblem("the database rejected the credentials of connection 'db'");
    assertThat(AgentToolFailures.classify(refused, UNKNOWN)).isEqualTo(Outcome.INCIDENT);
    assertThat(catchThrowable(() -> AgentToolFailures.answer(refused, UNKNOWN))).isSameAs(refused);

    for (String status : new String[] {"401", "403"}) {
      ConnectorException answer = new ConnectorException(status, "HTTP " + status + " from GET /a");
      assertThat(AgentToolFailures.classify(answer, UNKNOWN)).isEqualTo(Outcome.INCIDENT);
      assertThat(catchThrowable(() -> AgentToolFailures.answer(answer, UNKNOWN)))
          .isInstanceOf(ConnectionProblem.class)
          .hasMessage("HTTP " + status + " from GET /a");
    }
  }

  @Test
  void retryableFailuresAreRetriedAndGoToTheModelOnTheLastRetry() {
    ConnectorRetryException busy =
        ConnectorRetryException.builder().errorCode("503").message("HTTP 503 from GET /a").build();

    assertThat(AgentToolFailures.classify(busy, OptionalInt.of(3))).isEqualTo(Outcome.UNCHANGED);
    assertThat(AgentToolFailures.classify(busy, UNKNOWN)).isEqualTo(Outcome.UNCHANGED);
    assertThat(catchThrowable(() -> AgentToolFailures.answer(busy, OptionalInt.of(2))))
        .isSameAs(busy);
    assertThat(AgentToolFailures.answer(busy, OptionalInt.of(1)))
        .isEqualTo(Map.of("error", Map.of("code", "503", "message", "HTTP 503 from GET /a")));
  }

  @Test
  void failuresWithoutACodeAreLeftToTheRuntime() {
    IllegalStateException bug = new IllegalStateException("bug");
    assertThat(catchThrowable(() -> AgentToolFailures.answer(bug, OptionalInt.of(1))))
        .isSameAs(bug);
    ConnectorException uncoded = new ConnectorException("no code");
    assertThat(AgentToolFailures.classify(uncoded, UNKNOWN)).isEqualTo(Outcome.UNCHANGED);
  }

  @Test
  void theResultCarriesCodeMessageAndTheAnswersVariables() {
    ConnectorException notFound =
        new io.camunda.connector.api.error.ConnectorExceptionBuilder()
            .errorCode("404")
            .message("HTTP 404 from GET /orders/1")
            .errorVariables(Map.of("status", 404, "body", "no such order"))
            .build();

    assertThat(AgentToolFailures.answer(notFound, UNKNOWN))
        .isEqualTo(
            Map.of(
                "error",
                Map.of(
                    "code",
                    "404",
                    "message",
                    "HTTP 404 from GET /orders/1",
                    "details",
                    Map.of("status", 404, "body", "no such order"))));
    assertThat(
            AgentToolFailures.answer(
                new ConnectorInputException("path must not be blank"), UNKNOWN))
        .isEqualTo(
            Map.of("error", Map.of("code", "INVALID_INPUT", "message", "path must not be blank")));
  }

  /** A value of the wrong type: where it is, never the value (it may hold anything). */
  @Test
  void aBindingFailureNamesTheInputNotItsValue() {
    record Request(Integer maxRows) {}
    Throwable failure =
        catchThrowable(
            () ->
                new WorkerTestContext("t", Map.of("maxRows", "secret-ish-text"))
                    .bindVariables(Request.class));

    Map<String, Object> result = AgentToolFailures.inputRejected((RuntimeException) failure);

    assertThat(result.toString())
        .contains("INVALID_INPUT")
        .contains("maxRows")
        .doesNotContain("secret-ish-text");
  }

  private static io.camunda.connector.api.outbound.JobContext job(Map<String, String> headers) {
    return WorkerTestContext.withHeaders("t", Map.of(), headers).getJobContext();
  }
}
