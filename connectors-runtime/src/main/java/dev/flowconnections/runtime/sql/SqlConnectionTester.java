package dev.flowconnections.runtime.sql;

import dev.flowconnections.fields.FieldCatalog;
import dev.flowconnections.integration.IntegrationType;
import dev.flowconnections.resolution.ResolvedConnection;
import dev.flowconnections.runtime.connectiontest.ConnectionTester;
import dev.flowconnections.runtime.connectiontest.TestOutcome;
import dev.flowconnections.runtime.network.AddressNotAllowedException;
import dev.flowconnections.runtime.worker.SecretMasker;
import dev.flowconnections.runtime.worker.WorkerConnections;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.SQLException;
import java.util.Properties;

/**
 * Tests a Database connection by logging in and validating the session, on a throwaway JDBC
 * connection: the worker's pools are for jobs and never see a test's credentials, and a test leaves
 * no session open whatever happens.
 */
public class SqlConnectionTester implements ConnectionTester {

  private static final int VALIDATION_SECONDS = 5;

  /** Below the API's overall limit for a test, so the driver gives up before the request does. */
  private static final int LOGIN_TIMEOUT_SECONDS = 10;

  /**
   * sqlite3_open_v2's SQLITE_OPEN_READONLY flag, as sqlite-jdbc's {@code open_mode} property takes
   * it.
   */
  private static final int SQLITE_OPEN_READONLY = 0x00000001;

  @Override
  public boolean supports(ResolvedConnection connection) {
    return connection.type() == IntegrationType.DATABASE;
  }

  @Override
  public TestOutcome test(ResolvedConnection connection) {
    SecretMasker masker = WorkerConnections.maskerFor(connection);
    String vendor = connection.text("vendor").orElse(null);
    String url;
    try {
      url = JdbcUrls.forConnection(connection);
    } catch (IllegalArgumentException | AddressNotAllowedException e) {
      return TestOutcome.failed(e.getMessage());
    }
    Properties login = JdbcUrls.loginTimeout(vendor, LOGIN_TIMEOUT_SECONDS);
    connection.text(FieldCatalog.USERNAME).ifPresent(user -> login.setProperty("user", user));
    connection
        .text(FieldCatalog.PASSWORD)
        .ifPresent(password -> login.setProperty("password", password));
    if ("SQLITE".equals(vendor)) {
      // read-only: a test of a path with no database must say so, not create an empty one there
      login.setProperty("open_mode", String.valueOf(SQLITE_OPEN_READONLY));
    }
    try (Connection session = JdbcUrls.driver(vendor).connect(url, login)) {
      if (!session.isValid(VALIDATION_SECONDS)) {
        return TestOutcome.failed(
            "connected, but the session did not validate within " + VALIDATION_SECONDS + " s");
      }
      DatabaseMetaData database = session.getMetaData();
      return TestOutcome.succeeded(
          masker.mask(
              "connected to "
                  + database.getDatabaseProductName()
                  + " "
                  + database.getDatabaseProductVersion()));
    } catch (SQLException e) {
      ConnectFailure failure = ConnectFailure.of(e);
      String message = masker.mask(describe(failure));
      return failure.retryable() ? TestOutcome.unreachable(message) : TestOutcome.failed(message);
    }
  }

  private static String describe(ConnectFailure failure) {
    return switch (failure.kind()) {
      case CREDENTIALS_REJECTED -> "authentication rejected: " + failure.reason();
      case DATABASE_REFUSED -> "the database refused the connection: " + failure.reason();
      case UNREACHABLE -> "cannot connect: " + failure.reason();
    };
  }
}
