package dev.flowconnections.runtime.sql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.flowconnections.runtime.worker.JobFailures;
import io.camunda.connector.api.error.ConnectorInputException;
import io.camunda.connector.api.error.ConnectorRetryException;
import java.sql.Driver;
import java.sql.DriverManager;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Mistakes in a SQL task or its connection: incidents naming the problem, before any database work.
 */
class SqlInputValidationTest {

  private final SqlTestFixture sql =
      new SqlTestFixture()
          .connection("POSTGRESQL", "jdbc:postgresql://127.0.0.1:5432/test", "postgres", null);

  @Test
  void needsExactlyOneOfStatementAndStatements() {
    assertThatThrownBy(() -> sql.run(Map.of()))
        .isInstanceOf(ConnectorInputException.class)
        .hasMessageContaining("statement");
    assertThatThrownBy(
            () ->
                sql.run(
                    Map.of(
                        "statement",
                        "select 1",
                        "statements",
                        List.of(Map.of("statement", "select 2")))))
        .isInstanceOf(ConnectorInputException.class)
        .hasMessageContaining("not both");
  }

  @Test
  void boundsRowsAndTimeouts() {
    assertThatThrownBy(() -> sql.run(Map.of("statement", "select 1", "maxRows", 0)))
        .isInstanceOf(ConnectorInputException.class)
        .hasMessageContaining("maxRows");
    assertThatThrownBy(
            () -> sql.run(Map.of("statement", "select 1", "queryTimeoutInSeconds", 10_000)))
        .isInstanceOf(ConnectorInputException.class)
        .hasMessageContaining("queryTimeoutInSeconds");
  }

  @Test
  void aUrlThatDoesNotFitTheVendorIsNamed() {
    sql.connection("POSTGRESQL", "jdbc:mysql://db/app", "u", "p");
    assertThatThrownBy(() -> sql.query("select 1"))
        .isInstanceOf(ConnectorInputException.class)
        .hasMessage(
            "connection 'orders-db' in DEVELOPMENT: jdbcUrl must start with jdbc:postgresql: for vendor POSTGRESQL");
    assertThat(sql.dataSources.openPools()).isZero();
  }

  @Test
  void anUnreachableHostIsRetriedAndLeavesNoPool() {
    sql.connection(
        "POSTGRESQL",
        "jdbc:postgresql://127.0.0.1:1/test?connectTimeout=2",
        "postgres",
        "secret-pw-123");
    assertThatThrownBy(() -> sql.query("select 1"))
        .isInstanceOfSatisfying(
            ConnectorRetryException.class,
            e -> assertThat(e.getErrorCode()).isEqualTo(JobFailures.CONNECTION_FAILED))
        .hasMessageContaining("refused")
        .message()
        .doesNotContain("secret-pw-123");
    assertThat(sql.dataSources.openPools()).isZero();
  }

  @Test
  void sqlServerAndOracleDriversAcceptTheirUrls() throws Exception {
    // No SQL Server or Oracle server runs here: this proves the drivers load and claim their URLs.
    for (String[] vendor :
        new String[][] {
          {"SQLSERVER", "jdbc:sqlserver://db.example.com:1433;databaseName=app"},
          {"ORACLE", "jdbc:oracle:thin:@//db.example.com:1521/APP"}
        }) {
      Class.forName(JdbcUrls.driverClass(vendor[0]));
      Driver driver = DriverManager.getDriver(JdbcUrls.forDriver(vendor[0], vendor[1]));
      assertThat(driver.getClass().getName()).isEqualTo(JdbcUrls.driverClass(vendor[0]));
    }
  }
}
