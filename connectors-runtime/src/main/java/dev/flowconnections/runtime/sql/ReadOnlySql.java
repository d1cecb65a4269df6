package dev.flowconnections.runtime.sql;

import com.zaxxer.hikari.HikariDataSource;
import dev.flowconnections.resolution.ResolvedConnection;
import dev.flowconnections.runtime.worker.JobFailures;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import javax.sql.DataSource;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

/**
 * Runs model-written SQL in a transaction the database itself keeps read-only: the session is
 * marked read-only ({@link Connection#setReadOnly}), the transaction is opened read-only in the
 * vendor's words and fixed by a first query of ours, and it is always rolled back. A write, DDL or
 * a later {@code SET TRANSACTION READ WRITE} inside it is refused by the database. Only vendors
 * where this is tested are served.
 */
final class ReadOnlySql {

  /**
   * How each vendor opens a read-only transaction on a session whose autocommit is off. MariaDB and
   * MySQL end a transaction with an implicit commit before DDL, which then ran outside it (tested):
   * the session itself is made read-only too, and made writable again afterwards.
   */
  private static final Map<String, List<String>> BEGIN =
      Map.of(
          "POSTGRESQL", List.of("SET TRANSACTION READ ONLY"),
          "MARIADB", List.of("SET SESSION TRANSACTION READ ONLY", "START TRANSACTION READ ONLY"),
          "MYSQL", List.of("SET SESSION TRANSACTION READ ONLY", "START TRANSACTION READ ONLY"));

  private static final Map<String, List<String>> END =
      Map.of(
          "POSTGRESQL", List.of(),
          "MARIADB", List.of("SET SESSION TRANSACTION READ WRITE"),
          "MYSQL", List.of("SET SESSION TRANSACTION READ WRITE"));

  private ReadOnlySql() {}

  /** Refuses a connection whose vendor has no tested read-only transaction (an incident). */
  static String vendorOf(ResolvedConnection connection) {
    String vendor = connection.text("vendor").orElse("").strip().toUpperCase(Locale.ROOT);
    if (!BEGIN.containsKey(vendor)) {
      throw JobFailures.connectionProblem(
          "model-written SQL runs read-only on PostgreSQL, MariaDB and MySQL connections only;"
              + " connection '"
              + connection.key()
              + "' in "
              + connection.environment()
              + " is "
              + (vendor.isEmpty() ? "of no vendor" : vendor));
    }
    return vendor;
  }

  /**
   * {@code work} on one session of {@code dataSource} inside a read-only transaction, rolled back
   * afterwards. A session that cannot be had or prepared is reported as the pool's failure.
   */
  static <T> T run(
      DataSource dataSource, String vendor, Function<NamedParameterJdbcTemplate, T> work) {
    Connection session;
    try {
      session = dataSource.getConnection();
    } catch (SQLException e) {
      throw new DataAccessResourceFailureException("no session for a read-only transaction", e);
    }
    try (session) {
      boolean autoCommit = session.getAutoCommit();
      session.setAutoCommit(false);
      session.setReadOnly(true);
      try {
        try (Statement begin = session.createStatement()) {
          for (String sql : BEGIN.get(vendor)) {
            begin.execute(sql);
          }
          // A query fixes the transaction's mode: PostgreSQL accepts SET TRANSACTION READ WRITE
          // until the transaction's first query (tested), so that first query is ours.
          begin.execute("SELECT 1");
        }
        return work.apply(
            new NamedParameterJdbcTemplate(new SingleConnectionDataSource(session, true)));
      } finally {
        // never commit
        restore(dataSource, session, vendor, autoCommit);
      }
    } catch (SQLException e) {
      throw new DataAccessResourceFailureException("the read-only transaction failed", e);
    }
  }

  /**
   * Rolls back and makes the session writable again for the pool's next borrower; a session that
   * cannot be restored is taken out of the pool rather than lent on read-only.
   */
  private static void restore(
      DataSource dataSource, Connection session, String vendor, boolean autoCommit)
      throws SQLException {
    try {
      session.rollback();
      try (Statement end = session.createStatement()) {
        for (String sql : END.get(vendor)) {
          end.execute(sql);
        }
      }
      session.setReadOnly(false);
      session.setAutoCommit(autoCommit);
    } catch (SQLException e) {
      if (dataSource instanceof HikariDataSource pool) {
        pool.evictConnection(session);
      }
      throw e;
    }
  }
}
