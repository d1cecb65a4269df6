package dev.flowconnections.runtime.storage;

import dev.flowconnections.runtime.worker.JobFailures;
import dev.flowconnections.runtime.worker.SecretMasker;
import io.camunda.connector.api.error.ConnectorException;

/** The storage worker's failures beyond {@link JobFailures}; messages are masked, no cause attached. */
final class StorageFailures {

  static final String NOT_FOUND = "NOT_FOUND";

  private StorageFailures() {}

  /** A missing file: coded, so an errorExpression can route it; an incident after the job's retries. */
  static ConnectorException notFound(String what, SecretMasker masker) {
    return new ConnectorException(NOT_FOUND, masker.mask(what));
  }
}
