package dev.flowconnections.integration.openapi;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The stored OpenAPI versions of integrations, in PostgreSQL; every query is per organization. */
public class ApiSpecRepository {

  private static final String COLUMNS =
      "s.id, s.integration_id, s.number, s.title, s.spec_version, s.content_hash, s.source_url,"
          + " s.operations::text as operations, s.active, s.created_at, s.created_by";
  private static final TypeReference<List<ApiOperation>> OPERATIONS = new TypeReference<>() {};

  private final JdbcClient jdbc;
  private final ObjectMapper json;

  public ApiSpecRepository(JdbcClient jdbc, ObjectMapper json) {
    this.jdbc = jdbc;
    this.json = json;
  }

  public Optional<ApiSpec> active(String organizationId, UUID integrationId) {
    return jdbc.sql(
            "select "
                + COLUMNS
                + " from integration_api_spec s where s.organization_id = :org"
                + " and s.integration_id = :integration and s.active")
        .param("org", organizationId)
        .param("integration", integrationId)
        .query(this::map)
        .optional();
  }

  /** The active version of every integration of the organization that has one. */
  public Map<UUID, ApiSpec> activeByIntegration(String organizationId) {
    return jdbc
        .sql(
            "select "
                + COLUMNS
                + " from integration_api_spec s where s.organization_id = :org and s.active")
        .param("org", organizationId)
        .query(this::map)
        .list()
        .stream()
        .collect(Collectors.toMap(ApiSpec::integrationId, Function.identity()));
  }

  /** The active version of the integration of the connection {@code connectionKey}. */
  public Optional<ApiSpec> activeForConnection(String organizationId, String connectionKey) {
    return jdbc.sql(
            "select "
                + COLUMNS
                + " from integration_api_spec s join connection c on c.integration_id ="
                + " s.integration_id and c.organization_id = s.organization_id"
                + " where s.organization_id = :org and c.connection_key = :key and s.active")
        .param("org", organizationId)
        .param("key", connectionKey)
        .query(this::map)
        .optional();
  }

  /** Every version, newest first. */
  public List<ApiSpec> versions(String organizationId, UUID integrationId) {
    return jdbc.sql(
            "select "
                + COLUMNS
                + " from integration_api_spec s where s.organization_id = :org"
                + " and s.integration_id = :integration order by s.number desc")
        .param("org", organizationId)
        .param("integration", integrationId)
        .query(this::map)
        .list();
  }

  public Optional<ApiSpec> byContentHash(
      String organizationId, UUID integrationId, String contentHash) {
    return jdbc.sql(
            "select "
                + COLUMNS
                + " from integration_api_spec s where s.organization_id = :org"
                + " and s.integration_id = :integration and s.content_hash = :hash")
        .param("org", organizationId)
        .param("integration", integrationId)
        .param("hash", contentHash)
        .query(this::map)
        .optional();
  }

  /**
   * The number the next version of the integration gets. Callers hold the integration's row lock,
   * so two imports cannot take the same number.
   */
  public int nextNumber(UUID integrationId) {
    return jdbc.sql(
            "select coalesce(max(number), 0) + 1 from integration_api_spec"
                + " where integration_id = :integration")
        .param("integration", integrationId)
        .query(Integer.class)
        .single();
  }

  /** Stores a new version, not active yet. */
  public void insert(String organizationId, ApiSpec spec) {
    jdbc.sql(
            "insert into integration_api_spec (id, organization_id, integration_id, number, title,"
                + " spec_version, content_hash, source_url, operations, active, created_at,"
                + " created_by) values (:id, :org, :integration, :number, :title, :specVersion,"
                + " :hash, :sourceUrl, cast(:operations as jsonb), false, :createdAt, :createdBy)")
        .param("id", spec.id())
        .param("org", organizationId)
        .param("integration", spec.integrationId())
        .param("number", spec.number())
        .param("title", spec.title())
        .param("specVersion", spec.specVersion())
        .param("hash", spec.contentHash())
        .param("sourceUrl", spec.sourceUrl())
        .param("operations", write(spec.operations()))
        .param("createdAt", Timestamp.from(spec.createdAt()))
        .param("createdBy", spec.createdBy())
        .update();
  }

  /** Makes {@code specId} the integration's only active version. */
  public void activate(String organizationId, UUID integrationId, UUID specId) {
    jdbc.sql(
            "update integration_api_spec set active = false where organization_id = :org"
                + " and integration_id = :integration and active")
        .param("org", organizationId)
        .param("integration", integrationId)
        .update();
    jdbc.sql(
            "update integration_api_spec set active = true where organization_id = :org"
                + " and integration_id = :integration and id = :id")
        .param("org", organizationId)
        .param("integration", integrationId)
        .param("id", specId)
        .update();
  }

  private String write(List<ApiOperation> operations) {
    try {
      return json.writeValueAsString(operations);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("operations cannot be written as JSON", e);
    }
  }

  private ApiSpec map(ResultSet rs, int row) throws SQLException {
    try {
      return new ApiSpec(
          rs.getObject("id", UUID.class),
          rs.getObject("integration_id", UUID.class),
          rs.getInt("number"),
          rs.getString("title"),
          rs.getString("spec_version"),
          rs.getString("content_hash"),
          rs.getString("source_url"),
          json.readValue(rs.getString("operations"), OPERATIONS),
          rs.getBoolean("active"),
          rs.getTimestamp("created_at").toInstant(),
          rs.getString("created_by"));
    } catch (JsonProcessingException e) {
      throw new SQLException("stored operations of OpenAPI version are not JSON", e);
    }
  }
}
