package dev.flowconnections.runtime.sql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.flowconnections.testsupport.PostgresTestSchema;
import io.camunda.connector.api.error.ConnectorException;
import io.camunda.connector.api.error.ConnectorInputException;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.TimeZone;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The SQL worker against the real PostgreSQL, in this JVM's test schema. */
class SqlPostgresTest {

  private final SqlTestFixture sql =
      new SqlTestFixture()
          .connection(
              "POSTGRESQL",
              PostgresTestSchema.jdbcUrl(),
              PostgresTestSchema.USER,
              "pg-password-not-used");
  private final String table = "orders_" + Long.toHexString(System.nanoTime());

  @BeforeEach
  void createTable() {
    sql.query(
        "create table "
            + table
            + " (id int primary key, customer text not null, total numeric(10,2),"
            + " placed_at timestamptz, paid boolean)");
  }

  @AfterEach
  void close() {
    sql.query("drop table if exists " + table);
    sql.close();
  }

  @Test
  void insertsWithBoundParametersAndReadsRowsBack() {
    SqlResult inserted =
        sql.query(
            "insert into " + table + " values (:id, :customer, :total, now(), :paid)",
            Map.of(
                "id", 1, "customer", "O'Brien; drop table " + table, "total", 19.99, "paid", true));

    assertThat(inserted.updateCount()).isEqualTo(1);
    SqlResult rows =
        sql.query(
            "select id, customer, total, paid, placed_at from " + table + " where id = :id",
            Map.of("id", 1));
    assertThat(rows.rowCount()).isEqualTo(1);
    assertThat(rows.truncated()).isFalse();
    Map<String, Object> row = rows.rows().get(0);
    assertThat(row)
        .containsEntry("id", 1)
        .containsEntry("customer", "O'Brien; drop table " + table)
        .containsEntry("paid", true);
    assertThat(row.get("total").toString()).isEqualTo("19.99");
    assertThat(row.get("placed_at").toString()).matches("\\d{4}-\\d{2}-\\d{2}T.*Z");
  }

  @Test
  void limitsRowsAndSaysSo() {
    for (int i = 1; i <= 5; i++) {
      sql.query("insert into " + table + " (id, customer) values (:id, 'c')", Map.of("id", i));
    }

    SqlResult rows =
        (SqlResult)
            sql.run(
                Map.of(
                    "statement",
                    "select id from " + table + " where id in (:ids) order by id",
                    "parameters",
                    Map.of("ids", List.of(1, 2, 3, 4)),
                    "maxRows",
                    3));

    assertThat(rows.rows()).extracting(r -> r.get("id")).containsExactly(1, 2, 3);
    assertThat(rows.truncated()).isTrue();
  }

  @Test
  void aTransactionalBatchIsAllOrNothing() {
    assertThatThrownBy(
            () ->
                sql.run(
                    Map.of(
                        "transaction",
                        true,
                        "statements",
                        List.of(
                            Map.of(
                                "statement",
                                "insert into " + table + " (id, customer) values (1, 'first')"),
                            Map.of(
                                "statement",
                                "insert into "
                                    + table
                                    + " (id, customer) values (1, 'duplicate')")))))
        .isInstanceOfSatisfying(
            ConnectorException.class,
            e -> {
              assertThat(e.getErrorCode()).isEqualTo(SqlFailures.SQL_ERROR);
              assertThat(e.getMessage())
                  .startsWith("statement 2 failed")
                  .contains("SQLState 23505");
              assertThat(e.getErrorVariables()).containsEntry("sqlState", "23505");
            });
    assertThat(sql.query("select count(*) as n from " + table).rows().get(0).get("n"))
        .isEqualTo(0L);

    SqlResult.Batch batch =
        (SqlResult.Batch)
            sql.run(
                Map.of(
                    "statements",
                    List.of(
                        Map.of(
                            "statement",
                            "insert into " + table + " (id, customer) values (:id, 'a')",
                            "parameters",
                            Map.of("id", 7)),
                        Map.of("statement", "select customer from " + table + " where id = 7"))));
    assertThat(batch.results()).hasSize(2);
    assertThat(batch.results().get(1).rows()).containsExactly(Map.of("customer", "a"));
  }

  @Test
  void badSqlAndMissingParametersAreIncidentsWithoutRetries() {
    assertThatThrownBy(() -> sql.query("selec * from " + table))
        .isInstanceOf(ConnectorInputException.class)
        .hasMessageContaining("statement 1 failed")
        .hasMessageContaining("42601");
    assertThatThrownBy(() -> sql.query("select * from " + table + " where id = :id"))
        .isInstanceOf(ConnectorInputException.class)
        .hasMessageContaining("'id'");
  }

  @Test
  void valuesBecomeJsonFriendlyAndTimestampsKeepTheirMeaningInAnyRuntimeTimeZone() {
    TimeZone runtimeZone = TimeZone.getDefault();
    TimeZone.setDefault(TimeZone.getTimeZone("Asia/Tokyo")); // the pool's sessions start under it
    try (SqlTestFixture tokyo =
        new SqlTestFixture()
            .connection(
                "POSTGRESQL", PostgresTestSchema.jdbcUrl(), PostgresTestSchema.USER, null)) {
      Map<String, Object> row =
          tokyo
              .query(
                  "select timestamp '2024-05-01 10:00:00' as local_time,"
                      + " timestamptz '2024-05-01 10:00:00+00' as instant, date '2024-05-01' as day,"
                      + " 12.50::numeric(6,2) as amount, 9007199254740993::bigint as big, '\\xCAFE'::bytea as photo,"
                      + " array[1,2] as ids, null::text as nothing")
              .rows()
              .get(0);

      assertThat(row.get("local_time"))
          .isEqualTo("2024-05-01T10:00:00"); // as stored, not shifted by +09:00
      assertThat(row.get("instant")).isEqualTo("2024-05-01T10:00:00Z");
      assertThat(row.get("day")).isEqualTo("2024-05-01");
      assertThat(row.get("amount")).isEqualTo(new BigDecimal("12.50"));
      assertThat(row.get("big")).isEqualTo(9007199254740993L);
      assertThat(row.get("photo")).isEqualTo("yv4=");
      assertThat(row.get("ids")).isEqualTo(List.of(1, 2));
      assertThat(row).containsEntry("nothing", null);
    } finally {
      TimeZone.setDefault(runtimeZone);
    }
  }
}
