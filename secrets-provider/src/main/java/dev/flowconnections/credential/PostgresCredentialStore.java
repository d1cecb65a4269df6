package dev.flowconnections.credential;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.flowconnections.crypto.EnvelopeCipher;
import dev.flowconnections.crypto.SealedBox;
import dev.flowconnections.crypto.SealedRow;
import dev.flowconnections.crypto.SealedTable;
import dev.flowconnections.environment.Environment;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.core.simple.JdbcClient.StatementSpec;

/**
 * The embedded default store: the secret fields of a connection environment as one envelope-
 * encrypted JSON object per row. Runs in the caller's transaction, so a failed update writes
 * neither metadata nor secrets.
 */
public class PostgresCredentialStore implements JoinableCredentialStore {

  private static final String TABLE = "connection_credential";
  private static final String ROW = "connection_id = :id and environment = :env";

  /**
   * Joins a location's row into a query that reads the connection as {@code c}, for the environment
   * bound as {@code :env}; select {@link #JOINED_COLUMNS} and map with {@link #joined(ResultSet)}.
   */
  public static final String JOIN =
      "left join " + TABLE + " cc on cc.connection_id = c.id and cc.environment = :env";

  public static final String JOINED_COLUMNS =
      "cc.key_id as cc_key_id, cc.wrapped_key as cc_wrapped_key, cc.ciphertext as cc_ciphertext";

  private final JdbcClient jdbc;
  private final EnvelopeCipher cipher;
  private final ObjectMapper json;
  private final Clock clock;

  public PostgresCredentialStore(
      JdbcClient jdbc, EnvelopeCipher cipher, ObjectMapper json, Clock clock) {
    this.jdbc = jdbc;
    this.cipher = cipher;
    this.json = json;
    this.clock = clock;
  }

  @Override
  public Optional<SecretValues> read(CredentialLocation location) {
    return bindRow(
            jdbc.sql("select key_id, wrapped_key, ciphertext from " + TABLE + " where " + ROW),
            location)
        .query((rs, n) -> new SealedBox(rs.getString(1), rs.getBytes(2), rs.getBytes(3)))
        .optional()
        .flatMap(box -> open(location, Optional.of(box)));
  }

  /** The sealed row of a query that joined {@link #JOIN}; empty when there is none. */
  public static Optional<SealedBox> joined(ResultSet rs) throws SQLException {
    String keyId = rs.getString("cc_key_id");
    return keyId == null
        ? Optional.empty()
        : Optional.of(
            new SealedBox(keyId, rs.getBytes("cc_wrapped_key"), rs.getBytes("cc_ciphertext")));
  }

  @Override
  public boolean joinable(CredentialLocation location) {
    return true;
  }

  @Override
  public Optional<SecretValues> open(CredentialLocation location, Optional<SealedBox> row) {
    return row.map(box -> decode(cipher.open(box, aad(location))));
  }

  @Override
  public void write(CredentialLocation location, SecretValues values) {
    SealedBox box = cipher.seal(encode(values), aad(location));
    jdbc.sql(
            "insert into connection_credential (connection_id, environment, key_id, wrapped_key, ciphertext,"
                + " updated_at) values (:id, :env, :keyId, :wrapped, :ciphertext, :at)"
                + " on conflict (connection_id, environment) do update set key_id = excluded.key_id,"
                + " wrapped_key = excluded.wrapped_key, ciphertext = excluded.ciphertext,"
                + " updated_at = excluded.updated_at")
        .param("id", location.connectionId())
        .param("env", location.environment().name())
        .param("keyId", box.keyId())
        .param("wrapped", box.wrappedKey())
        .param("ciphertext", box.ciphertext())
        .param("at", Timestamp.from(clock.instant()))
        .update();
  }

  @Override
  public void delete(CredentialLocation location) {
    bindRow(jdbc.sql("delete from " + TABLE + " where " + ROW), location).update();
  }

  @Override
  public String name() {
    return "postgres";
  }

  /**
   * The table's rows as the master key rotation re-seals them. Static: the rotation covers the
   * table whichever store the services use, and brings its own cipher.
   */
  public static SealedTable sealedRows(JdbcClient jdbc) {
    return new SealedCredentials(jdbc);
  }

  private static StatementSpec bindRow(StatementSpec statement, CredentialLocation location) {
    return statement
        .param("id", location.connectionId())
        .param("env", location.environment().name());
  }

  private static byte[] aad(CredentialLocation location) {
    return location.associatedData().getBytes(StandardCharsets.UTF_8);
  }

  private byte[] encode(SecretValues values) {
    try {
      return json.writeValueAsBytes(values.asMap());
    } catch (IOException e) {
      throw new IllegalStateException("cannot serialize credentials", null);
    }
  }

  private SecretValues decode(byte[] plaintext) {
    try {
      return SecretValues.of(
          json.readValue(plaintext, new TypeReference<LinkedHashMap<String, Object>>() {}));
    } catch (IOException e) {
      // never attach the cause: its message could quote the decrypted text
      throw new IllegalStateException("decrypted credentials are not valid JSON", null);
    }
  }

  /**
   * A row is identified by its location; the connection's organization is part of the associated
   * data.
   */
  private static final class SealedCredentials extends SealedTable {

    SealedCredentials(JdbcClient jdbc) {
      super(jdbc, TABLE);
    }

    @Override
    protected String lockQuery() {
      return "select c.connection_id, c.environment, c.key_id, c.wrapped_key, c.ciphertext, conn.organization_id"
          + " from connection_credential c join connection conn on conn.id = c.connection_id"
          + " where c.key_id in (:keyIds) order by c.connection_id, c.environment limit :limit"
          + " for update of c skip locked";
    }

    @Override
    protected SealedRow row(ResultSet rs) throws SQLException {
      CredentialLocation location =
          new CredentialLocation(
              rs.getString(6),
              rs.getObject(1, UUID.class),
              null,
              Environment.valueOf(rs.getString(2)));
      return new SealedRow(
          location,
          "connection "
              + location.connectionId()
              + ", environment "
              + location.environment().name(),
          aad(location),
          box(rs, 3));
    }

    @Override
    protected String rowCondition() {
      return ROW;
    }

    @Override
    protected StatementSpec bindRow(StatementSpec update, Object id) {
      return PostgresCredentialStore.bindRow(update, (CredentialLocation) id);
    }
  }
}
