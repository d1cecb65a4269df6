package dev.flowconnections.runtime.sql;

import java.sql.SQLException;

/**
 * Why a database session could not be opened, told apart by SQLState so that the worker and the
 * connection test agree: a refused login or a database that does not exist will not go away by
 * trying again (an incident at once), a database that cannot be reached may (a retry).
 *
 * @param reason the driver's first line of explanation; may quote the user name, never the password
 *     (callers still mask it)
 */
record ConnectFailure(Kind kind, String reason) {

  enum Kind {
    /** SQLState class 28: wrong user or password, or the user may not log in. */
    CREDENTIALS_REJECTED,
    /** The server answered but refuses this database (3D000, class 42 at login): fix the URL. */
    DATABASE_REFUSED,
    /** No answer, refused socket, timeout, anything else: may be transient. */
    UNREACHABLE
  }

  static ConnectFailure of(Throwable failure) {
    SQLException sql = deepestWithState(failure);
    String state = sql == null ? "" : sql.getSQLState();
    Kind kind;
    if (state.startsWith("28")) {
      kind = Kind.CREDENTIALS_REJECTED;
    } else if (state.startsWith("3D") || state.startsWith("42")) {
      kind = Kind.DATABASE_REFUSED;
    } else {
      kind = Kind.UNREACHABLE;
    }
    return new ConnectFailure(kind, firstLine(sql != null ? sql : innermost(failure)));
  }

  boolean retryable() {
    return kind == Kind.UNREACHABLE;
  }

  /**
   * Pools and drivers wrap the server's answer (HikariCP's "Failed to initialize pool", "request
   * timed out"); the innermost SQLException with a SQLState is what the server said.
   */
  private static SQLException deepestWithState(Throwable failure) {
    SQLException found = null;
    for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (t instanceof SQLException sql
          && sql.getSQLState() != null
          && !sql.getSQLState().isEmpty()) {
        found = sql;
      }
    }
    return found;
  }

  private static Throwable innermost(Throwable failure) {
    Throwable root = failure;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    return root;
  }

  private static String firstLine(Throwable t) {
    String message = t.getMessage();
    if (message == null || message.isBlank()) {
      return t.getClass().getSimpleName();
    }
    return message.lines().findFirst().orElse(message).strip();
  }
}
