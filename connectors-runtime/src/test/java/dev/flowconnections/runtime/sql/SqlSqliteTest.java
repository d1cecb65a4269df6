package dev.flowconnections.runtime.sql;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The SQL worker on an SQLite file: no server, no credentials. */
class SqlSqliteTest {

  @TempDir Path dir;

  @Test
  void worksOnADatabaseFile() {
    try (SqlTestFixture sql = new SqlTestFixture().connection("SQLITE", "jdbc:sqlite:" + dir.resolve("orders.db"), null, null)) {
      sql.query("create table orders (id integer primary key, item text, qty integer, photo blob)");
      assertThat(sql.query("insert into orders (item, qty, photo) values (:item, :qty, x'CAFE')",
          Map.of("item", "lamp", "qty", 2)).updateCount()).isEqualTo(1);

      assertThat(sql.query("select item, qty, photo from orders").rows())
          .containsExactly(Map.of("item", "lamp", "qty", 2, "photo", "yv4="));
    }
  }
}
