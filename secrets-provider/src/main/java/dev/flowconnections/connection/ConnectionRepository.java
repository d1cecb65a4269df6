package dev.flowconnections.connection;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.flowconnections.environment.Environment;
import dev.flowconnections.integration.IntegrationType;
import dev.flowconnections.paging.LikePatterns;
import dev.flowconnections.paging.Page;
import dev.flowconnections.paging.PageRequest;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Connections and their environment rows in PostgreSQL. Secret values are not stored here. */
public class ConnectionRepository {

  private static final String COLUMNS =
      "id, organization_id, connection_key, name, integration_id, visibility, owner, version,"
          + " created_at, created_by, updated_at, updated_by, allowed_processes, allowed_in_production";

  /**
   * The order of pages: by name ignoring case, compared by code point (collation "C": the same on
   * every database, and what the index of V15 holds), then by id.
   */
  private static final String ORDER = "lower(c.name) collate \"C\", c.id";

  private static final String ENVIRONMENT_COLUMNS =
      "connection_id, environment, settings::text as settings, secret_fields_set, updated_at,"
          + " updated_by, last_test_ok, last_test_message, last_tested_at, last_tested_by,"
          + " oauth2_authorized_by, oauth2_authorized_at, oauth2_reauthorization_reason,"
          + " oauth2_authorized_account";

  private final JdbcClient jdbc;
  private final ObjectMapper json;

  public ConnectionRepository(JdbcClient jdbc, ObjectMapper json) {
    this.jdbc = jdbc;
    this.json = json;
  }

  public void insert(Connection c) {
    jdbc.sql(
            "insert into connection ("
                + COLUMNS
                + ") values (:id, :org, :key, :name, :integrationId,"
                + " :visibility, :owner, :version, :createdAt, :createdBy, :updatedAt, :updatedBy, :allowedProcesses,"
                + " :allowedInProduction)")
        .params(parameters(c))
        .update();
  }

  public boolean update(Connection c, long expectedVersion) {
    Map<String, Object> params = parameters(c);
    params.put("expectedVersion", expectedVersion);
    return jdbc.sql(
                "update connection set name = :name, visibility = :visibility, owner = :owner,"
                    + " version = :version, updated_at = :updatedAt, updated_by = :updatedBy,"
                    + " allowed_processes = :allowedProcesses, allowed_in_production = :allowedInProduction"
                    + " where id = :id and organization_id = :org and version = :expectedVersion")
            .params(params)
            .update()
        == 1;
  }

  public Optional<Connection> find(String organizationId, UUID id) {
    return one("id = :id", Map.of("id", id, "org", organizationId), false);
  }

  public Optional<Connection> findForUpdate(String organizationId, UUID id) {
    return one("id = :id", Map.of("id", id, "org", organizationId), true);
  }

  public Optional<Connection> findByKey(String organizationId, String key) {
    return one("connection_key = :key", Map.of("key", key, "org", organizationId), false);
  }

  /**
   * One row of a query that reads a connection joined with other tables ({@link #JOINED_COLUMNS}
   * and others'): how the resolution reads all its inputs in one round trip.
   */
  public <T> Optional<T> queryJoined(
      String sql, Map<String, Object> params, org.springframework.jdbc.core.RowMapper<T> rows) {
    return jdbc.sql(sql).params(params).query(rows).optional();
  }

  public List<Connection> list(String organizationId) {
    return many("organization_id = :org", Map.of("org", organizationId));
  }

  /**
   * One page of the connections {@code username} sees in the organization (ORGANIZATION ones and
   * their own PERSONAL ones) that match {@code query}, in the order of {@link #ORDER}. Filtering,
   * search and paging run in the database; environment rows are read for the page's connections
   * only.
   */
  public Page<Connection> page(
      String organizationId, String username, ConnectionQuery query, PageRequest request) {
    StringBuilder where =
        new StringBuilder(
            " from connection c join integration i on i.id = c.integration_id"
                + " where c.organization_id = :org and i.organization_id = :org"
                + " and (c.visibility = 'ORGANIZATION' or c.owner = :username)");
    Map<String, Object> params = new LinkedHashMap<>();
    params.put("org", organizationId);
    params.put("username", username);
    if (query.integrationId() != null) {
      where.append(" and c.integration_id = :integrationId");
      params.put("integrationId", query.integrationId());
    }
    if (query.type() != null) {
      where.append(" and i.type = :type");
      params.put("type", query.type().name());
    }
    if (query.vertical() != null) {
      where.append(" and lower(i.domain_vertical) = lower(:vertical)");
      params.put("vertical", query.vertical());
    }
    if (query.search() != null) {
      // the key is lowercase already; the type matches on its label
      where.append(
          " and (lower(c.name) like :search escape '\\' or c.connection_key like :search escape '\\'"
              + " or lower(i.name) like :search escape '\\' or i.type = any(:types))");
      params.put("search", LikePatterns.containing(query.search()));
      params.put("types", IntegrationType.labelsContaining(query.search()));
    }
    // the page's ids and the number of all matches in one scan (the window counts before the
    // limit); the rows themselves next, narrow ids being cheaper to sort than whole rows
    params.put("limit", request.size());
    params.put("offset", request.offset());
    long[] total = {-1};
    List<UUID> ids =
        jdbc.sql(
                "select c.id, count(*) over () as total"
                    + where
                    + " order by "
                    + ORDER
                    + " limit :limit offset :offset")
            .params(params)
            .query(
                (rs, n) -> {
                  total[0] = rs.getLong("total");
                  return rs.getObject("id", UUID.class);
                })
            .list();
    if (ids.isEmpty()) {
      // past the last page (or nothing matches): the window had no row to count on
      long all = jdbc.sql("select count(*)" + where).params(params).query(Long.class).single();
      return new Page<>(List.of(), all, request.page(), request.size());
    }
    Map<UUID, Row> byId = new LinkedHashMap<>();
    jdbc.sql("select " + COLUMNS + " from connection where id = any(:ids)")
        .param("ids", ids.toArray(UUID[]::new))
        .query(this::row)
        .list()
        .forEach(r -> byId.put(r.id(), r));
    List<Row> rows = ids.stream().map(byId::get).filter(java.util.Objects::nonNull).toList();
    return new Page<>(withEnvironments(rows), total[0], request.page(), request.size());
  }

  /** Every organization that has at least one connection. */
  public List<String> organizations() {
    return jdbc.sql("select distinct organization_id from connection order by organization_id")
        .query(String.class)
        .list();
  }

  public List<Connection> listByIntegration(String organizationId, UUID integrationId) {
    return many(
        "organization_id = :org and integration_id = :integrationId",
        Map.of("org", organizationId, "integrationId", integrationId));
  }

  /** Any connection of the organization, visible or not: keys are unique in the organization. */
  public boolean existsByKey(String organizationId, String key) {
    return jdbc.sql(
                "select count(*) from connection where organization_id = :org and connection_key = :key")
            .param("org", organizationId)
            .param("key", key)
            .query(Long.class)
            .single()
        > 0;
  }

  /**
   * A connection of this name (any case) that {@code owner} sees: an ORGANIZATION one or one of the
   * owner's PERSONAL ones.
   */
  public boolean existsNamedFor(String organizationId, String name, String owner, UUID exceptId) {
    return jdbc.sql(
                "select count(*) from connection where organization_id = :org and id <> :except"
                    + " and lower(name) = lower(:name) and (visibility = 'ORGANIZATION' or owner = :owner)")
            .param("org", organizationId)
            .param("name", name)
            .param("owner", owner)
            .param("except", exceptId == null ? new UUID(0, 0) : exceptId)
            .query(Long.class)
            .single()
        > 0;
  }

  public void delete(String organizationId, UUID id) {
    jdbc.sql("delete from connection where id = :id and organization_id = :org")
        .param("id", id)
        .param("org", organizationId)
        .update();
  }

  public void upsertEnvironment(UUID connectionId, ConnectionEnvironment env) {
    jdbc.sql(
            "insert into connection_environment (connection_id, environment, settings, secret_fields_set,"
                + " updated_at, updated_by) values (:id, :env, cast(:settings as jsonb), :secrets, :at, :by)"
                + " on conflict (connection_id, environment) do update set settings = excluded.settings,"
                + " secret_fields_set = excluded.secret_fields_set, updated_at = excluded.updated_at,"
                + " updated_by = excluded.updated_by, last_test_ok = null, last_test_message = null,"
                + " last_tested_at = null, last_tested_by = null, oauth2_authorized_by = null,"
                + " oauth2_authorized_at = null, oauth2_reauthorization_reason = null,"
                + " oauth2_authorized_account = null")
        .param("id", connectionId)
        .param("env", env.environment().name())
        .param("settings", write(env.settings()))
        .param("secrets", env.secretFieldsSet().stream().sorted().toArray(String[]::new))
        .param("at", Timestamp.from(env.updatedAt()))
        .param("by", env.updatedBy())
        .update();
  }

  public void deleteEnvironment(UUID connectionId, Environment environment) {
    jdbc.sql("delete from connection_environment where connection_id = :id and environment = :env")
        .param("id", connectionId)
        .param("env", environment.name())
        .update();
  }

  /**
   * Stores the outcome of a connection test; not a change of the connection, so no version bump.
   */
  public void recordTest(UUID connectionId, Environment environment, EnvironmentTestResult result) {
    jdbc.sql(
            "update connection_environment set last_test_ok = :ok, last_test_message = :message,"
                + " last_tested_at = :at, last_tested_by = :by where connection_id = :id and environment = :env")
        .param("ok", result.ok())
        .param("message", result.message())
        .param("at", Timestamp.from(result.testedAt()))
        .param("by", result.testedBy())
        .param("id", connectionId)
        .param("env", environment.name())
        .update();
  }

  /** Bumps version and audit columns after a change to one of the connection's environments. */
  public boolean touch(UUID connectionId, long expectedVersion, java.time.Instant at, String by) {
    return jdbc.sql(
                "update connection set version = version + 1, updated_at = :at, updated_by = :by"
                    + " where id = :id and version = :expected")
            .param("id", connectionId)
            .param("expected", expectedVersion)
            .param("at", Timestamp.from(at))
            .param("by", by)
            .update()
        == 1;
  }

  private Optional<Connection> one(String condition, Map<String, Object> params, boolean lock) {
    return many(condition + " and organization_id = :org", params, lock).stream().findFirst();
  }

  private List<Connection> many(String condition, Map<String, Object> params) {
    return many(condition, params, false);
  }

  private List<Connection> many(String condition, Map<String, Object> params, boolean lock) {
    String sql =
        "select "
            + COLUMNS
            + " from connection where "
            + condition
            + " order by lower(name)"
            + (lock ? " for update" : "");
    return withEnvironments(jdbc.sql(sql).params(params).query(this::row).list());
  }

  private List<Connection> withEnvironments(List<Row> rows) {
    if (rows.isEmpty()) {
      return List.of();
    }
    Map<UUID, Map<Environment, ConnectionEnvironment>> environments =
        environmentsOf(rows.stream().map(Row::id).toList());
    return rows.stream()
        .map(r -> r.toConnection(environments.getOrDefault(r.id(), Map.of())))
        .toList();
  }

  private Map<UUID, Map<Environment, ConnectionEnvironment>> environmentsOf(List<UUID> ids) {
    Map<UUID, Map<Environment, ConnectionEnvironment>> result = new LinkedHashMap<>();
    jdbc.sql(
            "select "
                + ENVIRONMENT_COLUMNS
                + " from connection_environment where connection_id = any(:ids)")
        .param("ids", ids.toArray(UUID[]::new))
        .query(
            (rs, n) -> {
              ConnectionEnvironment env = environment(rs, "");
              result
                  .computeIfAbsent(
                      rs.getObject("connection_id", UUID.class),
                      k -> new EnumMap<>(Environment.class))
                  .put(env.environment(), env);
              return env;
            })
        .list();
    return result;
  }

  /**
   * The select list for reading a connection ({@code c}) with one of its environment rows ({@code
   * e}, left-joined) in a query that also reads other tables: every column prefixed ({@code c_},
   * {@code e_}) so that none clashes. Map the row with {@link #joined(ResultSet)}.
   */
  public static final String JOINED_COLUMNS =
      prefixed("c", COLUMNS) + ", " + prefixed("e", ENVIRONMENT_COLUMNS);

  /**
   * The connection of a row selected with {@link #JOINED_COLUMNS}, holding the joined environment
   * row only (none when the join found none).
   */
  public Connection joined(ResultSet rs) throws SQLException {
    Map<Environment, ConnectionEnvironment> environments = new EnumMap<>(Environment.class);
    if (rs.getString("e_environment") != null) {
      ConnectionEnvironment env = environment(rs, "e_");
      environments.put(env.environment(), env);
    }
    return row(rs, "c_").toConnection(environments);
  }

  private static String prefixed(String alias, String columns) {
    StringBuilder out = new StringBuilder();
    for (String column : columns.split(",")) {
      String name = column.trim();
      String expression = name;
      int as = name.indexOf(" as ");
      if (as > 0) {
        expression = name.substring(0, as);
        name = name.substring(as + 4);
      }
      out.append(out.isEmpty() ? "" : ", ")
          .append(alias)
          .append('.')
          .append(expression)
          .append(" as ")
          .append(alias)
          .append('_')
          .append(name);
    }
    return out.toString();
  }

  private ConnectionEnvironment environment(ResultSet rs, String prefix) throws SQLException {
    return new ConnectionEnvironment(
        Environment.valueOf(rs.getString(prefix + "environment")),
        read(rs.getString(prefix + "settings")),
        new HashSet<>(Arrays.asList(strings(rs.getArray(prefix + "secret_fields_set")))),
        rs.getTimestamp(prefix + "updated_at").toInstant(),
        rs.getString(prefix + "updated_by"),
        lastTest(rs, prefix),
        oauth2(rs, prefix));
  }

  private static EnvironmentTestResult lastTest(ResultSet rs, String prefix) throws SQLException {
    Timestamp at = rs.getTimestamp(prefix + "last_tested_at");
    return at == null
        ? null
        : new EnvironmentTestResult(
            rs.getBoolean(prefix + "last_test_ok"),
            rs.getString(prefix + "last_test_message"),
            at.toInstant(),
            rs.getString(prefix + "last_tested_by"));
  }

  private static OAuth2Authorization oauth2(ResultSet rs, String prefix) throws SQLException {
    Timestamp at = rs.getTimestamp(prefix + "oauth2_authorized_at");
    String reason = rs.getString(prefix + "oauth2_reauthorization_reason");
    return at == null && reason == null
        ? null
        : new OAuth2Authorization(
            rs.getString(prefix + "oauth2_authorized_by"),
            at == null ? null : at.toInstant(),
            reason,
            rs.getString(prefix + "oauth2_authorized_account"));
  }

  private static String[] strings(Array array) throws SQLException {
    return array == null ? new String[0] : (String[]) array.getArray();
  }

  private String write(Map<String, Object> settings) {
    try {
      return json.writeValueAsString(settings);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot serialize connection settings", e);
    }
  }

  private Map<String, Object> read(String text) {
    try {
      return json.readValue(text, new TypeReference<LinkedHashMap<String, Object>>() {});
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("stored connection settings are not valid JSON", e);
    }
  }

  private static Map<String, Object> parameters(Connection c) {
    Map<String, Object> p = new LinkedHashMap<>();
    p.put("id", c.id());
    p.put("org", c.organizationId());
    p.put("key", c.key());
    p.put("name", c.name());
    p.put("integrationId", c.integrationId());
    p.put("visibility", c.visibility().name());
    p.put("owner", c.owner());
    p.put("version", c.version());
    p.put("createdAt", Timestamp.from(c.createdAt()));
    p.put("createdBy", c.createdBy());
    p.put("updatedAt", Timestamp.from(c.updatedAt()));
    p.put("updatedBy", c.updatedBy());
    p.put("allowedProcesses", c.allowedProcesses().toArray(String[]::new));
    p.put("allowedInProduction", c.allowedInProduction());
    return p;
  }

  private Row row(ResultSet rs, int n) throws SQLException {
    return row(rs, "");
  }

  private static Row row(ResultSet rs, String p) throws SQLException {
    return new Row(
        rs.getObject(p + "id", UUID.class),
        rs.getString(p + "organization_id"),
        rs.getString(p + "connection_key"),
        rs.getString(p + "name"),
        rs.getObject(p + "integration_id", UUID.class),
        Visibility.valueOf(rs.getString(p + "visibility")),
        rs.getString(p + "owner"),
        rs.getLong(p + "version"),
        rs.getTimestamp(p + "created_at").toInstant(),
        rs.getString(p + "created_by"),
        rs.getTimestamp(p + "updated_at").toInstant(),
        rs.getString(p + "updated_by"),
        List.of(strings(rs.getArray(p + "allowed_processes"))),
        rs.getBoolean(p + "allowed_in_production"));
  }

  private record Row(
      UUID id,
      String org,
      String key,
      String name,
      UUID integrationId,
      Visibility visibility,
      String owner,
      long version,
      java.time.Instant createdAt,
      String createdBy,
      java.time.Instant updatedAt,
      String updatedBy,
      List<String> allowedProcesses,
      boolean allowedInProduction) {
    Connection toConnection(Map<Environment, ConnectionEnvironment> environments) {
      return new Connection(
          id,
          org,
          key,
          name,
          integrationId,
          visibility,
          owner,
          version,
          createdAt,
          createdBy,
          updatedAt,
          updatedBy,
          environments,
          allowedProcesses,
          allowedInProduction);
    }
  }
}
