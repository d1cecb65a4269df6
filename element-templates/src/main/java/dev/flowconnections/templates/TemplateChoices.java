package dev.flowconnections.templates;

import dev.flowconnections.integration.IntegrationType;
import dev.flowconnections.integration.openapi.ApiSpec;
import dev.flowconnections.integration.openapi.ApiSpecRepository;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Which connections a node's dropdown offers: those of the node's integration type, each with its
 * integration and the operations of that integration's active OpenAPI document. Two queries per
 * organization whatever its size (connections joined with their integration, and the active
 * documents); the connections' environments and secrets are never read.
 */
public class TemplateChoices {

  private static final String SELECT =
      "select c.connection_key, c.name, c.visibility, c.integration_id, i.type,"
          + " i.name as integration_name"
          + " from connection c join integration i"
          + " on i.id = c.integration_id and i.organization_id = c.organization_id"
          + " where c.organization_id = :org and ";

  private final JdbcClient jdbc;
  private final ApiSpecRepository specs;

  public TemplateChoices(JdbcClient jdbc, ApiSpecRepository specs) {
    this.jdbc = jdbc;
    this.specs = specs;
  }

  /** Organization-wide connections: what every published template offers. */
  public Map<IntegrationType, List<ConnectionChoice>> shared(String organizationId) {
    return byType(organizationId, "c.visibility = 'ORGANIZATION'", Map.of("org", organizationId));
  }

  /** The personal connections of one user, added to that user's download only. */
  public Map<IntegrationType, List<ConnectionChoice>> personal(
      String organizationId, String username) {
    return byType(
        organizationId,
        "c.visibility = 'PERSONAL' and c.owner = :owner",
        Map.of("org", organizationId, "owner", username));
  }

  private Map<IntegrationType, List<ConnectionChoice>> byType(
      String organizationId, String condition, Map<String, Object> params) {
    List<Row> rows =
        jdbc.sql(SELECT + condition + " order by c.connection_key")
            .params(params)
            .query(
                (rs, n) ->
                    new Row(
                        IntegrationType.valueOf(rs.getString("type")),
                        rs.getString("connection_key"),
                        rs.getString("name"),
                        "PERSONAL".equals(rs.getString("visibility")),
                        rs.getObject("integration_id", UUID.class),
                        rs.getString("integration_name")))
            .list();
    if (rows.isEmpty()) {
      return Map.of();
    }
    Map<UUID, ApiSpec> documents = specs.activeByIntegration(organizationId);
    return rows.stream()
        .collect(
            Collectors.groupingBy(
                Row::type,
                LinkedHashMap::new,
                Collectors.mapping(
                    r ->
                        new ConnectionChoice(
                            r.key(),
                            r.name(),
                            r.personal(),
                            documents.containsKey(r.integrationId())
                                ? documents.get(r.integrationId()).operations()
                                : List.of(),
                            r.integrationId(),
                            r.integrationName()),
                    Collectors.toList())));
  }

  private record Row(
      IntegrationType type,
      String key,
      String name,
      boolean personal,
      UUID integrationId,
      String integrationName) {}
}
