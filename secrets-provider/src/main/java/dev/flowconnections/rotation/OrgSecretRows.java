package dev.flowconnections.rotation;

import dev.flowconnections.crypto.SealedBox;
import dev.flowconnections.secret.OrgSecretRepository;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;

/** {@code org_secret}, the organization secrets. */
final class OrgSecretRows implements SealedTable {

  private record Id(String organizationId, String secretKey) {}

  private final JdbcClient jdbc;

  OrgSecretRows(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  @Override
  public String name() {
    return "org_secret";
  }

  @Override
  public List<SealedRow> lockBatch(Collection<String> keyIds, int limit) {
    return jdbc.sql(
            "select organization_id, secret_key, key_id, wrapped_key, ciphertext from org_secret"
                + " where key_id in (:keyIds) order by organization_id, secret_key limit :limit"
                + " for update skip locked")
        .param("keyIds", keyIds)
        .param("limit", limit)
        .query(
            (rs, n) -> {
              String organizationId = rs.getString(1);
              String secretKey = rs.getString(2);
              return new SealedRow(
                  new Id(organizationId, secretKey),
                  "organization " + organizationId + ", secret " + secretKey,
                  OrgSecretRepository.associatedData(organizationId, secretKey),
                  new SealedBox(rs.getString(3), rs.getBytes(4), rs.getBytes(5)));
            })
        .list();
  }

  @Override
  public boolean replace(SealedRow row, SealedBox resealed) {
    Id id = (Id) row.id();
    return jdbc.sql(
                "update org_secret set key_id = :keyId, wrapped_key = :wrapped, ciphertext = :ciphertext"
                    + " where organization_id = :org and secret_key = :key and key_id = :oldKeyId"
                    + " and wrapped_key = :oldWrapped")
            .param("keyId", resealed.keyId())
            .param("wrapped", resealed.wrappedKey())
            .param("ciphertext", resealed.ciphertext())
            .param("org", id.organizationId())
            .param("key", id.secretKey())
            .param("oldKeyId", row.box().keyId())
            .param("oldWrapped", row.box().wrappedKey())
            .update()
        == 1;
  }

  @Override
  public Map<String, Long> countByKeyId() {
    return KeyCounts.of(jdbc, "select key_id, count(*) from org_secret group by key_id");
  }
}
