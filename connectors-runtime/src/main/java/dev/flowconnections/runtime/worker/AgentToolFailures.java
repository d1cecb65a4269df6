package dev.flowconnections.runtime.worker;

import com.fasterxml.jackson.databind.JsonMappingException;
import dev.flowconnections.templates.ElementTemplateGenerator;
import io.camunda.connector.api.error.ConnectorException;
import io.camunda.connector.api.error.ConnectorInputException;
import io.camunda.connector.api.error.ConnectorRetryException;
import io.camunda.connector.api.outbound.JobContext;
import jakarta.validation.ValidationException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.OptionalInt;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * How a failed job ends when it is an AI agent's tool (custom header {@value
 * ElementTemplateGenerator#AGENT_TOOL_HEADER} = {@code true}): a tool error goes back to the model
 * as the tool's result, not as an incident, unless a person must fix the connection
 * (docs/workers/failures.md, "Tool mode").
 *
 * <ul>
 *   <li>bad input ({@link ConnectorInputException}, Jakarta Validation included) and coded answers
 *       ({@link ConnectorException} with a code: a REST 404, {@code SQL_ERROR}) complete the job
 *       with {@code {error: {code, message, details?}}}, which the runtime puts into the result
 *       variable ({@code toolCallResult}) for the model to read;
 *   <li>a {@link ConnectionProblem} stays an incident, and so does a REST 401 or 403 ({@link
 *       #REFUSED_CREDENTIALS}): a plain task routes those with an errorExpression, a tool cannot;
 *   <li>a retryable failure ({@link ConnectorRetryException}) is retried by the engine as usual; on
 *       the job's last retry it goes to the model instead of becoming an incident;
 *   <li>anything else (a failure without a code, a bug) is left to the runtime, as on a plain task.
 * </ul>
 *
 * Messages are passed on as the workers wrote them: already masked with the connection's secrets.
 */
public final class AgentToolFailures {

  /** The key of the result a failed tool completes with. */
  public static final String ERROR = "error";

  /** The code of bad input: arguments the model passed that the worker refused. */
  public static final String INVALID_INPUT = "INVALID_INPUT";

  /**
   * Coded answers that mean the API refused the connection's credentials: REST's 401 and 403 (a
   * coded answer on a plain task, see {@code RestFailures}).
   */
  public static final Set<String> REFUSED_CREDENTIALS = Set.of("401", "403");

  /** What happens to a tool's failed job. */
  enum Outcome {
    /** the job completes with the error as the tool's result */
    TO_MODEL,
    /** an incident at once */
    INCIDENT,
    /** thrown as it is: the runtime retries or fails it as on a plain task */
    UNCHANGED
  }

  private AgentToolFailures() {}

  /** Whether the job is a tool of an AI agent. */
  public static boolean isAgentTool(JobContext job) {
    Map<String, String> headers = job.getCustomHeaders();
    return headers != null
        && "true"
            .equalsIgnoreCase(
                String.valueOf(headers.get(ElementTemplateGenerator.AGENT_TOOL_HEADER)).strip());
  }

  /**
   * @param retriesLeft the job's retries including this attempt, when known
   */
  static Outcome classify(RuntimeException failure, OptionalInt retriesLeft) {
    if (failure instanceof ConnectionProblem) {
      return Outcome.INCIDENT;
    }
    if (failure instanceof ConnectorInputException) {
      return Outcome.TO_MODEL;
    }
    if (failure instanceof ConnectorRetryException) {
      return retriesLeft.isPresent() && retriesLeft.getAsInt() <= 1
          ? Outcome.TO_MODEL
          : Outcome.UNCHANGED;
    }
    if (failure instanceof ConnectorException coded && coded.getErrorCode() != null) {
      return REFUSED_CREDENTIALS.contains(coded.getErrorCode())
          ? Outcome.INCIDENT
          : Outcome.TO_MODEL;
    }
    return Outcome.UNCHANGED;
  }

  /**
   * The tool's result for {@code failure}, or {@code failure} (or the incident it becomes) thrown.
   */
  static Map<String, Object> answer(RuntimeException failure, OptionalInt retriesLeft) {
    return switch (classify(failure, retriesLeft)) {
      case TO_MODEL -> result(failure);
      case INCIDENT ->
          throw failure instanceof ConnectorInputException
              ? failure
              : new ConnectionProblem(failure.getMessage());
      case UNCHANGED -> throw failure;
    };
  }

  /**
   * The tool's result for input the runtime could not bind to the worker's request: a violated
   * constraint names the field; a value of the wrong type names where it is, never the value.
   */
  static Map<String, Object> inputRejected(RuntimeException failure) {
    if (!(failure instanceof ConnectorInputException)) {
      throw failure;
    }
    return error(INVALID_INPUT, inputMessage(failure), Map.of());
  }

  private static Map<String, Object> result(RuntimeException failure) {
    if (failure instanceof ConnectorException coded) {
      Map<String, Object> details = coded.getErrorVariables();
      return error(coded.getErrorCode(), coded.getMessage(), details == null ? Map.of() : details);
    }
    return error(INVALID_INPUT, inputMessage(failure), Map.of());
  }

  private static String inputMessage(RuntimeException failure) {
    Throwable cause = failure.getCause();
    if (cause instanceof ValidationException validation) {
      return validation.getMessage();
    }
    if (cause instanceof JsonMappingException mapping) {
      String where =
          mapping.getPath().stream()
              .map(
                  ref ->
                      ref.getFieldName() != null ? ref.getFieldName() : "[" + ref.getIndex() + "]")
              .collect(Collectors.joining("."))
              .replace(".[", "[");
      return where.isEmpty()
          ? "the input cannot be read"
          : "input '" + where + "' has a value of the wrong type";
    }
    return failure.getMessage();
  }

  private static Map<String, Object> error(
      String code, String message, Map<String, Object> details) {
    Map<String, Object> error = new LinkedHashMap<>();
    error.put("code", code);
    error.put("message", message);
    if (!details.isEmpty()) {
      error.put("details", details);
    }
    return Map.of(ERROR, error);
  }
}
