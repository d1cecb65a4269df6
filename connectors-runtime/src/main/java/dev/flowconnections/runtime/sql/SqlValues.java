package dev.flowconnections.runtime.sql;

import java.sql.Array;
import java.sql.Blob;
import java.sql.Clob;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Time;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.TemporalAccessor;
import java.util.Arrays;
import java.util.Base64;
import java.util.Locale;
import java.util.UUID;

/**
 * Turns JDBC column values into what process variables hold: JSON numbers (BigDecimal included),
 * text, booleans, lists; dates and times as ISO-8601 text, binary values as base64.
 *
 * <p>A timestamp <em>with</em> time zone becomes an instant with its offset ({@code
 * 2024-05-01T10:00:00Z}); one <em>without</em> stays the local date-time the database holds ({@code
 * 2024-05-01T10:00:00}). {@link Timestamp#toInstant()} would read the latter in the runtime's own
 * time zone and shift it by the runtime's offset.
 */
final class SqlValues {

  private static final DateTimeFormatter LOCAL = DateTimeFormatter.ISO_LOCAL_DATE_TIME;
  private static final DateTimeFormatter WITH_OFFSET = DateTimeFormatter.ISO_OFFSET_DATE_TIME;

  private SqlValues() {}

  static Object read(ResultSet rows, int column, ResultSetMetaData meta) throws SQLException {
    Object value = rows.getObject(column);
    if (value == null) {
      return null;
    }
    if (carriesOffset(meta.getColumnType(column), meta.getColumnTypeName(column))) {
      OffsetDateTime withOffset = offsetDateTime(rows, column);
      if (withOffset != null) {
        return WITH_OFFSET.format(withOffset);
      }
    }
    return toVariable(value);
  }

  static Object toVariable(Object value) throws SQLException {
    return switch (value) {
      case null -> null;
      case Number n -> n;
      case Boolean b -> b;
      case String s -> s;
      case Timestamp t -> LOCAL.format(t.toLocalDateTime());
      case Date d -> d.toLocalDate().toString();
      case Time t -> t.toLocalTime().toString();
      case LocalDateTime t -> LOCAL.format(t);
      case OffsetDateTime t -> WITH_OFFSET.format(t);
      case Instant t -> WITH_OFFSET.format(t.atOffset(ZoneOffset.UTC));
      case TemporalAccessor t -> t.toString();
      case UUID u -> u.toString();
      case byte[] bytes -> Base64.getEncoder().encodeToString(bytes);
      case Blob blob -> Base64.getEncoder().encodeToString(blob.getBytes(1, (int) blob.length()));
      case Clob clob -> clob.getSubString(1, (int) clob.length());
      case Array array ->
          Arrays.stream((Object[]) array.getArray()).map(SqlValues::unchecked).toList();
      default -> value.toString(); // e.g. PostgreSQL json/jsonb (as JSON text), intervals
    };
  }

  /**
   * PostgreSQL reports {@code timestamptz} as a plain TIMESTAMP type, Oracle has codes of its own,
   * so the type name decides as well as the JDBC type.
   */
  private static boolean carriesOffset(int jdbcType, String typeName) {
    String name = typeName == null ? "" : typeName.toLowerCase(Locale.ROOT);
    return jdbcType == Types.TIMESTAMP_WITH_TIMEZONE
        || name.equals("timestamptz")
        || (name.startsWith("timestamp") && name.contains("time zone"))
        || name.equals("datetimeoffset");
  }

  /**
   * Null when the driver cannot hand the column out as an OffsetDateTime; the plain value serves
   * then.
   */
  private static OffsetDateTime offsetDateTime(ResultSet rows, int column) {
    try {
      return rows.getObject(column, OffsetDateTime.class);
    } catch (SQLException | RuntimeException e) {
      return null;
    }
  }

  private static Object unchecked(Object value) {
    try {
      return toVariable(value);
    } catch (SQLException e) {
      throw new IllegalStateException(
          "cannot read an array element: " + e.getClass().getSimpleName(), e);
    }
  }
}
