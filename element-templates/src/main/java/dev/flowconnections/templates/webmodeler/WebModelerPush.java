package dev.flowconnections.templates.webmodeler;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.flowconnections.templates.PublishedTemplate;
import dev.flowconnections.templates.TemplatePublisher;
import dev.flowconnections.templates.TemplatesProperties;
import java.net.http.HttpClient;
import java.time.Clock;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes the newest templates of one organization into a Web Modeler project after each
 * publication, one {@code connector_template} file per template: created when missing, updated when
 * its content differs, left alone otherwise.
 *
 * <p>The publication is committed before listeners run, so a failed push only logs a warning; the
 * next publication pushes every template again, so a re-publish without changes repairs it.
 */
public class WebModelerPush implements TemplatePublisher.PublicationListener {

  private static final Logger LOG = LoggerFactory.getLogger(WebModelerPush.class);

  private final WebModelerClient client;
  private final WebModelerTokenClient tokens;
  private final String organizationId;
  private final String projectId;
  private final String fileNamePrefix;
  private final ObjectMapper json;

  public WebModelerPush(
      WebModelerClient client,
      WebModelerTokenClient tokens,
      String organizationId,
      String projectId,
      String fileNamePrefix,
      ObjectMapper json) {
    this.client = client;
    this.tokens = tokens;
    this.organizationId = organizationId;
    this.projectId = projectId;
    this.fileNamePrefix = fileNamePrefix == null ? "" : fileNamePrefix;
    this.json = json;
  }

  /** A push of {@code organizationId}'s templates as configured; the settings must be complete. */
  public static WebModelerPush connect(
      TemplatesProperties.WebModeler settings,
      String organizationId,
      ObjectMapper json,
      Clock clock) {
    // HTTP/1.1: no h2c upgrade attempts against proxies; redirects are not followed (the default),
    // so the bearer token never travels to another host.
    HttpClient http =
        HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(settings.getTimeout())
            .build();
    WebModelerTokenClient tokens =
        new WebModelerTokenClient(
            http,
            settings.getTokenUrl(),
            settings.getClientId(),
            settings.getClientSecret(),
            settings.getAudience(),
            settings.getTimeout(),
            json,
            clock);
    WebModelerClient client =
        new WebModelerClient(
            http,
            settings.getBaseUrl(),
            settings.getProjectId(),
            settings.getFolderId(),
            tokens,
            settings.getTimeout(),
            json);
    return new WebModelerPush(
        client,
        tokens,
        organizationId,
        settings.getProjectId(),
        settings.getFileNamePrefix(),
        json);
  }

  /** Synchronized: two overlapping pushes could both miss a file and create it twice. */
  @Override
  public synchronized void published(String organizationId, List<PublishedTemplate> latest) {
    if (!this.organizationId.equals(organizationId)) {
      return; // the project belongs to one organization; others' connection names must not reach it
    }
    Result result = push(latest);
    LOG.info(
        "Pushed element templates of organization '{}' to Web Modeler project '{}': {} pushed ({} created, {} updated), {} unchanged, {} failed",
        organizationId,
        projectId,
        result.pushed(),
        result.created(),
        result.updated(),
        result.unchanged(),
        result.failed());
  }

  /**
   * Counts of one push; {@code failed} includes templates skipped after a failure that stops it.
   */
  public record Result(int created, int updated, int unchanged, int failed) {
    public int pushed() {
      return created + updated;
    }
  }

  private enum Outcome {
    CREATED,
    UPDATED,
    UNCHANGED
  }

  Result push(List<PublishedTemplate> latest) {
    int created = 0;
    int updated = 0;
    int unchanged = 0;
    int failed = 0;
    for (int i = 0; i < latest.size(); i++) {
      String fileName = fileName(latest.get(i));
      try {
        switch (pushOne(fileName, latest.get(i).content())) {
          case CREATED -> created++;
          case UPDATED -> updated++;
          case UNCHANGED -> unchanged++;
        }
      } catch (WebModelerException e) {
        failed++;
        int rest = latest.size() - i - 1;
        if (e.stopsPush() && rest > 0) {
          LOG.warn(
              "Pushing element template '{}' to Web Modeler failed: {}; the other {} templates are not tried this time",
              fileName,
              tokens.redact(e.getMessage()),
              rest);
          return new Result(created, updated, unchanged, failed + rest);
        }
        LOG.warn(
            "Pushing element template '{}' to Web Modeler failed: {}",
            fileName,
            tokens.redact(e.getMessage()));
      } catch (RuntimeException e) {
        // Whatever goes wrong here must not reach the publisher: its publication is committed.
        failed++;
        LOG.warn(
            "Pushing element template '{}' to Web Modeler failed: {}",
            fileName,
            tokens.redact(e.getClass().getSimpleName() + ": " + e.getMessage()));
      }
    }
    return new Result(created, updated, unchanged, failed);
  }

  private Outcome pushOne(String fileName, ObjectNode template) throws WebModelerException {
    String content = render(template);
    var existing = client.find(fileName);
    if (existing.isEmpty()) {
      client.create(fileName, content);
      return Outcome.CREATED;
    }
    // The search lists no content, and its revision may be stale by the time we write: read both.
    WebModelerClient.RemoteFile current = client.get(existing.get().id());
    if (sameJson(current.content(), template)) {
      return Outcome.UNCHANGED;
    }
    client.update(existing.get().id(), content, current.revision());
    return Outcome.UPDATED;
  }

  private String fileName(PublishedTemplate template) {
    return fileNamePrefix + template.content().path("name").asText(template.templateId());
  }

  private String render(ObjectNode template) {
    try {
      return json.writerWithDefaultPrettyPrinter()
          .writeValueAsString(template); // people read it in Web Modeler
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot serialize template", e);
    }
  }

  /** Compared as JSON, so a file Web Modeler re-formatted or re-ordered is not rewritten. */
  private boolean sameJson(String remote, JsonNode template) {
    try {
      return template.equals(json.readTree(remote));
    } catch (JsonProcessingException e) {
      return false; // not JSON (any more): overwrite it with the template
    }
  }
}
