package dev.flowconnections.runtime.sql;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** Which statement text counts as the model's, without a database. */
@Tag("fast")
class ModelSqlTest {

  @Test
  void theModelsTextWholeOrConcatenatedCounts() {
    assertThat(ModelSql.isModelWritten("select * from t", List.of("select * from t"))).isTrue();
    assertThat(
            ModelSql.isModelWritten(
                "select * from t where name = 'x' or '1'='1'", List.of("x' or '1'='1")))
        .isTrue();
    assertThat(ModelSql.isModelWritten("select * from users", List.of("users"))).isTrue();
    assertThat(ModelSql.isModelWritten("select 1;drop table t", List.of(";drop table t"))).isTrue();
  }

  @Test
  void numbersAndPartsOfWordsDoNotCount() {
    assertThat(ModelSql.isModelWritten("select * from t limit 10", List.of("10", "1"))).isFalse();
    assertThat(ModelSql.isModelWritten("select open_date from t", List.of("open"))).isFalse();
    assertThat(ModelSql.isModelWritten("select * from t where id = :id", List.of("ann"))).isFalse();
    assertThat(ModelSql.isModelWritten(null, List.of("x"))).isFalse();
  }
}
