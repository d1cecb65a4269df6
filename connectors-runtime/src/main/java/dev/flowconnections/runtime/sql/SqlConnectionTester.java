package dev.flowconnections.runtime.sql;

import dev.flowconnections.fields.FieldCatalog;
import dev.flowconnections.integration.IntegrationType;
import dev.flowconnections.resolution.ResolvedConnection;
import dev.flowconnections.runtime.connectiontest.ConnectionTester;
import dev.flowconnections.runtime.connectiontest.TestOutcome;
import dev.flowconnections.runtime.worker.SecretMasker;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Properties;

/**
 * Tests a Database connection by logging in and validating the session, on a throwaway JDBC
 * connection: the worker's pools are for jobs and never see a test's credentials.
 */
public class SqlConnectionTester implements ConnectionTester {

  private static final int VALIDATION_SECONDS = 5;

  @Override
  public boolean supports(ResolvedConnection connection) {
    return connection.type() == IntegrationType.DATABASE;
  }

  @Override
  public TestOutcome test(ResolvedConnection connection) {
    SecretMasker masker = SecretMasker.of(connection.secrets().allValues());
    String vendor = connection.text("vendor").orElse(null);
    String url;
    try {
      Class.forName(JdbcUrls.driverClass(vendor));
      url = JdbcUrls.forDriver(vendor, connection.text("jdbcUrl").orElse(null));
    } catch (IllegalArgumentException | ClassNotFoundException e) {
      return TestOutcome.failed(e.getMessage());
    }
    Properties login = new Properties();
    connection.text(FieldCatalog.USERNAME).ifPresent(user -> login.setProperty("user", user));
    connection.text(FieldCatalog.PASSWORD).ifPresent(password -> login.setProperty("password", password));
    try (Connection session = DriverManager.getConnection(url, login)) {
      return session.isValid(VALIDATION_SECONDS)
          ? TestOutcome.succeeded("connected to " + session.getMetaData().getDatabaseProductName()
              + " " + session.getMetaData().getDatabaseProductVersion())
          : TestOutcome.failed("connected, but the session did not validate within " + VALIDATION_SECONDS + " s");
    } catch (SQLException e) {
      String reason = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage().lines().findFirst().orElse("");
      return TestOutcome.failed(masker.mask("cannot connect: " + reason));
    }
  }
}
