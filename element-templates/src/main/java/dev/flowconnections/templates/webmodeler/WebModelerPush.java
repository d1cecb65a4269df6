package dev.flowconnections.templates.webmodeler;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.flowconnections.templates.PublishedTemplate;
import dev.flowconnections.templates.TemplatePublisher;
import java.io.IOException;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Pushes the newest templates into a Web Modeler project after each publication: creates a file
 * per template the first time, updates it (with its revision) when the content changed, leaves it
 * alone otherwise. The publication is committed before this runs, so a failing push only warns.
 */
public class WebModelerPush implements TemplatePublisher.PublicationListener {

  private static final Logger LOG = LoggerFactory.getLogger(WebModelerPush.class);

  private final WebModelerClient client;
  private final WebModelerProperties properties;
  private final ObjectMapper json;

  WebModelerPush(WebModelerClient client, WebModelerProperties properties, ObjectMapper json) {
    this.client = client;
    this.properties = properties;
    this.json = json;
  }

  @Override
  public void published(String organizationId, List<PublishedTemplate> latest) {
    if (!properties.getOrganizationId().equals(organizationId)) {
      return;
    }
    int pushed = 0;
    int unchanged = 0;
    int failed = 0;
    for (PublishedTemplate template : latest) {
      try {
        if (push(template)) {
          pushed++;
        } else {
          unchanged++;
        }
      } catch (IOException | RuntimeException e) {
        failed++;
        LOG.warn("Pushing template {} v{} to Web Modeler failed: {}", template.templateId(), template.version(), e.getMessage());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
    }
    LOG.info("Web Modeler project {}: {} templates pushed, {} unchanged, {} failed",
        properties.getProjectId(), pushed, unchanged, failed);
  }

  /** True when the file was created or updated. */
  private boolean push(PublishedTemplate template) throws IOException, InterruptedException {
    String name = properties.getFileNamePrefix() + template.content().path("name").asText(template.templateId());
    String content = json.writerWithDefaultPrettyPrinter().writeValueAsString(template.content());
    Optional<WebModelerClient.RemoteFile> existing = client.find(name);
    if (existing.isEmpty()) {
      client.create(name, content);
      return true;
    }
    if (sameJson(existing.get().content(), content)) {
      return false;
    }
    client.update(existing.get(), content);
    return true;
  }

  private boolean sameJson(String a, String b) {
    try {
      return json.readTree(a).equals(json.readTree(b));
    } catch (JsonProcessingException e) {
      return false; // not JSON we wrote: overwrite it
    }
  }
}
