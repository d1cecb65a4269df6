package dev.flowconnections.runtime.template;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.flowconnections.access.Actor;
import dev.flowconnections.templates.PublishedTemplate;
import dev.flowconnections.templates.TemplateCatalog;
import dev.flowconnections.templates.TemplatePublisher;
import dev.flowconnections.templates.TemplateStatus;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Element templates for Camunda Modeler. {@code GET /api/templates} is an array of templates, the
 * format Modeler loads from one file; each user's download adds their own personal connections.
 */
@RestController
@RequestMapping("/api/templates")
class TemplateController {

  /** The file name Desktop Modeler shows; any name in resources/element-templates works. */
  static final String DOWNLOAD_FILE_NAME = "flow-connections.json";

  private final TemplatePublisher publisher;
  private final TemplateCatalog catalog;
  private final TemplateStatus status;

  TemplateController(TemplatePublisher publisher, TemplateCatalog catalog, TemplateStatus status) {
    this.publisher = publisher;
    this.catalog = catalog;
    this.status = status;
  }

  /** Regenerates all templates; only those whose content changed get a new version. */
  @PostMapping("/publish")
  TemplatePublisher.Publication publish(Actor actor) {
    return publisher.publish(actor);
  }

  @GetMapping
  List<ObjectNode> latest(Actor actor) {
    return catalog.latest(actor);
  }

  /**
   * The same as {@code GET /api/templates}, as a file to save into Desktop Modeler's {@code
   * resources/element-templates} folder (the pages' "Download templates").
   */
  @GetMapping("/download")
  ResponseEntity<List<ObjectNode>> download(Actor actor) {
    return ResponseEntity.ok()
        .header(
            HttpHeaders.CONTENT_DISPOSITION,
            ContentDisposition.attachment().filename(DOWNLOAD_FILE_NAME).build().toString())
        .contentType(MediaType.APPLICATION_JSON)
        .body(catalog.latest(actor));
  }

  /** Admins: each template's newest version and whether publishing now would change it. */
  @GetMapping("/status")
  TemplateStatus.Overview status(Actor actor) {
    return status.overview(actor);
  }

  /** Where a connection the caller can see can be picked in Modeler, and whether it is yet. */
  @GetMapping("/availability/{connectionId}")
  TemplateStatus.Availability availability(Actor actor, @PathVariable UUID connectionId) {
    return status.availability(actor, connectionId);
  }

  /** The newest version, or {@code ?version=N} from the history. */
  @GetMapping("/{templateId}")
  ObjectNode get(
      Actor actor,
      @PathVariable String templateId,
      @RequestParam(required = false) Integer version) {
    return catalog.get(actor, templateId, version);
  }

  @GetMapping("/{templateId}/versions")
  List<VersionSummary> versions(Actor actor, @PathVariable String templateId) {
    return catalog.history(actor, templateId).stream().map(VersionSummary::of).toList();
  }

  record VersionSummary(String templateId, int version, Instant publishedAt, String publishedBy) {
    static VersionSummary of(PublishedTemplate t) {
      return new VersionSummary(t.templateId(), t.version(), t.publishedAt(), t.publishedBy());
    }
  }
}
