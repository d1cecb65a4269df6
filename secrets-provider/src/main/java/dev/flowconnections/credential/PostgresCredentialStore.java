package dev.flowconnections.credential;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.flowconnections.crypto.EnvelopeCipher;
import dev.flowconnections.crypto.SealedBox;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The embedded default store: the secret fields of a connection environment as one envelope-
 * encrypted JSON object per row. Runs in the caller's transaction, so a failed update writes
 * neither metadata nor secrets.
 */
public class PostgresCredentialStore implements CredentialStore {

  private final JdbcClient jdbc;
  private final EnvelopeCipher cipher;
  private final ObjectMapper json;
  private final Clock clock;

  public PostgresCredentialStore(JdbcClient jdbc, EnvelopeCipher cipher, ObjectMapper json, Clock clock) {
    this.jdbc = jdbc;
    this.cipher = cipher;
    this.json = json;
    this.clock = clock;
  }

  @Override
  public Optional<SecretValues> read(CredentialLocation location) {
    return jdbc.sql(
            "select key_id, wrapped_key, ciphertext from connection_credential"
                + " where connection_id = :id and environment = :env")
        .param("id", location.connectionId())
        .param("env", location.environment().name())
        .query((rs, n) -> new SealedBox(rs.getString(1), rs.getBytes(2), rs.getBytes(3)))
        .optional()
        .map(box -> decode(cipher.open(box, aad(location))));
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
    jdbc.sql("delete from connection_credential where connection_id = :id and environment = :env")
        .param("id", location.connectionId())
        .param("env", location.environment().name())
        .update();
  }

  @Override
  public String name() {
    return "postgres";
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
      return SecretValues.of(json.readValue(plaintext, new TypeReference<LinkedHashMap<String, Object>>() {}));
    } catch (IOException e) {
      // never attach the cause: its message could quote the decrypted text
      throw new IllegalStateException("decrypted credentials are not valid JSON", null);
    }
  }
}
