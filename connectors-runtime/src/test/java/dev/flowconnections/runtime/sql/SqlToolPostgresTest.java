package dev.flowconnections.runtime.sql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.flowconnections.testsupport.PostgresTestSchema;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * The SQL Tool against the real PostgreSQL: the model is untrusted. Its parameter values are bound,
 * SQL it wrote runs only when the task opts in, and READ_ONLY is kept by the database.
 */
class SqlToolPostgresTest {

  private final SqlTestFixture sql =
      new SqlTestFixture()
          .connection(
              "POSTGRESQL",
              PostgresTestSchema.jdbcUrl(),
              PostgresTestSchema.USER,
              "pg-password-not-used");
  private final String table = "tool_orders_" + Long.toHexString(System.nanoTime());

  @BeforeEach
  void createTable() {
    sql.query("create table " + table + " (id int primary key, customer text not null)");
    sql.query("insert into " + table + " values (1, 'ann'), (2, 'bob')");
  }

  @AfterEach
  void close() {
    sql.query("drop table if exists " + table);
    sql.query("drop table if exists " + table + "_copy");
    sql.close();
  }

  // ---- NOT_ALLOWED (the default): the model supplies parameter values only ----

  @Test
  void aParameterValueSmugglingSqlStaysABoundValue() {
    String attack = "ann'; drop table " + table + "; --";
    SqlResult rows =
        (SqlResult)
            sql.runAsTool(
                Map.of(
                    "statement",
                    "select id from " + table + " where customer = :customer",
                    "parameters",
                    Map.of("customer", attack),
                    "toolCall",
                    toolCall(Map.of("customer", attack))));

    assertThat(rows.rowCount()).isZero();
    assertThat(count()).isEqualTo(2);
  }

  @Test
  void modelSqlWithoutOptInIsRefusedAndGoesBackToTheModel() {
    String query = "select * from " + table;

    Object result = sql.runAsTool(modelWrites(query, null));

    assertThat(codeOf(result)).isEqualTo(ModelSql.REFUSED);
  }

  @Test
  void aModelSuppliedDropTableIsRefusedWithoutOptIn() {
    Object result = sql.runAsTool(modelWrites("select 1; DROP TABLE " + table, null));

    assertThat(codeOf(result)).isEqualTo(ModelSql.REFUSED);
    assertThat(count()).isEqualTo(2);
  }

  /** The modeller concatenated the model's text into the statement: caught all the same. */
  @Test
  void modelTextConcatenatedIntoTheStatementCountsAsModelWritten() {
    String injected = "nobody' or '1'='1";
    Object result =
        sql.runAsTool(
            Map.of(
                "statement",
                "select id from " + table + " where customer = '" + injected + "'",
                "toolCall",
                toolCall(Map.of("customer", injected))));

    assertThat(codeOf(result)).isEqualTo(ModelSql.REFUSED);
  }

  @Test
  void valuesThatOnlyResembleTheStatementDoNotCount() {
    // "open" is inside open_date, 2 is a number: neither is SQL the model wrote
    sql.query("alter table " + table + " add column open_date date");
    SqlResult rows =
        (SqlResult)
            sql.runAsTool(
                Map.of(
                    "statement",
                    "select id, open_date from " + table + " where id = :id limit 2",
                    "parameters",
                    Map.of("id", 2),
                    "toolCall",
                    toolCall(Map.of("status", "open", "id", "2"))));

    assertThat(rows.rowCount()).isEqualTo(1);
  }

  @Test
  void withoutTheToolHeaderTheStatementIsTheModellersAlone() {
    String query = "select count(*) as n from " + table;
    SqlResult rows = (SqlResult) sql.run(modelWrites(query, null));

    assertThat(rows.rows().get(0).get("n")).isEqualTo(2L);
  }

  // ---- READ_ONLY ----

  @Test
  void readOnlyRunsTheModelsQuery() {
    SqlResult rows =
        (SqlResult)
            sql.runAsTool(
                modelWrites("select customer from " + table + " order by id", "READ_ONLY"));

    assertThat(rows.rows()).extracting(r -> r.get("customer")).containsExactly("ann", "bob");
  }

  @Test
  void readOnlyRefusesWritesAndDdlBeforeTheDatabase() {
    for (String write :
        List.of(
            "insert into " + table + " values (3, 'eve')",
            "update " + table + " set customer = 'eve'",
            "delete from " + table,
            "drop table " + table,
            "create table " + table + "_copy (id int)",
            "SET TRANSACTION READ WRITE",
            "COMMIT; DELETE FROM " + table,
            "select 1; delete from " + table,
            "commit")) {
      assertThat(codeOf(sql.runAsTool(modelWrites(write, "READ_ONLY"))))
          .as(write)
          .isEqualTo(ModelSql.REFUSED);
    }
    assertThat(count()).isEqualTo(2);
  }

  /** Writes that look like queries reach the database, which refuses them: 25006. */
  @Test
  void readOnlyIsKeptByTheDatabase() {
    for (String write :
        List.of(
            "with d as (delete from " + table + " returning *) select * from d",
            "with i as (insert into " + table + " values (3, 'eve') returning *) select * from i",
            "with u as (update " + table + " set customer = 'eve' returning *) select * from u",
            "select * into " + table + "_copy from " + table)) {
      Map<String, Object> error = errorOf(sql.runAsTool(modelWrites(write, "READ_ONLY")));
      assertThat(error.get("code")).as(write).isEqualTo(SqlFailures.SQL_ERROR);
      assertThat(error.get("details")).as(write).isEqualTo(Map.of("sqlState", "25006"));
    }
    assertThat(count()).isEqualTo(2);
    assertThat(sql.query("select to_regclass('" + table + "_copy') as t").rows().get(0).get("t"))
        .isNull();
  }

  @Test
  void readOnlyRefusesABatch() {
    String query = "select 1";
    Map<String, Object> variables = new LinkedHashMap<>();
    variables.put("statements", List.of(Map.of("statement", query)));
    variables.put("modelWrittenSql", "READ_ONLY");
    variables.put("toolCall", toolCall(Map.of("query", query)));

    assertThat(codeOf(sql.runAsTool(variables))).isEqualTo(ModelSql.REFUSED);
  }

  @Test
  void theSessionIsWritableAgainForTheNextTask() {
    sql.runAsTool(modelWrites("select 1 as one from " + table, "READ_ONLY"));

    assertThat(sql.query("insert into " + table + " values (3, 'eve')").updateCount()).isEqualTo(1);
  }

  @Test
  void readWriteRunsTheModelsWrite() {
    SqlResult deleted =
        (SqlResult)
            sql.runAsTool(modelWrites("delete from " + table + " where id = 1", "READ_WRITE"));

    assertThat(deleted.updateCount()).isEqualTo(1);
  }

  /** The read-only transaction on its own: the database refuses every kind of write. */
  @Test
  void theReadOnlyTransactionRefusesWritesDdlAndSwitchingBack() {
    DriverManagerDataSource database =
        new DriverManagerDataSource(
            PostgresTestSchema.jdbcUrl(), PostgresTestSchema.USER, PostgresTestSchema.PASSWORD);
    for (String write :
        List.of(
            "insert into " + table + " values (3, 'eve')",
            "update " + table + " set customer = 'eve'",
            "delete from " + table,
            "create table " + table + "_copy (id int)",
            "drop table " + table)) {
      assertThatThrownBy(
              () ->
                  ReadOnlySql.run(
                      database, "POSTGRESQL", jdbc -> jdbc.getJdbcTemplate().update(write)))
          .as(write)
          .isInstanceOf(DataAccessException.class)
          .satisfies(e -> assertThat(sqlState(e)).isEqualTo("25006"));
    }
    assertThatThrownBy(
            () ->
                ReadOnlySql.run(
                    database,
                    "POSTGRESQL",
                    jdbc -> {
                      jdbc.getJdbcTemplate().execute("SET TRANSACTION READ WRITE");
                      return jdbc.getJdbcTemplate().update("delete from " + table);
                    }))
        .isInstanceOf(DataAccessException.class)
        .satisfies(e -> assertThat(sqlState(e)).isEqualTo("25001"));
    assertThat(count()).isEqualTo(2);
  }

  private Map<String, Object> modelWrites(String query, String mode) {
    Map<String, Object> variables = new LinkedHashMap<>();
    variables.put("statement", query);
    variables.put("toolCall", toolCall(Map.of("query", query)));
    if (mode != null) {
      variables.put("modelWrittenSql", mode);
    }
    return variables;
  }

  /** What the agent passes: the model's arguments and the call's own _meta. */
  private static Map<String, Object> toolCall(Map<String, Object> arguments) {
    Map<String, Object> call = new LinkedHashMap<>(arguments);
    call.put("_meta", Map.of("id", "call_1", "name", "QueryOrders"));
    return call;
  }

  private long count() {
    return (Long) sql.query("select count(*) as n from " + table).rows().get(0).get("n");
  }

  @SuppressWarnings("unchecked")
  static Map<String, Object> errorOf(Object result) {
    assertThat(result).as("the tool's result").isInstanceOf(Map.class);
    return (Map<String, Object>) ((Map<String, Object>) result).get("error");
  }

  static Object codeOf(Object result) {
    return errorOf(result).get("code");
  }

  static String sqlState(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof SQLException s) {
        return s.getSQLState();
      }
    }
    return null;
  }
}
