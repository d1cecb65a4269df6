package dev.flowconnections.rotation;

import dev.flowconnections.credential.CredentialLocation;
import dev.flowconnections.crypto.SealedBox;
import dev.flowconnections.environment.Environment;
import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;

/** {@code connection_credential}, the PostgreSQL credential store's rows. */
final class CredentialRows implements SealedTable {

  private record Id(UUID connectionId, String environment) {}

  private final JdbcClient jdbc;

  CredentialRows(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  @Override
  public String name() {
    return "connection_credential";
  }

  @Override
  public List<SealedRow> lockBatch(Collection<String> keyIds, int limit) {
    return jdbc.sql(
            "select c.connection_id, c.environment, c.key_id, c.wrapped_key, c.ciphertext, conn.organization_id"
                + " from connection_credential c join connection conn on conn.id = c.connection_id"
                + " where c.key_id in (:keyIds) order by c.connection_id, c.environment limit :limit"
                + " for update of c skip locked")
        .param("keyIds", keyIds)
        .param("limit", limit)
        .query(
            (rs, n) -> {
              UUID connectionId = rs.getObject(1, UUID.class);
              String environment = rs.getString(2);
              String organizationId = rs.getString(6);
              CredentialLocation location =
                  new CredentialLocation(organizationId, connectionId, null, Environment.valueOf(environment));
              return new SealedRow(
                  new Id(connectionId, environment),
                  "connection " + connectionId + ", environment " + environment,
                  location.associatedData().getBytes(StandardCharsets.UTF_8),
                  new SealedBox(rs.getString(3), rs.getBytes(4), rs.getBytes(5)));
            })
        .list();
  }

  @Override
  public boolean replace(SealedRow row, SealedBox resealed) {
    Id id = (Id) row.id();
    return jdbc.sql(
                "update connection_credential set key_id = :keyId, wrapped_key = :wrapped, ciphertext = :ciphertext"
                    + " where connection_id = :id and environment = :env and key_id = :oldKeyId"
                    + " and wrapped_key = :oldWrapped")
            .param("keyId", resealed.keyId())
            .param("wrapped", resealed.wrappedKey())
            .param("ciphertext", resealed.ciphertext())
            .param("id", id.connectionId())
            .param("env", id.environment())
            .param("oldKeyId", row.box().keyId())
            .param("oldWrapped", row.box().wrappedKey())
            .update()
        == 1;
  }

  @Override
  public Map<String, Long> countByKeyId() {
    return KeyCounts.of(jdbc, "select key_id, count(*) from connection_credential group by key_id");
  }
}
