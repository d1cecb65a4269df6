package dev.flowconnections.secret;

import dev.flowconnections.crypto.EnvelopeCipher;
import dev.flowconnections.crypto.SealedBox;
import dev.flowconnections.crypto.SealedRow;
import dev.flowconnections.crypto.SealedTable;
import dev.flowconnections.scope.ProcessScope;
import dev.flowconnections.scope.RuntimeCaller;
import java.nio.charset.StandardCharsets;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.core.simple.JdbcClient.StatementSpec;

/** Organization secrets, sealed with the same envelope encryption as connection credentials. */
public class OrgSecretRepository implements OrgSecretValues {

  private final JdbcClient jdbc;
  private final EnvelopeCipher cipher;

  public OrgSecretRepository(JdbcClient jdbc, EnvelopeCipher cipher) {
    this.jdbc = jdbc;
    this.cipher = cipher;
  }

  /**
   * Inserts or replaces the value, keeping the allowed processes of an existing secret; true when
   * the key was new.
   */
  public boolean put(String organizationId, String key, String value, Instant at, String by) {
    return put(organizationId, key, value, null, at, by);
  }

  /**
   * Inserts or replaces the value; {@code allowedProcesses} null keeps those of an existing secret
   * (a new one gets the empty list). Returns true when the key was new.
   */
  public boolean put(
      String organizationId,
      String key,
      String value,
      List<String> allowedProcesses,
      Instant at,
      String by) {
    SealedBox box =
        cipher.seal(value.getBytes(StandardCharsets.UTF_8), associatedData(organizationId, key));
    Boolean inserted =
        jdbc.sql(
                "insert into org_secret (organization_id, secret_key, key_id, wrapped_key, ciphertext,"
                    + " created_at, created_by, updated_at, updated_by, allowed_processes) values (:org, :key,"
                    + " :keyId, :wrapped, :ciphertext, :at, :by, :at, :by, :allowed) on conflict (organization_id,"
                    + " secret_key) do update set key_id = excluded.key_id, wrapped_key = excluded.wrapped_key,"
                    + " ciphertext = excluded.ciphertext, updated_at = excluded.updated_at,"
                    + " updated_by = excluded.updated_by, allowed_processes = case when :keepScope"
                    + " then org_secret.allowed_processes else excluded.allowed_processes end"
                    + " returning (xmax = 0) as inserted")
            .param("org", organizationId)
            .param("key", key)
            .param("keyId", box.keyId())
            .param("wrapped", box.wrappedKey())
            .param("ciphertext", box.ciphertext())
            .param("at", Timestamp.from(at))
            .param("by", by)
            .param(
                "allowed",
                (allowedProcesses == null ? List.<String>of() : allowedProcesses)
                    .toArray(String[]::new))
            .param("keepScope", allowedProcesses == null)
            .query(Boolean.class)
            .single();
    return Boolean.TRUE.equals(inserted);
  }

  /**
   * Replaces the allowed processes of an existing secret, value untouched; false when there is no
   * such secret.
   */
  public boolean setAllowedProcesses(
      String organizationId, String key, List<String> allowedProcesses, Instant at, String by) {
    return jdbc.sql(
                "update org_secret set allowed_processes = :allowed, updated_at = :at, updated_by = :by"
                    + " where organization_id = :org and secret_key = :key")
            .param("allowed", allowedProcesses.toArray(String[]::new))
            .param("at", Timestamp.from(at))
            .param("by", by)
            .param("org", organizationId)
            .param("key", key)
            .update()
        == 1;
  }

  /**
   * The plain value, whoever asks: for callers that are not a process (none at runtime should use
   * it).
   */
  public Optional<String> value(String organizationId, String key) {
    return value(organizationId, key, RuntimeCaller.PERSON);
  }

  /**
   * The plain value for {@code caller}, checked against the secret's allowed processes before
   * anything is decrypted. Empty for an unknown key.
   *
   * @throws dev.flowconnections.scope.ProcessScopeException when the secret may not be used by the
   *     caller
   */
  @Override
  public Optional<String> value(String organizationId, String key, RuntimeCaller caller) {
    return jdbc.sql(
            "select key_id, wrapped_key, ciphertext, allowed_processes from org_secret"
                + " where organization_id = :org and secret_key = :key")
        .param("org", organizationId)
        .param("key", key)
        .query(
            (rs, n) ->
                new ScopedBox(
                    new SealedBox(rs.getString(1), rs.getBytes(2), rs.getBytes(3)),
                    List.of(strings(rs.getArray(4)))))
        .optional()
        .map(
            scoped -> {
              ProcessScope.checkSecret(key, scoped.allowedProcesses(), caller);
              return new String(
                  cipher.open(scoped.box(), associatedData(organizationId, key)),
                  StandardCharsets.UTF_8);
            });
  }

  public Optional<OrgSecret> find(String organizationId, String key) {
    return jdbc.sql(
            "select secret_key, created_at, created_by, updated_at, updated_by, allowed_processes from org_secret"
                + " where organization_id = :org and secret_key = :key")
        .param("org", organizationId)
        .param("key", key)
        .query(OrgSecretRepository::map)
        .optional();
  }

  public List<OrgSecret> list(String organizationId) {
    return jdbc.sql(
            "select secret_key, created_at, created_by, updated_at, updated_by, allowed_processes from org_secret"
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
        rs.getString("updated_by"),
        List.of(strings(rs.getArray("allowed_processes"))));
  }

  private static String[] strings(java.sql.Array array) throws java.sql.SQLException {
    return array == null ? new String[0] : (String[]) array.getArray();
  }

  private record ScopedBox(SealedBox box, List<String> allowedProcesses) {}

  /** Bound into an org secret's ciphertext; the key rotation re-seals with the same. */
  public static byte[] associatedData(String organizationId, String key) {
    return ("org-secret/" + organizationId + "/" + key).getBytes(StandardCharsets.UTF_8);
  }

  /** The table's rows as the master key rotation re-seals them (it brings its own cipher). */
  public static SealedTable sealedRows(JdbcClient jdbc) {
    return new SealedSecrets(jdbc);
  }

  private record RowId(String organizationId, String secretKey) {}

  private static final class SealedSecrets extends SealedTable {

    SealedSecrets(JdbcClient jdbc) {
      super(jdbc, "org_secret");
    }

    @Override
    protected String lockQuery() {
      return "select organization_id, secret_key, key_id, wrapped_key, ciphertext from org_secret"
          + " where key_id in (:keyIds) order by organization_id, secret_key limit :limit"
          + " for update skip locked";
    }

    @Override
    protected SealedRow row(ResultSet rs) throws SQLException {
      RowId id = new RowId(rs.getString(1), rs.getString(2));
      return new SealedRow(
          id,
          "organization " + id.organizationId() + ", secret " + id.secretKey(),
          associatedData(id.organizationId(), id.secretKey()),
          box(rs, 3));
    }

    @Override
    protected String rowCondition() {
      return "organization_id = :org and secret_key = :key";
    }

    @Override
    protected StatementSpec bindRow(StatementSpec update, Object id) {
      RowId row = (RowId) id;
      return update.param("org", row.organizationId()).param("key", row.secretKey());
    }
  }
}
