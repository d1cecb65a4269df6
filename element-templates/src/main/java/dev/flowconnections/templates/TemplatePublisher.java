package dev.flowconnections.templates;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.flowconnections.access.Actor;
import dev.flowconnections.integration.IntegrationType;
import dev.flowconnections.templates.node.Node;
import dev.flowconnections.templates.node.NodeCatalog;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Regenerates every node template from the database and stores a new version of each template whose
 * content changed; unchanged templates keep their version, so Modeler offers an upgrade only when
 * there is something new. A template that fails the official schema is never published.
 */
public class TemplatePublisher {

  private final NodeCatalog nodes;
  private final TemplateChoices choices;
  private final ElementTemplateGenerator generator;
  private final ElementTemplateSchema schema;
  private final PublishedTemplateRepository repository;
  private final TransactionTemplate tx;
  private final ObjectMapper json;
  private final Clock clock;
  private final List<PublicationListener> listeners;

  public TemplatePublisher(
      NodeCatalog nodes,
      TemplateChoices choices,
      ElementTemplateGenerator generator,
      ElementTemplateSchema schema,
      PublishedTemplateRepository repository,
      TransactionTemplate tx,
      ObjectMapper json,
      Clock clock,
      List<PublicationListener> listeners) {
    this.nodes = nodes;
    this.choices = choices;
    this.generator = generator;
    this.schema = schema;
    this.repository = repository;
    this.tx = tx;
    this.json = json;
    this.clock = clock;
    this.listeners = List.copyOf(listeners);
  }

  /** Publication by an administrator through the API. */
  public Publication publish(Actor actor) {
    actor.requireAdmin("publish element templates");
    return publish(actor.organizationId(), actor.username());
  }

  /** Publication on behalf of the system, e.g. after a change when auto-publishing is on. */
  public Publication publish(String organizationId, String publishedBy) {
    Publication publication =
        tx.execute(
            status -> {
              repository.lockOrganization(organizationId);
              Map<IntegrationType, List<ConnectionChoice>> shared = choices.shared(organizationId);
              List<Publication.Entry> entries = new ArrayList<>();
              for (Node node : nodes.all()) {
                entries.add(publishNode(organizationId, publishedBy, node, shared));
              }
              return new Publication(entries);
            });
    listeners.forEach(
        listener -> listener.published(organizationId, repository.latest(organizationId)));
    return publication;
  }

  /**
   * The content hash each node template would have if it were published now, by template id;
   * generated and hashed like a publication, but nothing is stored. A hash that differs from the
   * newest stored version's means a publication would change that template.
   */
  public Map<String, String> currentHashes(String organizationId) {
    Map<IntegrationType, List<ConnectionChoice>> shared = choices.shared(organizationId);
    Map<String, String> hashes = new LinkedHashMap<>();
    for (Node node : nodes.all()) {
      hashes.put(node.templateId(), hash(generator.generate(node, shared, 0)));
    }
    return hashes;
  }

  private Publication.Entry publishNode(
      String organizationId,
      String by,
      Node node,
      Map<IntegrationType, List<ConnectionChoice>> offered) {
    String hash = hash(generator.generate(node, offered, 0));
    Optional<PublishedTemplate> latest = repository.latest(organizationId, node.templateId());
    if (latest.isPresent() && latest.get().contentHash().equals(hash)) {
      return new Publication.Entry(node.templateId(), latest.get().version(), false);
    }
    int version = latest.map(t -> t.version() + 1).orElse(1);
    ObjectNode template = generator.generate(node, offered, version);
    List<String> violations = schema.validate(template);
    if (!violations.isEmpty()) {
      throw new IllegalStateException(
          "generated template "
              + node.templateId()
              + " violates the element template schema: "
              + violations);
    }
    repository.insert(
        organizationId,
        new PublishedTemplate(node.templateId(), version, template, hash, clock.instant(), by));
    return new Publication.Entry(node.templateId(), version, true);
  }

  private String hash(ObjectNode template) {
    try {
      byte[] digest =
          MessageDigest.getInstance("SHA-256")
              .digest(json.writeValueAsString(template).getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(digest);
    } catch (NoSuchAlgorithmException | JsonProcessingException e) {
      throw new IllegalStateException("cannot hash template", e);
    }
  }

  /** What a publication did: every template with its current version and whether it changed. */
  public record Publication(List<Entry> templates) {
    public record Entry(String templateId, int version, boolean changed) {}

    public long changedCount() {
      return templates.stream().filter(Entry::changed).count();
    }
  }

  /** Told about the newest templates after each publication, e.g. to export them to a folder. */
  public interface PublicationListener {
    void published(String organizationId, List<PublishedTemplate> latest);
  }
}
