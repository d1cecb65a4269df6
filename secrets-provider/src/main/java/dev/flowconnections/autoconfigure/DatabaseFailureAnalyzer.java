package dev.flowconnections.autoconfigure;

import java.net.ConnectException;
import java.net.UnknownHostException;
import java.sql.SQLException;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.diagnostics.FailureAnalyzer;
import org.springframework.core.env.Environment;

/**
 * An unreachable or refusing PostgreSQL fails the start deep inside Flyway or the connection pool;
 * this names the database (its URL without query, where a password may sit), the user and the
 * reason in one line.
 */
class DatabaseFailureAnalyzer implements FailureAnalyzer {

  private static final String ACTION =
      "Start PostgreSQL or correct FLOW_CONNECTIONS_DB_URL (spring.datasource.url), "
          + "FLOW_CONNECTIONS_DB_USER and FLOW_CONNECTIONS_DB_PASSWORD.";

  private final Environment environment;

  DatabaseFailureAnalyzer(Environment environment) {
    this.environment = environment;
  }

  @Override
  public FailureAnalysis analyze(Throwable failure) {
    for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
      if (cause instanceof ConnectException
          || cause instanceof UnknownHostException
          || hasSqlState(cause, "08")) {
        return analysis(
            "the database at " + databaseUrl() + " cannot be reached (" + reason(cause) + ")",
            failure);
      }
      // 28: invalid authorization (unknown role, wrong password); 3D000: no such database
      if (hasSqlState(cause, "28") || hasSqlState(cause, "3D000")) {
        return analysis(
            "the database at "
                + databaseUrl()
                + " refused the login of user "
                + environment.getProperty("spring.datasource.username", "(none)")
                + " ("
                + reason(cause)
                + ")",
            failure);
      }
    }
    return null;
  }

  private static FailureAnalysis analysis(String problem, Throwable failure) {
    return new FailureAnalysis("Flow Connections cannot start: " + problem, ACTION, failure);
  }

  private static boolean hasSqlState(Throwable cause, String prefix) {
    return cause instanceof SQLException sql
        && sql.getSQLState() != null
        && sql.getSQLState().startsWith(prefix);
  }

  /**
   * The driver's first line: PostgreSQL's messages name the role or database, never the password.
   */
  private static String reason(Throwable cause) {
    String message = String.valueOf(cause.getMessage());
    int newline = message.indexOf('\n');
    return (newline < 0 ? message : message.substring(0, newline)).trim();
  }

  private String databaseUrl() {
    String url =
        environment.getProperty("spring.datasource.url", "(spring.datasource.url not set)");
    int query = url.indexOf('?');
    return query < 0 ? url : url.substring(0, query);
  }
}
