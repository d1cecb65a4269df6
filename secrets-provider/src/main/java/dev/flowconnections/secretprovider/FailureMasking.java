package dev.flowconnections.secretprovider;

import io.camunda.connector.api.error.ConnectorException;
import io.camunda.connector.api.error.ConnectorExceptionBuilder;
import io.camunda.connector.api.error.ConnectorInputException;
import io.camunda.connector.api.error.ConnectorRetryException;
import java.util.Collection;

/**
 * Takes the values the guard put into a job's variables out of a failure's message before the
 * runtime turns it into an incident. (Camunda's runtime masks by asking the SecretProviders again
 * for every placeholder in the variables, outside the job's scope; the guarded aggregator refuses
 * that, so the guard masks with what it resolved.) The copy keeps what decides retries and error
 * codes, and no cause, since the runtime logs causes with their messages.
 */
final class FailureMasking {

  private FailureMasking() {}

  static Exception masked(Exception failure, Collection<String> values) {
    String message = failure.getMessage();
    if (message == null || values.stream().noneMatch(v -> !v.isEmpty() && message.contains(v))) {
      return failure;
    }
    String masked = message;
    for (String value : values) {
      if (!value.isEmpty()) {
        masked = masked.replace(value, PlaceholderGuard.MASK);
      }
    }
    Exception copy =
        switch (failure) {
          case ConnectorRetryException retry ->
              ConnectorRetryException.builder()
                  .errorCode(retry.getErrorCode())
                  .message(masked)
                  .retries(retry.getRetries())
                  .backoffDuration(retry.getBackoffDuration())
                  .build();
          case ConnectorException connector ->
              new ConnectorExceptionBuilder()
                  .errorCode(connector.getErrorCode())
                  .message(masked)
                  .errorVariables(connector.getErrorVariables())
                  .build();
          case ConnectorInputException input -> new ConnectorInputException(masked);
          default ->
              failure.getCause() instanceof ConnectorInputException
                  ? new ConnectorInputException(masked)
                  : new ConnectorExceptionBuilder().message(masked).build();
        };
    copy.setStackTrace(failure.getStackTrace());
    return copy;
  }
}
