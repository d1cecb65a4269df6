package dev.flowconnections.runtime.sql;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flowconnections.runtime.connectiontest.TestOutcome;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The SQL worker on an SQLite file: no server, no credentials. */
@Tag("fast")
class SqlSqliteTest {

  @TempDir Path dir;

  @Test
  void worksOnADatabaseFile() {
    try (SqlTestFixture sql =
        new SqlTestFixture()
            .connection("SQLITE", "jdbc:sqlite:" + dir.resolve("orders.db"), null, null)) {
      sql.query("create table orders (id integer primary key, item text, qty integer, photo blob)");
      assertThat(
              sql.query(
                      "insert into orders (item, qty, photo) values (:item, :qty, x'CAFE')",
                      Map.of("item", "lamp", "qty", 2))
                  .updateCount())
          .isEqualTo(1);

      assertThat(sql.query("select item, qty, photo from orders").rows())
          .containsExactly(Map.of("item", "lamp", "qty", 2, "photo", "yv4="));
    }
  }

  @Test
  void theConnectionTestOpensAnExistingFileAndCreatesNoneWhereNoneIs() {
    SqlConnectionTester tester = new SqlConnectionTester();
    Path database = dir.resolve("orders.db");
    try (SqlTestFixture sql =
        new SqlTestFixture().connection("SQLITE", "jdbc:sqlite:" + database, null, null)) {
      sql.query("create table orders (id integer primary key)");

      TestOutcome existing = tester.test(sql.resolved());
      assertThat(existing.ok()).as(existing.message()).isTrue();
      assertThat(existing.message()).startsWith("connected to SQLite");

      Path missing = dir.resolve("typo.db");
      TestOutcome typo =
          tester.test(sql.connection("SQLITE", "jdbc:sqlite:" + missing, null, null).resolved());
      assertThat(typo.ok()).isFalse();
      assertThat(missing).doesNotExist();
    }
  }
}
