package dev.flowconnections.sample;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flowconnections.connection.ConnectionView;
import dev.flowconnections.environment.Environment;
import dev.flowconnections.integration.AuthScheme;
import dev.flowconnections.integration.IntegrationType;
import dev.flowconnections.sample.support.ProcessTestRuntime;
import dev.flowconnections.testsupport.PostgresTestSchema;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * {@code bpmn/sql-connection-example.bpmn} in a QA runtime against the real PostgreSQL and the real
 * MariaDB of this machine, each through a Database connection: the process inserts an order from
 * its variables and reads the customer's orders back. Each database gets a schema or database of
 * this test's own; the MariaDB user has a password, which the server checks and no record shows.
 */
class SqlProcessTest extends ExampleProcessTestBase {

  static final ProcessTestRuntime RUNTIME = ProcessTestRuntime.start(Environment.QA);
  static final String SUFFIX = Long.toHexString(System.nanoTime());
  static final String SPACE =
      "fc_sql_e2e_" + SUFFIX; // PostgreSQL schema, MariaDB database and user
  static final String MARIADB_PASSWORD = "maria-e2e-pw-" + SUFFIX;
  static final String MARIADB_ADMIN = "jdbc:mariadb://127.0.0.1:3306/test";
  static final String CREATE_ORDERS =
      "create table orders (id int primary key, customer varchar(100), item varchar(100), quantity int)";

  @DynamicPropertySource
  static void properties(DynamicPropertyRegistry registry) {
    RUNTIME.register(registry);
  }

  SqlProcessTest() {
    super(RUNTIME, "sql-connection-example");
  }

  @BeforeAll
  static void createDatabases() throws SQLException {
    postgresAdmin(
        "create schema " + SPACE,
        "create table " + SPACE + "." + CREATE_ORDERS.substring("create table ".length()),
        "create database " + SPACE);
    run(ownDatabase(), CREATE_ORDERS);
    mariaDbAdmin(
        "create database " + SPACE,
        "create user '" + SPACE + "'@'%' identified by '" + MARIADB_PASSWORD + "'",
        "create user '" + SPACE + "'@'localhost' identified by '" + MARIADB_PASSWORD + "'",
        "grant all on " + SPACE + ".* to '" + SPACE + "'@'%'",
        "grant all on " + SPACE + ".* to '" + SPACE + "'@'localhost'",
        CREATE_ORDERS.replace("table orders", "table " + SPACE + ".orders"));
  }

  @AfterAll
  static void dropDatabases() throws SQLException {
    postgresAdmin(
        "drop schema if exists " + SPACE + " cascade",
        "drop database if exists " + SPACE + " with (force)");
    mariaDbAdmin(
        "drop database if exists " + SPACE,
        "drop user if exists '" + SPACE + "'@'%'",
        "drop user if exists '" + SPACE + "'@'localhost'");
  }

  @Test
  void recordsAndFindsOrdersInPostgreSql() throws SQLException {
    // the local PostgreSQL trusts logins; the password still travels and must appear nowhere
    String url =
        PostgresTestSchema.URL
            + (PostgresTestSchema.URL.contains("?") ? "&" : "?")
            + "currentSchema="
            + SPACE;
    ConnectionView connection =
        database("POSTGRESQL", url, PostgresTestSchema.USER, secret("pg-e2e-pw-" + SUFFIX));

    recordsAndFindsOrders(connection);

    assertThat(rows(PostgresTestSchema.connect(), SPACE + ".orders")).isEqualTo(2);
  }

  /**
   * The System catalogue's PostgreSQL entry: the connection names host, port and database, and no
   * one types a JDBC URL. The orders live in a database of this test's own.
   */
  @Test
  void recordsAndFindsOrdersThroughTheCatalogueEntryWithoutAJdbcUrl() throws SQLException {
    ConnectionView connection = connections.catalogueConnection("PostgreSQL");
    connections.credentials(
        connection,
        Environment.QA,
        Map.of(
            "host",
            "127.0.0.1",
            "port",
            5432,
            "database",
            SPACE,
            "username",
            PostgresTestSchema.USER,
            "password",
            secret("pg-e2e-pw-" + SUFFIX)));

    recordsAndFindsOrders(connection);

    assertThat(rows(ownDatabase(), "orders")).isEqualTo(2);
  }

  @Test
  void recordsAndFindsOrdersInMariaDb() throws SQLException {
    ConnectionView connection =
        database(
            "MARIADB", "jdbc:mariadb://127.0.0.1:3306/" + SPACE, SPACE, secret(MARIADB_PASSWORD));

    recordsAndFindsOrders(connection);

    assertThat(rows(DriverManager.getConnection(MARIADB_ADMIN, "root", ""), SPACE + ".orders"))
        .isEqualTo(2);
  }

  private void recordsAndFindsOrders(ConnectionView connection) {
    long first =
        start(
            Map.of(
                "connection",
                keyOf(connection),
                "orderId",
                1,
                "customer",
                "ada",
                "item",
                "lamp",
                "quantity",
                2));
    records.awaitCompleted(first);

    assertThat(records.variables(first))
        .containsEntry("recorded", "1")
        .containsEntry("orderCount", "1")
        .containsEntry("orders", "[{\"id\":1,\"item\":\"lamp\",\"quantity\":2}]");

    String injection = "ada' or '1'='1";
    long second =
        start(
            Map.of(
                "connection",
                keyOf(connection),
                "orderId",
                2,
                "customer",
                injection,
                "item",
                "desk'); drop table orders; --",
                "quantity",
                1));
    records.awaitCompleted(second);

    // bound, not concatenated: the odd customer is stored and found as written, and only its order
    assertThat(records.variables(second))
        .containsEntry("orderCount", "1")
        .containsEntry(
            "orders", "[{\"id\":2,\"item\":\"desk'); drop table orders; --\",\"quantity\":1}]");
  }

  /**
   * A Database integration of {@code vendor} and a connection with QA credentials, as the runtime
   * serves QA.
   */
  private ConnectionView database(String vendor, String jdbcUrl, String username, String password) {
    ConnectionView connection =
        connections.connection(
            IntegrationType.DATABASE,
            AuthScheme.NONE,
            Map.of("vendor", vendor, "jdbcUrl", jdbcUrl));
    connections.credentials(
        connection, Environment.QA, Map.of("username", username, "password", password));
    return connection;
  }

  private static int rows(Connection admin, String table) throws SQLException {
    try (admin;
        Statement st = admin.createStatement();
        ResultSet rs = st.executeQuery("select count(*) from " + table)) {
      rs.next();
      return rs.getInt(1);
    }
  }

  /** The PostgreSQL database of this test, which the catalogue connection names. */
  private static Connection ownDatabase() throws SQLException {
    return DriverManager.getConnection(
        "jdbc:postgresql://127.0.0.1:5432/" + SPACE,
        PostgresTestSchema.USER,
        PostgresTestSchema.PASSWORD);
  }

  private static void postgresAdmin(String... statements) throws SQLException {
    run(PostgresTestSchema.connect(), statements);
  }

  private static void mariaDbAdmin(String... statements) throws SQLException {
    run(DriverManager.getConnection(MARIADB_ADMIN, "root", ""), statements);
  }

  private static void run(Connection admin, String... statements) throws SQLException {
    try (admin;
        Statement st = admin.createStatement()) {
      for (String statement : statements) {
        st.execute(statement);
      }
    }
  }
}
