package dev.flowconnections.secret;

import dev.flowconnections.crypto.EnvelopeCipher;
import dev.flowconnections.crypto.SealedBox;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Organization secrets, sealed with the same envelope encryption as connection credentials. */
public class OrgSecretRepository {

  private final JdbcClient jdbc;
  private final EnvelopeCipher cipher;

  public OrgSecretRepository(JdbcClient jdbc, EnvelopeCipher cipher) {
    this.jdbc = jdbc;
    this.cipher = cipher;
  }

  /** Inserts or replaces; returns true when the key was new. */
  public boolean put(String organizationId, String key, String value, Instant at, String by) {
    SealedBox box = cipher.seal(value.getBytes(StandardCharsets.UTF_8), associatedData(organizationId, key));
    Boolean inserted =
        jdbc.sql(
                "insert into org_secret (organization_id, secret_key, key_id, wrapped_key, ciphertext,"
                    + " created_at, created_by, updated_at, updated_by) values (:org, :key, :keyId, :wrapped,"
                    + " :ciphertext, :at, :by, :at, :by) on conflict (organization_id, secret_key) do update"
                    + " set key_id = excluded.key_id, wrapped_key = excluded.wrapped_key,"
                    + " ciphertext = excluded.ciphertext, updated_at = excluded.updated_at,"
                    + " updated_by = excluded.updated_by returning (xmax = 0) as inserted")
            .param("org", organizationId)
            .param("key", key)
            .param("keyId", box.keyId())
            .param("wrapped", box.wrappedKey())
            .param("ciphertext", box.ciphertext())
            .param("at", Timestamp.from(at))
            .param("by", by)
            .query(Boolean.class)
            .single();
    return Boolean.TRUE.equals(inserted);
  }

  public Optional<String> value(String organizationId, String key) {
    return jdbc.sql(
            "select key_id, wrapped_key, ciphertext from org_secret where organization_id = :org and secret_key = :key")
        .param("org", organizationId)
        .param("key", key)
        .query((rs, n) -> new SealedBox(rs.getString(1), rs.getBytes(2), rs.getBytes(3)))
        .optional()
        .map(box -> new String(cipher.open(box, associatedData(organizationId, key)), StandardCharsets.UTF_8));
  }

  public Optional<OrgSecret> find(String organizationId, String key) {
    return jdbc.sql(
            "select secret_key, created_at, created_by, updated_at, updated_by from org_secret"
                + " where organization_id = :org and secret_key = :key")
        .param("org", organizationId)
        .param("key", key)
        .query(OrgSecretRepository::map)
        .optional();
  }

  public List<OrgSecret> list(String organizationId) {
    return jdbc.sql(
            "select secret_key, created_at, created_by, updated_at, updated_by from org_secret"
                + " where organization_id = :org order by secret_key")
        .param("org", organizationId)
        .query(OrgSecretRepository::map)
        .list();
  }

  public boolean delete(String organizationId, String key) {
    return jdbc.sql("delete from org_secret where organization_id = :org and secret_key = :key")
            .param("org", organizationId)
            .param("key", key)
            .update()
        == 1;
  }

  private static OrgSecret map(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
    return new OrgSecret(
        rs.getString("secret_key"),
        rs.getTimestamp("created_at").toInstant(),
        rs.getString("created_by"),
        rs.getTimestamp("updated_at").toInstant(),
        rs.getString("updated_by"));
  }

  /** Bound into an org secret's ciphertext; the key rotation re-seals with the same. */
  public static byte[] associatedData(String organizationId, String key) {
    return ("org-secret/" + organizationId + "/" + key).getBytes(StandardCharsets.UTF_8);
  }
}
