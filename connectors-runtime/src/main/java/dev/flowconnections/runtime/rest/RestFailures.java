package dev.flowconnections.runtime.rest;

import dev.flowconnections.runtime.worker.SecretMasker;
import io.camunda.connector.api.error.ConnectorException;
import io.camunda.connector.api.error.ConnectorExceptionBuilder;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The errors a REST task ends with when the call did not succeed. Their codes are what a task's
 * {@code errorExpression} tests ({@code error.code = "404"}); their messages become incident
 * messages. No cause is attached: the runtime logs causes with their messages, which for I/O
 * errors may contain the full URL and with it an API key.
 */
final class RestFailures {

  static final String TIMEOUT = "TIMEOUT";
  static final String CONNECTION_FAILED = "CONNECTION_FAILED";
  static final String RESPONSE_TOO_LARGE = "RESPONSE_TOO_LARGE";

  private RestFailures() {}

  /** Non-2xx: code is the status ("404"), variables are {@code {status, body}}, both masked. */
  static ConnectorException httpStatus(HttpMethod method, String displayPath, RestResponse response, SecretMasker masker) {
    Map<String, Object> variables = new LinkedHashMap<>();
    variables.put("status", response.status());
    variables.put("body", response.body());
    return new ConnectorExceptionBuilder()
        .errorCode(String.valueOf(response.status()))
        .message(masker.mask("HTTP " + response.status() + " from " + method + " " + displayPath))
        .errorVariables(variables)
        .build();
  }

  static ConnectorException timeout(HttpMethod method, String displayPath, SecretMasker masker) {
    return new ConnectorException(TIMEOUT, masker.mask("timed out waiting for " + method + " " + displayPath));
  }

  /** The body is not read: it could hold credentials the masker does not know, and it is big. */
  static ConnectorException responseTooLarge(HttpMethod method, String displayPath, long limitBytes, SecretMasker masker) {
    return new ConnectorException(RESPONSE_TOO_LARGE, masker.mask("the response to " + method + " " + displayPath
        + " is larger than " + limitBytes + " bytes, the limit set by flow-connections.rest.max-response-size"));
  }

  static ConnectorException connectionFailed(HttpMethod method, String displayPath, Exception cause, SecretMasker masker) {
    String reason = cause.getMessage() == null ? cause.getClass().getSimpleName()
        : cause.getClass().getSimpleName() + ": " + cause.getMessage();
    return new ConnectorException(
        CONNECTION_FAILED, masker.mask(method + " " + displayPath + " failed: " + reason));
  }
}
