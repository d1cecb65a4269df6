package dev.flowconnections.runtime.sql;

import dev.flowconnections.resolution.ResolvedConnection;
import dev.flowconnections.runtime.worker.JobFailures;
import dev.flowconnections.runtime.worker.SecretMasker;
import io.camunda.connector.api.error.ConnectorExceptionBuilder;
import io.camunda.connector.api.error.ConnectorInputException;
import java.sql.SQLException;
import java.util.Map;
import org.springframework.dao.DataAccessException;
import org.springframework.dao.InvalidDataAccessApiUsageException;

/**
 * How a SQL task ends when the database said no. Mistakes in the task or its connection (bad SQL, a
 * missing parameter, a URL that does not fit the vendor, a refused login) are incidents without
 * retries; what the database refused at run time carries error code {@code SQL_ERROR} and the
 * SQLState for an {@code errorExpression}; an unreachable database is {@code CONNECTION_FAILED} and
 * retried. No cause is attached and every message is masked: drivers may quote the URL or the user.
 */
final class SqlFailures {

  static final String SQL_ERROR = "SQL_ERROR";

  private SqlFailures() {}

  static RuntimeException configuration(ResolvedConnection connection, IllegalArgumentException e) {
    return JobFailures.connectionProblem(
        "connection '"
            + connection.key()
            + "' in "
            + connection.environment()
            + ": "
            + e.getMessage());
  }

  /**
   * No session could be opened. A refused login or a database the server does not know is an
   * incident at once, naming connection and environment: the same credentials fail the same way on
   * every retry. Anything else (refused socket, timeout) may be transient and is retried.
   */
  static RuntimeException cannotConnect(
      ResolvedConnection connection, Throwable e, SecretMasker masker) {
    ConnectFailure failure = ConnectFailure.of(e);
    return switch (failure.kind()) {
      case CREDENTIALS_REJECTED ->
          JobFailures.credentialsRejected("the database", connection, failure.reason(), masker);
      case DATABASE_REFUSED ->
          JobFailures.connectionProblem(
              masker.mask(
                  "the database refused connection '"
                      + connection.key()
                      + "' in "
                      + connection.environment()
                      + "; check the database named in jdbcUrl ("
                      + failure.reason()
                      + ")"));
      case UNREACHABLE ->
          JobFailures.unreachable(
              "connecting with connection '"
                  + connection.key()
                  + "' in "
                  + connection.environment(),
              failure.reason(),
              masker);
    };
  }

  /**
   * @param index 1-based number of the statement in the task, for batches
   */
  static RuntimeException statementFailed(int index, DataAccessException e, SecretMasker masker) {
    String where = "statement " + index + " failed: ";
    if (e instanceof InvalidDataAccessApiUsageException) {
      return new ConnectorInputException(
          masker.mask(where + e.getMostSpecificCause().getMessage()));
    }
    SQLException sql = e.getMostSpecificCause() instanceof SQLException s ? s : null;
    String state = sql == null || sql.getSQLState() == null ? "" : sql.getSQLState();
    String message =
        masker.mask(
            where
                + reason(e.getMostSpecificCause())
                + (state.isEmpty() ? "" : " (SQLState " + state + ")"));
    if (state.startsWith("42")) { // syntax error or unknown table/column: retrying cannot help
      return new ConnectorInputException(message);
    }
    return new ConnectorExceptionBuilder()
        .errorCode(SQL_ERROR)
        .message(message)
        .errorVariables(Map.of("sqlState", state))
        .build();
  }

  private static String reason(Throwable e) {
    String message = e.getMessage();
    return message == null
        ? e.getClass().getSimpleName()
        : message.lines().findFirst().orElse(message);
  }
}
