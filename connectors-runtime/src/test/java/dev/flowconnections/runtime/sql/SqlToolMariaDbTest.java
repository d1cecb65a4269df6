package dev.flowconnections.runtime.sql;

import static dev.flowconnections.runtime.sql.SqlToolPostgresTest.codeOf;
import static dev.flowconnections.runtime.sql.SqlToolPostgresTest.errorOf;
import static dev.flowconnections.runtime.sql.SqlToolPostgresTest.sqlState;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * READ_ONLY model-written SQL against the real MariaDB of this machine (root without password
 * creates a database and a user with rights on it only; override with FC_TEST_MARIADB_URL).
 */
class SqlToolMariaDbTest {

  static final String ROOT_URL = SqlMariaDbTest.ROOT_URL;
  static final String SUFFIX = Long.toHexString(System.nanoTime());
  static final String DATABASE = "fc_tool_" + SUFFIX;
  static final String USER = "fc_tool_" + SUFFIX;
  static final String PASSWORD = "maria-tool-" + SUFFIX;
  static final String URL = "jdbc:mariadb://127.0.0.1:3306/" + DATABASE;

  private final SqlTestFixture sql =
      new SqlTestFixture().connection("MARIADB", URL, USER, PASSWORD);

  @BeforeAll
  static void createDatabaseAndUser() throws SQLException {
    root("create database " + DATABASE);
    for (String host : List.of("%", "localhost")) {
      root("create user '" + USER + "'@'" + host + "' identified by '" + PASSWORD + "'");
      root("grant all on " + DATABASE + ".* to '" + USER + "'@'" + host + "'");
    }
    root("create table " + DATABASE + ".customers (id int primary key, name varchar(100))");
    root("insert into " + DATABASE + ".customers values (1, 'Ada'), (2, 'Bob')");
    // a function that writes, callable from a query: only the transaction can stop it
    root(
        "create function "
            + DATABASE
            + ".forget_all() returns int modifies sql data begin delete from "
            + DATABASE
            + ".customers; return 1; end");
  }

  @AfterAll
  static void dropDatabaseAndUser() throws SQLException {
    root("drop database if exists " + DATABASE);
    root("drop user if exists '" + USER + "'@'%'");
    root("drop user if exists '" + USER + "'@'localhost'");
  }

  @AfterEach
  void close() {
    sql.close();
  }

  @Test
  void readOnlyRunsTheModelsQuery() {
    SqlResult rows =
        (SqlResult) sql.runAsTool(modelWrites("select name from customers order by id"));

    assertThat(rows.rows()).extracting(r -> r.get("name")).containsExactly("Ada", "Bob");
  }

  @Test
  void aQueryThatWritesIsRefusedByTheDatabase() {
    Map<String, Object> error = errorOf(sql.runAsTool(modelWrites("select forget_all()")));

    assertThat(error.get("code")).isEqualTo(SqlFailures.SQL_ERROR);
    assertThat(error.get("details")).isEqualTo(Map.of("sqlState", "25006"));
    assertThat(count()).isEqualTo(2);
  }

  @Test
  void writesTricksAndFilesAreRefusedBeforeTheDatabase() {
    for (String attack :
        List.of(
            "delete from customers",
            "SET SESSION TRANSACTION READ WRITE",
            "COMMIT; DELETE FROM customers",
            "select 1; drop table customers",
            "select * from customers into outfile '/tmp/fc-" + SUFFIX + "'")) {
      assertThat(codeOf(sql.runAsTool(modelWrites(attack)))).as(attack).isEqualTo(ModelSql.REFUSED);
    }
    assertThat(count()).isEqualTo(2);
  }

  /** The session was made read-only for the model's query; the pool lends it writable again. */
  @Test
  void theSessionIsWritableAgainForTheNextTask() {
    sql.query("create table if not exists notes (id int)");
    for (int i = 0; i < 3; i++) {
      sql.runAsTool(modelWrites("select name from customers"));
      assertThat(sql.query("insert into notes values (:id)", Map.of("id", i)).updateCount())
          .isEqualTo(1);
    }
  }

  /**
   * The read-only transaction on its own: the database refuses every kind of write. DDL included,
   * which MariaDB runs after an implicit commit, outside a read-only transaction: only the
   * session's read-only mode refuses it.
   */
  @Test
  void theReadOnlyTransactionRefusesWritesDdlAndSwitchingBack() {
    DriverManagerDataSource database = new DriverManagerDataSource(URL, USER, PASSWORD);
    for (String write :
        List.of(
            "insert into customers values (3, 'Eve')",
            "update customers set name = 'Eve'",
            "delete from customers",
            "create table copies (id int)",
            "drop table customers")) {
      assertThatThrownBy(
              () ->
                  ReadOnlySql.run(
                      database, "MARIADB", jdbc -> jdbc.getJdbcTemplate().update(write)))
          .as(write)
          .isInstanceOf(DataAccessException.class)
          .satisfies(e -> assertThat(sqlState(e)).as(write).isIn("25006", "HY000", "25001"));
    }
    assertThatThrownBy(
            () ->
                ReadOnlySql.run(
                    database,
                    "MARIADB",
                    jdbc -> {
                      jdbc.getJdbcTemplate().execute("SET TRANSACTION READ WRITE");
                      return jdbc.getJdbcTemplate().update("delete from customers");
                    }))
        .isInstanceOf(DataAccessException.class);
    assertThat(count()).isEqualTo(2);
    assertThat(
            sql.query(
                    "select count(*) as n from information_schema.tables where table_schema ="
                        + " database() and table_name = 'copies'")
                .rows()
                .get(0)
                .get("n"))
        .isEqualTo(0L);
  }

  private static Map<String, Object> modelWrites(String query) {
    Map<String, Object> variables = new LinkedHashMap<>();
    variables.put("statement", query);
    variables.put("modelWrittenSql", "READ_ONLY");
    variables.put("toolCall", Map.of("query", query, "_meta", Map.of("id", "c1", "name", "Q")));
    return variables;
  }

  private long count() {
    return ((Number) sql.query("select count(*) as n from customers").rows().get(0).get("n"))
        .longValue();
  }

  private static void root(String statement) throws SQLException {
    try (Connection c = DriverManager.getConnection(ROOT_URL, "root", "");
        Statement st = c.createStatement()) {
      st.execute(statement);
    }
  }
}
