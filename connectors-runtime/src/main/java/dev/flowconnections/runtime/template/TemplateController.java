package dev.flowconnections.runtime.template;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.flowconnections.access.Actor;
import dev.flowconnections.templates.PublishedTemplate;
import dev.flowconnections.templates.TemplateCatalog;
import dev.flowconnections.templates.TemplatePublisher;
import java.time.Instant;
import java.util.List;
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

  private final TemplatePublisher publisher;
  private final TemplateCatalog catalog;

  TemplateController(TemplatePublisher publisher, TemplateCatalog catalog) {
    this.publisher = publisher;
    this.catalog = catalog;
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
