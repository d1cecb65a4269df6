package dev.flowconnections.rotation;

import java.util.Map;
import java.util.TreeMap;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Row counts by master key id. */
final class KeyCounts {

  private KeyCounts() {}

  static Map<String, Long> of(JdbcClient jdbc, String groupedQuery) {
    Map<String, Long> counts = new TreeMap<>();
    jdbc.sql(groupedQuery).query(rs -> {
      counts.put(rs.getString(1), rs.getLong(2));
    });
    return counts;
  }

  static Map<String, Long> sum(Map<String, Long> a, Map<String, Long> b) {
    Map<String, Long> total = new TreeMap<>(a);
    b.forEach((key, count) -> total.merge(key, count, Long::sum));
    return total;
  }
}
