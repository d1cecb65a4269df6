package dev.flowconnections.audit;

import dev.flowconnections.environment.Environment;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.util.ArrayList;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The {@code audit_event} table. Rows are only ever inserted; nothing updates or deletes them. */
public class AuditRepository {

  private static final String INSERT =
      "insert into audit_event (organization_id, occurred_at, actor, action, subject_type, subject_id,"
          + " subject_key, personal_owner, environment, changed_fields, outcome, process_instance_key,"
          + " bpmn_process_id, element_id, element_instance_key, worker) values (?, ?, ?, ?, ?, ?, ?,"
          // a worker's read does not know the connection's visibility: look the owner up while
          // inserting
          + " coalesce(?, (select c.owner from connection c where c.organization_id = ? and c.connection_key = ?"
          + " and c.visibility = 'PERSONAL' and ? = 'CONNECTION')),"
          + " ?, ?, ?, ?, ?, ?, ?, ?)";

  private static final String COLUMNS =
      "id, organization_id, occurred_at, actor, action, subject_id, subject_key, personal_owner, environment,"
          + " changed_fields, outcome, process_instance_key, bpmn_process_id, element_id, element_instance_key, worker";

  private final JdbcTemplate jdbcTemplate;
  private final JdbcClient jdbc;

  public AuditRepository(JdbcTemplate jdbcTemplate) {
    this.jdbcTemplate = jdbcTemplate;
    this.jdbc = JdbcClient.create(jdbcTemplate);
  }

  public void insert(AuditEvent event) {
    insertAll(List.of(event));
  }

  /** Writes the events in one JDBC batch. */
  public void insertAll(List<AuditEvent> events) {
    jdbcTemplate.batchUpdate(
        INSERT,
        events,
        events.size(),
        (ps, e) -> {
          int i = 0;
          ps.setString(++i, e.organizationId());
          ps.setTimestamp(++i, Timestamp.from(e.occurredAt()));
          ps.setString(++i, e.actor());
          ps.setString(++i, e.action().name());
          ps.setString(++i, e.subjectType().name());
          ps.setString(++i, e.subjectId());
          ps.setString(++i, e.subjectKey());
          ps.setString(++i, e.personalOwner());
          ps.setString(++i, e.organizationId());
          ps.setString(++i, e.subjectKey());
          ps.setString(++i, e.subjectType().name());
          ps.setString(++i, e.environment() == null ? null : e.environment().name());
          ps.setArray(++i, ps.getConnection().createArrayOf("text", e.changedFields().toArray()));
          ps.setString(++i, e.outcome());
          ProcessReference p = e.process();
          if (p == null) {
            ps.setNull(++i, Types.BIGINT);
            ps.setNull(++i, Types.VARCHAR);
            ps.setNull(++i, Types.VARCHAR);
            ps.setNull(++i, Types.BIGINT);
          } else {
            ps.setLong(++i, p.processInstanceKey());
            ps.setString(++i, p.bpmnProcessId());
            ps.setString(++i, p.elementId());
            ps.setLong(++i, p.elementInstanceKey());
          }
          ps.setString(++i, e.worker());
        });
  }

  /**
   * One page of an organization's events matching {@code query}, newest first. Filtering by
   * connection key skips PERSONAL connections of others than {@code viewer}, so the filter cannot
   * be used to probe for their keys.
   */
  public AuditPage search(String organizationId, String viewer, AuditQuery query) {
    StringBuilder where = new StringBuilder(" where organization_id = :org");
    MapSqlParameterSource params = new MapSqlParameterSource("org", organizationId);
    if (query.actor() != null) {
      where.append(" and actor = :actor");
      params.addValue("actor", query.actor());
    }
    if (query.action() != null) {
      where.append(" and action = :action");
      params.addValue("action", query.action().name());
    }
    if (query.connectionKey() != null) {
      where.append(
          " and subject_type = 'CONNECTION' and subject_key = :key"
              + " and (personal_owner is null or personal_owner = :viewer)");
      params.addValue("key", query.connectionKey()).addValue("viewer", viewer);
    }
    if (query.environment() != null) {
      where.append(" and environment = :environment");
      params.addValue("environment", query.environment().name());
    }
    if (query.processInstanceKey() != null) {
      where.append(" and process_instance_key = :pik");
      params.addValue("pik", query.processInstanceKey());
    }
    if (query.from() != null) {
      where.append(" and occurred_at >= :from");
      params.addValue("from", Timestamp.from(query.from()));
    }
    if (query.to() != null) {
      where.append(" and occurred_at < :to");
      params.addValue("to", Timestamp.from(query.to()));
    }
    params
        .addValue("limit", query.size() + 1)
        .addValue("offset", (long) query.page() * query.size());
    List<AuditEvent> rows =
        new ArrayList<>(
            jdbc.sql(
                    "select "
                        + COLUMNS
                        + " from audit_event"
                        + where
                        + " order by occurred_at desc, id desc"
                        + " limit :limit offset :offset")
                .paramSource(params)
                .query(AuditRepository::map)
                .list());
    boolean hasMore = rows.size() > query.size();
    if (hasMore) {
      rows.remove(rows.size() - 1);
    }
    return new AuditPage(List.copyOf(rows), query.page(), query.size(), hasMore);
  }

  private static AuditEvent map(ResultSet rs, int n) throws SQLException {
    long pik = rs.getLong("process_instance_key");
    ProcessReference process =
        rs.wasNull()
            ? null
            : new ProcessReference(
                pik,
                rs.getString("bpmn_process_id"),
                rs.getString("element_id"),
                rs.getLong("element_instance_key"));
    String environment = rs.getString("environment");
    Array fields = rs.getArray("changed_fields");
    return new AuditEvent(
        rs.getLong("id"),
        rs.getString("organization_id"),
        rs.getTimestamp("occurred_at").toInstant(),
        rs.getString("actor"),
        AuditAction.valueOf(rs.getString("action")),
        rs.getString("subject_id"),
        rs.getString("subject_key"),
        rs.getString("personal_owner"),
        environment == null ? null : Environment.valueOf(environment),
        fields == null ? List.of() : List.of((String[]) fields.getArray()),
        rs.getString("outcome"),
        process,
        rs.getString("worker"));
  }
}
