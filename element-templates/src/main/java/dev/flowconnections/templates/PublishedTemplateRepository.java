package dev.flowconnections.templates;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The history of published templates per organization. Rows are only ever added. */
public class PublishedTemplateRepository {

  private static final String COLUMNS =
      "template_id, version, content::text as content, content_hash, published_at, published_by";

  private final JdbcClient jdbc;
  private final ObjectMapper json;

  public PublishedTemplateRepository(JdbcClient jdbc, ObjectMapper json) {
    this.jdbc = jdbc;
    this.json = json;
  }

  public void insert(String organizationId, PublishedTemplate template) {
    try {
      jdbc.sql(
              "insert into published_template (organization_id, template_id, version, content, content_hash,"
                  + " published_at, published_by) values (:org, :id, :version, cast(:content as jsonb), :hash, :at, :by)")
          .param("org", organizationId)
          .param("id", template.templateId())
          .param("version", template.version())
          .param("content", json.writeValueAsString(template.content()))
          .param("hash", template.contentHash())
          .param("at", Timestamp.from(template.publishedAt()))
          .param("by", template.publishedBy())
          .update();
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot serialize template " + template.templateId(), e);
    }
  }

  /** The newest version of every template of the organization. */
  public List<PublishedTemplate> latest(String organizationId) {
    return jdbc.sql(
            "select distinct on (template_id) "
                + COLUMNS
                + " from published_template"
                + " where organization_id = :org order by template_id, version desc")
        .param("org", organizationId)
        .query(this::map)
        .list();
  }

  public Optional<PublishedTemplate> latest(String organizationId, String templateId) {
    return jdbc.sql(
            "select "
                + COLUMNS
                + " from published_template where organization_id = :org and template_id = :id"
                + " order by version desc limit 1")
        .param("org", organizationId)
        .param("id", templateId)
        .query(this::map)
        .optional();
  }

  public Optional<PublishedTemplate> find(String organizationId, String templateId, int version) {
    return jdbc.sql(
            "select "
                + COLUMNS
                + " from published_template where organization_id = :org and template_id = :id"
                + " and version = :version")
        .param("org", organizationId)
        .param("id", templateId)
        .param("version", version)
        .query(this::map)
        .optional();
  }

  public List<PublishedTemplate> history(String organizationId, String templateId) {
    return jdbc.sql(
            "select "
                + COLUMNS
                + " from published_template where organization_id = :org and template_id = :id"
                + " order by version")
        .param("org", organizationId)
        .param("id", templateId)
        .query(this::map)
        .list();
  }

  /** Serialises concurrent publications of one organization until the transaction ends. */
  public void lockOrganization(String organizationId) {
    jdbc.sql("select pg_advisory_xact_lock(hashtext('published_template/' || :org))")
        .param("org", organizationId)
        .query((rs, n) -> 1)
        .list();
  }

  private PublishedTemplate map(ResultSet rs, int n) throws SQLException {
    try {
      return new PublishedTemplate(
          rs.getString("template_id"),
          rs.getInt("version"),
          (ObjectNode) json.readTree(rs.getString("content")),
          rs.getString("content_hash"),
          rs.getTimestamp("published_at").toInstant(),
          rs.getString("published_by"));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("stored template is not valid JSON", e);
    }
  }
}
