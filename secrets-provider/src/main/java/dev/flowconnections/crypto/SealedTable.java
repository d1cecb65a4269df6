package dev.flowconnections.crypto;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.core.simple.JdbcClient.StatementSpec;

/**
 * A table of envelope-encrypted rows (columns {@code key_id, wrapped_key, ciphertext}) as the
 * master key rotation re-seals them. The statements on the envelope columns are here, once; the
 * table's owner (the class with the rest of its SQL) says how rows are selected and identified.
 */
public abstract class SealedTable {

  private final JdbcClient jdbc;
  private final String name;

  protected SealedTable(JdbcClient jdbc, String name) {
    this.jdbc = jdbc;
    this.name = name;
  }

  public final String name() {
    return name;
  }

  /**
   * Locks ({@code for update skip locked}) up to {@code limit} rows sealed with one of {@code
   * keyIds}; rows a concurrent write holds are left for a later batch.
   */
  public final List<SealedRow> lockSealedWith(Collection<String> keyIds, int limit) {
    return jdbc.sql(lockQuery())
        .param("keyIds", keyIds)
        .param("limit", limit)
        .query((rs, n) -> row(rs))
        .list();
  }

  /**
   * Stores the re-sealed box, provided the row still holds the box that was read (a second guard
   * besides the row lock against overwriting a newer write). Returns whether it did.
   */
  public final boolean replace(SealedRow row, SealedBox resealed) {
    StatementSpec update =
        jdbc.sql(
                "update "
                    + name
                    + " set key_id = :keyId, wrapped_key = :wrapped, ciphertext = :ciphertext"
                    + " where "
                    + rowCondition()
                    + " and key_id = :oldKeyId and wrapped_key = :oldWrapped")
            .param("keyId", resealed.keyId())
            .param("wrapped", resealed.wrappedKey())
            .param("ciphertext", resealed.ciphertext())
            .param("oldKeyId", row.box().keyId())
            .param("oldWrapped", row.box().wrappedKey());
    return bindRow(update, row.id()).update() == 1;
  }

  /** How many rows each master key id seals. */
  public final Map<String, Long> countByKeyId() {
    Map<String, Long> counts = new TreeMap<>();
    jdbc.sql("select key_id, count(*) from " + name + " group by key_id")
        .query(
            rs -> {
              counts.put(rs.getString(1), rs.getLong(2));
            });
    return counts;
  }

  /**
   * Selects the row ids and the envelope columns of rows {@code where key_id in (:keyIds)}, in a
   * stable order, {@code limit :limit}, locking only this table's rows {@code for update skip
   * locked}.
   */
  protected abstract String lockQuery();

  /** One row of {@link #lockQuery()}. */
  protected abstract SealedRow row(ResultSet rs) throws SQLException;

  /** The condition that picks one row by the parameters {@link #bindRow} binds. */
  protected abstract String rowCondition();

  protected abstract StatementSpec bindRow(StatementSpec update, Object id);

  /**
   * The box of a row whose select lists {@code key_id, wrapped_key, ciphertext} from column {@code
   * first} on.
   */
  protected static SealedBox box(ResultSet rs, int first) throws SQLException {
    return new SealedBox(rs.getString(first), rs.getBytes(first + 1), rs.getBytes(first + 2));
  }
}
