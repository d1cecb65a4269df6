package dev.flowconnections.integration.revision;

import dev.flowconnections.integration.revision.RevisionOrigin.Kind;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Revisions in PostgreSQL ({@code integration_revision}). Callers hold the integration's row lock
 * while they number or change revisions, so numbers are taken one at a time.
 */
class IntegrationRevisionRepository {

  private static final String COLUMNS =
      "integration_id, revision, state, snapshot::text as snapshot, changed_properties,"
          + " integration_version, origin, source_revision, created_at, created_by";

  private static final String SAVED = "SAVED";
  private static final String DRAFT = "DRAFT";

  private final JdbcClient jdbc;

  IntegrationRevisionRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  int nextNumber(UUID integrationId) {
    return jdbc.sql(
            "select coalesce(max(revision), 0) + 1 from integration_revision"
                + " where integration_id = :id")
        .param("id", integrationId)
        .query(Integer.class)
        .single();
  }

  void insert(
      String organizationId,
      int revision,
      boolean draft,
      String snapshot,
      List<String> changed,
      Long integrationVersion,
      RevisionOrigin origin,
      Instant at,
      String by,
      UUID integrationId) {
    jdbc.sql(
            "insert into integration_revision (integration_id, organization_id, revision, state,"
                + " snapshot, changed_properties, integration_version, origin, source_revision,"
                + " created_at, created_by) values (:id, :org, :revision, :state,"
                + " cast(:snapshot as jsonb), :changed, :version, :origin, :source, :at, :by)")
        .param("id", integrationId)
        .param("org", organizationId)
        .param("revision", revision)
        .param("state", draft ? DRAFT : SAVED)
        .param("snapshot", snapshot)
        .param("changed", changed.toArray(String[]::new))
        .param("version", integrationVersion)
        .param("origin", origin.kind().name())
        .param("source", origin.sourceRevision())
        .param("at", Timestamp.from(at))
        .param("by", by)
        .update();
  }

  /** A draft becomes the saved revision it was applied as. */
  void saveDraft(
      UUID integrationId,
      int revision,
      String snapshot,
      List<String> changed,
      long integrationVersion,
      Instant at,
      String by) {
    jdbc.sql(
            "update integration_revision set state = 'SAVED', snapshot = cast(:snapshot as jsonb),"
                + " changed_properties = :changed, integration_version = :version,"
                + " origin = 'ACTIVATED', source_revision = revision, created_at = :at,"
                + " created_by = :by where integration_id = :id and revision = :revision"
                + " and state = 'DRAFT'")
        .param("snapshot", snapshot)
        .param("changed", changed.toArray(String[]::new))
        .param("version", integrationVersion)
        .param("at", Timestamp.from(at))
        .param("by", by)
        .param("id", integrationId)
        .param("revision", revision)
        .update();
  }

  boolean updateDraft(UUID integrationId, int revision, String snapshot, Instant at, String by) {
    return jdbc.sql(
                "update integration_revision set snapshot = cast(:snapshot as jsonb),"
                    + " created_at = :at, created_by = :by"
                    + " where integration_id = :id and revision = :revision and state = 'DRAFT'")
            .param("snapshot", snapshot)
            .param("at", Timestamp.from(at))
            .param("by", by)
            .param("id", integrationId)
            .param("revision", revision)
            .update()
        == 1;
  }

  boolean deleteDraft(UUID integrationId, int revision) {
    return jdbc.sql(
                "delete from integration_revision"
                    + " where integration_id = :id and revision = :revision and state = 'DRAFT'")
            .param("id", integrationId)
            .param("revision", revision)
            .update()
        == 1;
  }

  /** Newest first. {@code activeVersion} is the integration's version: its revision is ACTIVE. */
  List<IntegrationRevision> list(String organizationId, UUID integrationId, long activeVersion) {
    return jdbc.sql(
            "select "
                + COLUMNS
                + " from integration_revision where organization_id = :org and integration_id = :id"
                + " order by revision desc")
        .param("org", organizationId)
        .param("id", integrationId)
        .query((rs, row) -> map(rs, activeVersion))
        .list();
  }

  Optional<IntegrationRevision> find(
      String organizationId, UUID integrationId, int revision, long activeVersion) {
    return jdbc.sql(
            "select "
                + COLUMNS
                + " from integration_revision where organization_id = :org and integration_id = :id"
                + " and revision = :revision")
        .param("org", organizationId)
        .param("id", integrationId)
        .param("revision", revision)
        .query((rs, row) -> map(rs, activeVersion))
        .optional();
  }

  /** The saved revision before {@code revision}, for a diff against "the one before". */
  Optional<Integer> previousSaved(String organizationId, UUID integrationId, int revision) {
    return jdbc.sql(
            "select revision from integration_revision where organization_id = :org"
                + " and integration_id = :id and revision < :revision and state = 'SAVED'"
                + " order by revision desc limit 1")
        .param("org", organizationId)
        .param("id", integrationId)
        .param("revision", revision)
        .query(Integer.class)
        .optional();
  }

  private static IntegrationRevision map(ResultSet rs, long activeVersion) throws SQLException {
    boolean draft = DRAFT.equals(rs.getString("state"));
    Long version = (Long) rs.getObject("integration_version");
    RevisionState state =
        draft
            ? RevisionState.DRAFT
            : version != null && version == activeVersion
                ? RevisionState.ACTIVE
                : RevisionState.EARLIER;
    Array changed = rs.getArray("changed_properties");
    return new IntegrationRevision(
        rs.getObject("integration_id", UUID.class),
        rs.getInt("revision"),
        state,
        IntegrationSnapshots.read(rs.getString("snapshot")),
        List.of((String[]) changed.getArray()),
        new RevisionOrigin(
            Kind.valueOf(rs.getString("origin")), (Integer) rs.getObject("source_revision")),
        rs.getTimestamp("created_at").toInstant(),
        rs.getString("created_by"));
  }
}
