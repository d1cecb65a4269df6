package dev.flowconnections.runtime.rest;

import dev.flowconnections.runtime.worker.JobFailures;
import dev.flowconnections.runtime.worker.SecretMasker;
import io.camunda.connector.api.error.ConnectorException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * How a REST task ends when the API answered, but not with success, in the workers' one vocabulary
 * ({@link JobFailures}; no answer at all is {@link JobFailures#unreachable} or {@link
 * JobFailures#timeout}, as in every worker). Codes are what a task's {@code errorExpression} tests
 * ({@code error.code = "404"}); messages become incident messages, masked.
 */
final class RestFailures {

  static final String RESPONSE_TOO_LARGE = "RESPONSE_TOO_LARGE";

  private RestFailures() {}

  /**
   * Non-2xx. 429 and 5xx are retried (after {@code Retry-After} when sent); any other status is the
   * API's answer: code = the status ("404"), variables {@code {status, body}} for an
   * errorExpression. A 401 or 403 is such an answer too: for a REST API it may be a business rule
   * ("not your order"), which only the modeller can tell from a refused credential.
   */
  static ConnectorException httpStatus(
      HttpMethod method, String displayPath, RestResponse response, SecretMasker masker) {
    String message = "HTTP " + response.status() + " from " + method + " " + displayPath;
    if (JobFailures.isUnavailable(response.status())) {
      return JobFailures.unavailable(
          response.status(), message, header(response, "Retry-After"), masker);
    }
    Map<String, Object> variables = new LinkedHashMap<>();
    variables.put("status", response.status());
    variables.put("body", response.body());
    return JobFailures.rejected(String.valueOf(response.status()), message, variables, masker);
  }

  /** The body is not read: it could hold credentials the masker does not know, and it is big. */
  static ConnectorException responseTooLarge(
      HttpMethod method, String displayPath, long limitBytes, SecretMasker masker) {
    return JobFailures.rejected(
        RESPONSE_TOO_LARGE,
        "the response to "
            + method
            + " "
            + displayPath
            + " is larger than "
            + limitBytes
            + " bytes, the limit set by flow-connections.rest.max-response-size",
        masker);
  }

  private static Optional<String> header(RestResponse response, String name) {
    return response.headers().entrySet().stream()
        .filter(header -> header.getKey().equalsIgnoreCase(name))
        .map(Map.Entry::getValue)
        .findFirst();
  }
}
