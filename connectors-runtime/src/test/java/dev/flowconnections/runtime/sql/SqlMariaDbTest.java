package dev.flowconnections.runtime.sql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.camunda.connector.api.error.ConnectorInputException;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The SQL worker against the real MariaDB of this machine (root without password creates a database
 * and a user with a password for the test; override with FC_TEST_MARIADB_URL).
 */
class SqlMariaDbTest {

  static final String ROOT_URL =
      System.getenv().getOrDefault("FC_TEST_MARIADB_URL", "jdbc:mariadb://127.0.0.1:3306/test");
  static final String SUFFIX = Long.toHexString(System.nanoTime());
  static final String DATABASE = "fc_sql_" + SUFFIX;
  static final String USER = "fc_sql_" + SUFFIX;
  static final String PASSWORD = "maria-pass-" + SUFFIX;
  static final String URL = "jdbc:mariadb://127.0.0.1:3306/" + DATABASE;

  @BeforeAll
  static void createDatabaseAndUser() throws SQLException {
    root("create database " + DATABASE);
    root("create user '" + USER + "'@'%' identified by '" + PASSWORD + "'");
    root("create user '" + USER + "'@'localhost' identified by '" + PASSWORD + "'");
    root("grant all on " + DATABASE + ".* to '" + USER + "'@'%'");
    root("grant all on " + DATABASE + ".* to '" + USER + "'@'localhost'");
  }

  @AfterAll
  static void dropDatabaseAndUser() throws SQLException {
    root("drop database if exists " + DATABASE);
    root("drop user if exists '" + USER + "'@'%'");
    root("drop user if exists '" + USER + "'@'localhost'");
  }

  @Test
  void runsParameterisedStatementsAsTheConnectionsUser() {
    try (SqlTestFixture sql = new SqlTestFixture().connection("MARIADB", URL, USER, PASSWORD)) {
      sql.query("create table customers (id int primary key, name varchar(100))");
      sql.query("insert into customers values (:id, :name)", Map.of("id", 1, "name", "Ada"));

      assertThat(
              sql.query(
                      "select name, current_user() as who from customers where id = :id",
                      Map.of("id", 1))
                  .rows())
          .singleElement()
          .satisfies(
              row -> {
                assertThat(row).containsEntry("name", "Ada");
                assertThat(row.get("who").toString()).startsWith(USER + "@");
              });
    }
  }

  @Test
  void mySqlUrlsWorkThroughTheMariaDbDriver() {
    try (SqlTestFixture sql =
        new SqlTestFixture()
            .connection("MYSQL", URL.replace("jdbc:mariadb:", "jdbc:mysql:"), USER, PASSWORD)) {
      assertThat(
              sql.query("select :a + 1 as two", Map.of("a", 1)).rows().get(0).get("two").toString())
          .isEqualTo("2");
    }
  }

  @Test
  void datesTimesAndDecimalsComeBackAsIsoTextAndNumbers() {
    try (SqlTestFixture sql = new SqlTestFixture().connection("MARIADB", URL, USER, PASSWORD)) {
      Map<String, Object> row =
          sql.query(
                  "select cast('2024-05-01 10:00:00' as datetime) as placed,"
                      + " cast('2024-05-01' as date) as day, cast(12.5 as decimal(6,2)) as amount")
              .rows()
              .get(0);

      assertThat(row)
          .containsEntry("placed", "2024-05-01T10:00:00")
          .containsEntry("day", "2024-05-01")
          .containsEntry("amount", new BigDecimal("12.50"));
    }
  }

  @Test
  void aWrongPasswordIsAnIncidentAtOnceAndLeavesNoPoolOrSessionBehind() throws SQLException {
    try (SqlTestFixture sql =
        new SqlTestFixture().connection("MARIADB", URL, USER, "wrong-password-value")) {
      assertThatThrownBy(() -> sql.query("select 1"))
          .isInstanceOf(ConnectorInputException.class) // retrying the same password cannot help
          .hasMessageContaining(
              "the database rejected the credentials of connection 'orders-db' in DEVELOPMENT")
          .hasMessageContaining("Access denied")
          .message()
          .doesNotContain("wrong-password-value")
          .doesNotContain(PASSWORD);
      assertThat(sql.dataSources.openPools()).isZero();
    }
    assertThat(sessionsOf(USER)).isZero();
  }

  @Test
  void aRotatedPasswordIsPickedUpByANewPool() throws SQLException {
    String rotated = PASSWORD + "-rotated";
    try (SqlTestFixture sql = new SqlTestFixture().connection("MARIADB", URL, USER, PASSWORD)) {
      assertThat(sql.query("select 1 as one").rowCount()).isEqualTo(1);
      root("alter user '" + USER + "'@'%' identified by '" + rotated + "'");
      root("alter user '" + USER + "'@'localhost' identified by '" + rotated + "'");

      sql.connection("MARIADB", URL, USER, rotated);

      assertThat(sql.query("select 1 as one").rowCount()).isEqualTo(1);
      assertThat(sql.dataSources.openPools()).isEqualTo(1);
    } finally {
      root("alter user '" + USER + "'@'%' identified by '" + PASSWORD + "'");
      root("alter user '" + USER + "'@'localhost' identified by '" + PASSWORD + "'");
    }
  }

  private static void root(String sql) throws SQLException {
    try (Connection c = DriverManager.getConnection(ROOT_URL, "root", "");
        Statement st = c.createStatement()) {
      st.execute(sql);
    }
  }

  private static int sessionsOf(String user) throws SQLException {
    try (Connection c = DriverManager.getConnection(ROOT_URL, "root", "");
        Statement st = c.createStatement();
        ResultSet rs =
            st.executeQuery(
                "select count(*) from information_schema.processlist where user = '"
                    + user
                    + "'")) {
      rs.next();
      return rs.getInt(1);
    }
  }
}
