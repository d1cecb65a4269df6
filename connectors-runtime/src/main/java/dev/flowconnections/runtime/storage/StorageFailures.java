package dev.flowconnections.runtime.storage;

import dev.flowconnections.runtime.worker.ProviderFailures;
import dev.flowconnections.runtime.worker.SecretMasker;
import io.camunda.connector.api.error.ConnectorException;
import io.camunda.connector.api.error.ConnectorRetryException;

/** The storage worker's failures beyond {@link ProviderFailures}; messages are masked, no cause attached. */
final class StorageFailures {

  static final String NOT_FOUND = "NOT_FOUND";

  private StorageFailures() {}

  /** A missing file: coded, so an errorExpression can route it; an incident after the job's retries. */
  static ConnectorException notFound(String what, SecretMasker masker) {
    return new ConnectorException(NOT_FOUND, masker.mask(what));
  }

  /** No answer (refused connection, timeout, cut stream): the provider may be back on the next attempt. */
  static ConnectorRetryException unreachable(String what, Throwable cause, SecretMasker masker) {
    return ConnectorRetryException.builder()
        .errorCode(ProviderFailures.CONNECTION_FAILED)
        .message(masker.mask(what + " failed: " + ProviderFailures.describe(cause)))
        .build();
  }
}
