package dev.flowconnections.integration;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.flowconnections.environment.Environment;
import dev.flowconnections.paging.LikePatterns;
import dev.flowconnections.paging.Page;
import dev.flowconnections.paging.PageRequest;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Integrations in PostgreSQL. Updates are conditional on the version (optimistic locking). */
public class IntegrationRepository {

  private static final String COLUMNS =
      "id, organization_id, name, description, domain_vertical, type, scope, config_mode, auth_scheme,"
          + " status, openapi_spec_url, config::text as config, version, created_at, created_by,"
          + " updated_at, updated_by, hidden";

  private final JdbcClient jdbc;
  private final ObjectMapper json;

  public IntegrationRepository(JdbcClient jdbc, ObjectMapper json) {
    this.jdbc = jdbc;
    this.json = json;
  }

  public void insert(Integration i) {
    jdbc.sql(
            "insert into integration (id, organization_id, name, description, domain_vertical, type, scope,"
                + " config_mode, auth_scheme, status, openapi_spec_url, config, version, created_at,"
                + " created_by, updated_at, updated_by) values (:id, :org, :name, :description, :vertical,"
                + " :type, :scope, :mode, :auth, :status, :spec, cast(:config as jsonb), :version, :createdAt,"
                + " :createdBy, :updatedAt, :updatedBy)")
        .params(parameters(i))
        .update();
  }

  /** Writes {@code i} if the stored version is still {@code expectedVersion}; false otherwise. */
  public boolean update(Integration i, long expectedVersion) {
    Map<String, Object> params = parameters(i);
    params.put("expectedVersion", expectedVersion);
    return jdbc.sql(
                "update integration set name = :name, description = :description, domain_vertical = :vertical,"
                    + " scope = :scope, config_mode = :mode, auth_scheme = :auth, status = :status,"
                    + " openapi_spec_url = :spec, config = cast(:config as jsonb), version = :version,"
                    + " updated_at = :updatedAt, updated_by = :updatedBy"
                    + " where id = :id and organization_id = :org and version = :expectedVersion")
            .params(params)
            .update()
        == 1;
  }

  public Optional<Integration> find(String organizationId, UUID id) {
    return jdbc.sql(
            "select " + COLUMNS + " from integration where id = :id and organization_id = :org")
        .param("id", id)
        .param("org", organizationId)
        .query(this::map)
        .optional();
  }

  /** Locks the row for the rest of the transaction, so checks and writes see one state. */
  public Optional<Integration> findForUpdate(String organizationId, UUID id) {
    return jdbc.sql(
            "select "
                + COLUMNS
                + " from integration where id = :id and organization_id = :org for update")
        .param("id", id)
        .param("org", organizationId)
        .query(this::map)
        .optional();
  }

  /** Every integration of the organization matching {@code filter}, hidden ones included. */
  public List<Integration> list(String organizationId, IntegrationFilter filter) {
    return page(organizationId, filter, true, PageRequest.ALL).items();
  }

  /**
   * One page of the organization's integrations matching {@code filter}, ordered by name ignoring
   * case (compared by code point, collation "C", as the index of V15), then id; hidden ones only if
   * {@code includeHidden}. Filtering and paging run in the database.
   */
  public Page<Integration> page(
      String organizationId, IntegrationFilter filter, boolean includeHidden, PageRequest request) {
    StringBuilder where = new StringBuilder(" from integration where organization_id = :org");
    Map<String, Object> params = new LinkedHashMap<>();
    params.put("org", organizationId);
    if (!includeHidden) {
      where.append(" and not hidden");
    }
    if (filter.search() != null && !filter.search().isBlank()) {
      // "search by name or type": the type matches on its enum name and its label
      where.append(
          " and (name ilike :search escape '\\' or description ilike :search escape '\\'"
              + " or type ilike :search escape '\\' or type = any(:types))");
      params.put("search", LikePatterns.containing(filter.search()));
      params.put("types", IntegrationType.labelsContaining(filter.search()));
    }
    if (filter.type() != null) {
      where.append(" and type = :type");
      params.put("type", filter.type().name());
    }
    if (filter.scope() != null) {
      where.append(" and scope = :scope");
      params.put("scope", filter.scope().name());
    }
    if (filter.vertical() != null && !filter.vertical().isBlank()) {
      where.append(" and lower(domain_vertical) = lower(:vertical)");
      params.put("vertical", filter.vertical().trim());
    }
    long total = jdbc.sql("select count(*)" + where).params(params).query(Long.class).single();
    if (request.offset() >= total) {
      return new Page<>(List.of(), total, request.page(), request.size());
    }
    params.put("limit", request.size());
    params.put("offset", request.offset());
    List<Integration> items =
        jdbc.sql(
                "select "
                    + COLUMNS
                    + where
                    + " order by lower(name) collate \"C\", id limit :limit offset :offset")
            .params(params)
            .query(this::map)
            .list();
    return new Page<>(items, total, request.page(), request.size());
  }

  /** The organization's integrations with these ids (those that exist). */
  public Map<UUID, Integration> findAll(String organizationId, java.util.Collection<UUID> ids) {
    Map<UUID, Integration> result = new LinkedHashMap<>();
    if (ids.isEmpty()) {
      return result;
    }
    jdbc.sql(
            "select "
                + COLUMNS
                + " from integration where organization_id = :org and id = any(:ids)")
        .param("org", organizationId)
        .param("ids", ids.toArray(UUID[]::new))
        .query(this::map)
        .list()
        .forEach(i -> result.put(i.id(), i));
    return result;
  }

  public boolean existsByName(String organizationId, String name, UUID exceptId) {
    return jdbc.sql(
                "select count(*) from integration where organization_id = :org and lower(name) = lower(:name)"
                    + " and id <> :except")
            .param("org", organizationId)
            .param("name", name)
            .param("except", exceptId == null ? new UUID(0, 0) : exceptId)
            .query(Long.class)
            .single()
        > 0;
  }

  /** Sets the hidden flag alone: hiding is not an edit of the integration's content. */
  public void setHidden(String organizationId, UUID id, boolean hidden) {
    jdbc.sql("update integration set hidden = :hidden where id = :id and organization_id = :org")
        .param("hidden", hidden)
        .param("id", id)
        .param("org", organizationId)
        .update();
  }

  /** The distinct domain verticals of the organization's integrations, hidden ones if asked. */
  public List<String> verticals(String organizationId, boolean includeHidden) {
    return jdbc.sql(
            "select min(domain_vertical) from integration where organization_id = :org"
                + " and domain_vertical is not null and (:includeHidden or not hidden)"
                + " group by lower(domain_vertical) order by lower(min(domain_vertical))")
        .param("org", organizationId)
        .param("includeHidden", includeHidden)
        .query(String.class)
        .list();
  }

  public void delete(String organizationId, UUID id) {
    jdbc.sql("delete from integration where id = :id and organization_id = :org")
        .param("id", id)
        .param("org", organizationId)
        .update();
  }

  private Map<String, Object> parameters(Integration i) {
    Map<String, Object> p = new LinkedHashMap<>();
    p.put("id", i.id());
    p.put("org", i.organizationId());
    p.put("name", i.name());
    p.put("description", i.description());
    p.put("vertical", i.domainVertical());
    p.put("type", i.type().name());
    p.put("scope", i.scope().name());
    p.put("mode", i.configMode().name());
    p.put("auth", i.authScheme().name());
    p.put("status", i.status().name());
    p.put("spec", i.openApiSpecUrl());
    p.put("config", writeConfig(i.config()));
    p.put("version", i.version());
    p.put("createdAt", Timestamp.from(i.createdAt()));
    p.put("createdBy", i.createdBy());
    p.put("updatedAt", Timestamp.from(i.updatedAt()));
    p.put("updatedBy", i.updatedBy());
    return p;
  }

  private String writeConfig(IntegrationConfig config) {
    Map<String, Object> stored = new LinkedHashMap<>();
    stored.put("shared", config.shared());
    stored.put("environments", config.environments());
    try {
      return json.writeValueAsString(stored);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot serialize integration configuration", e);
    }
  }

  private IntegrationConfig readConfig(String text) {
    try {
      StoredConfig stored = json.readValue(text, new TypeReference<StoredConfig>() {});
      Map<Environment, Map<String, Object>> environments = new EnumMap<>(Environment.class);
      if (stored.environments() != null) {
        environments.putAll(stored.environments());
      }
      return new IntegrationConfig(stored.shared(), environments);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("stored integration configuration is not valid JSON", e);
    }
  }

  private record StoredConfig(
      Map<String, Object> shared, Map<Environment, Map<String, Object>> environments) {}

  /**
   * The select list for reading an integration ({@code i}) in a query that joins other tables:
   * every column prefixed {@code i_}. Map the row with {@link #joined(ResultSet)}.
   */
  public static final String JOINED_COLUMNS =
      java.util.Arrays.stream(COLUMNS.split(","))
          .map(String::trim)
          .map(
              c ->
                  c.contains(" as ") ? "i." + c.replace(" as ", " as i_") : "i." + c + " as i_" + c)
          .collect(java.util.stream.Collectors.joining(", "));

  /**
   * The integration of a row selected with {@link #JOINED_COLUMNS}, empty when the join found none.
   */
  public Optional<Integration> joined(ResultSet rs) throws SQLException {
    return rs.getObject("i_id") == null ? Optional.empty() : Optional.of(map(rs, "i_"));
  }

  private Integration map(ResultSet rs, int row) throws SQLException {
    return map(rs, "");
  }

  private Integration map(ResultSet rs, String p) throws SQLException {
    return new Integration(
        rs.getObject(p + "id", UUID.class),
        rs.getString(p + "organization_id"),
        rs.getString(p + "name"),
        rs.getString(p + "description"),
        rs.getString(p + "domain_vertical"),
        IntegrationType.valueOf(rs.getString(p + "type")),
        IntegrationScope.valueOf(rs.getString(p + "scope")),
        ConfigMode.valueOf(rs.getString(p + "config_mode")),
        AuthScheme.valueOf(rs.getString(p + "auth_scheme")),
        LifecycleStatus.valueOf(rs.getString(p + "status")),
        rs.getString(p + "openapi_spec_url"),
        readConfig(rs.getString(p + "config")),
        rs.getLong(p + "version"),
        rs.getTimestamp(p + "created_at").toInstant(),
        rs.getString(p + "created_by"),
        rs.getTimestamp(p + "updated_at").toInstant(),
        rs.getString(p + "updated_by"),
        rs.getBoolean(p + "hidden"));
  }
}
