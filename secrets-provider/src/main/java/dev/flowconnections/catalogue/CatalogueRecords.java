package dev.flowconnections.catalogue;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;

/** What the catalogue wrote per organization and entry ({@code catalogue_entry}). */
class CatalogueRecords {

  /**
   * @param integrationId null once the integration was deleted, or if it was never created
   * @param writtenVersion the integration version the catalogue last wrote
   */
  record Written(String entryKey, int revision, UUID integrationId, Long writtenVersion) {}

  private final JdbcClient jdbc;

  CatalogueRecords(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /**
   * Serializes seeding of one organization across every runtime sharing the database, until the
   * transaction ends.
   */
  void lock(String organizationId) {
    jdbc.sql("select pg_advisory_xact_lock(hashtext('flow-connections.catalogue'), hashtext(:org))")
        .param("org", organizationId)
        .query()
        .singleRow();
  }

  Optional<Written> find(String organizationId, String entryKey) {
    return jdbc.sql(
            "select entry_key, revision, integration_id, written_version from catalogue_entry"
                + " where organization_id = :org and entry_key = :key")
        .param("org", organizationId)
        .param("key", entryKey)
        .query(
            (rs, row) ->
                new Written(
                    rs.getString("entry_key"),
                    rs.getInt("revision"),
                    rs.getObject("integration_id", UUID.class),
                    rs.getObject("written_version", Long.class)))
        .optional();
  }

  void insert(
      String organizationId,
      String entryKey,
      int revision,
      UUID integrationId,
      Long writtenVersion,
      Instant now) {
    jdbc.sql(
            "insert into catalogue_entry (organization_id, entry_key, revision, integration_id,"
                + " written_version, seeded_at, updated_at) values (:org, :key, :revision,"
                + " :integration, :version, :now, :now)")
        .param("org", organizationId)
        .param("key", entryKey)
        .param("revision", revision)
        .param("integration", integrationId)
        .param("version", writtenVersion)
        .param("now", Timestamp.from(now))
        .update();
  }

  void written(
      String organizationId, String entryKey, int revision, long writtenVersion, Instant now) {
    jdbc.sql(
            "update catalogue_entry set revision = :revision, written_version = :version,"
                + " updated_at = :now where organization_id = :org and entry_key = :key")
        .param("org", organizationId)
        .param("key", entryKey)
        .param("revision", revision)
        .param("version", writtenVersion)
        .param("now", Timestamp.from(now))
        .update();
  }

  /**
   * Those of the organizations that have a record of every entry at (at least) its revision:
   * seeding them would change nothing. One query for all of them.
   */
  Set<String> upToDate(Collection<String> organizationIds, Map<String, Integer> revisions) {
    if (organizationIds.isEmpty() || revisions.isEmpty()) {
      return Set.of();
    }
    Map<String, Map<String, Integer>> recorded = new HashMap<>();
    jdbc.sql(
            "select organization_id, entry_key, revision from catalogue_entry"
                + " where organization_id in (:orgs)")
        .param("orgs", List.copyOf(organizationIds))
        .query(
            rs -> {
              recorded
                  .computeIfAbsent(rs.getString(1), o -> new HashMap<>())
                  .put(rs.getString(2), rs.getInt(3));
            });
    Set<String> upToDate = new HashSet<>();
    recorded.forEach(
        (org, entries) -> {
          boolean current =
              revisions.entrySet().stream()
                  .allMatch(
                      r ->
                          entries.containsKey(r.getKey())
                              && entries.get(r.getKey()) >= r.getValue());
          if (current) {
            upToDate.add(org);
          }
        });
    return upToDate;
  }

  /** Every organization that has data, so a restart seeds those no one has signed in to yet. */
  List<String> organizationsWithData() {
    return jdbc.sql(
            "select organization_id from integration union select organization_id from connection"
                + " union select organization_id from org_secret order by 1")
        .query(String.class)
        .list();
  }
}
