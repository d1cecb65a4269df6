package dev.flowconnections.runtime.sql;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import java.util.Map;

/**
 * What one statement did: the rows of a query (at most maxRows, {@code truncated} when there were
 * more) or the update count of anything else.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record SqlResult(
    List<Map<String, Object>> rows, Integer rowCount, Boolean truncated, Integer updateCount) {

  static SqlResult query(List<Map<String, Object>> rows, boolean truncated) {
    return new SqlResult(rows, rows.size(), truncated, null);
  }

  static SqlResult update(int count) {
    return new SqlResult(null, null, null, count);
  }

  /** The result of a batch: one entry per statement, in order. */
  public record Batch(List<SqlResult> results) {}
}
