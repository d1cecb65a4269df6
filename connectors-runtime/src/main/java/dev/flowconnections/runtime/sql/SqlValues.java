package dev.flowconnections.runtime.sql;

import java.sql.Array;
import java.sql.Blob;
import java.sql.Clob;
import java.sql.Date;
import java.sql.SQLException;
import java.sql.Time;
import java.sql.Timestamp;
import java.time.temporal.TemporalAccessor;
import java.util.Arrays;
import java.util.Base64;
import java.util.UUID;

/** Turns JDBC column values into what process variables hold: JSON numbers, text, booleans, lists. */
final class SqlValues {

  private SqlValues() {}

  static Object toVariable(Object value) throws SQLException {
    return switch (value) {
      case null -> null;
      case Number n -> n;
      case Boolean b -> b;
      case String s -> s;
      case Timestamp t -> t.toInstant().toString();
      case Date d -> d.toLocalDate().toString();
      case Time t -> t.toLocalTime().toString();
      case TemporalAccessor t -> t.toString();
      case UUID u -> u.toString();
      case byte[] bytes -> Base64.getEncoder().encodeToString(bytes);
      case Blob blob -> Base64.getEncoder().encodeToString(blob.getBytes(1, (int) blob.length()));
      case Clob clob -> clob.getSubString(1, (int) clob.length());
      case Array array -> Arrays.stream((Object[]) array.getArray()).map(SqlValues::unchecked).toList();
      default -> value.toString(); // e.g. PostgreSQL json/jsonb, intervals
    };
  }

  private static Object unchecked(Object value) {
    try {
      return toVariable(value);
    } catch (SQLException e) {
      throw new IllegalStateException("cannot read an array element: " + e.getClass().getSimpleName(), e);
    }
  }
}
