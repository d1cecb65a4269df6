package dev.flowconnections.templates;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
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
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Regenerates every node template from the database and stores a new version of each template whose
 * content changed; unchanged templates keep their version, so Modeler offers an upgrade only when
 * there is something new. A template that fails the official schema is never published.
 *
 * <p>Above the dropdown threshold a node also gets one template per integration ({@link
 * TemplateTarget}). When such a template is no longer generated (the organization shrank below the
 * threshold, the integration lost its last connection), its history stays and one last version is
 * published marked {@code deprecated}: diagrams that use it still render, Modeler no longer offers
 * it for new tasks. Should it be generated again, a new, undeprecated version follows.
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
              Map<String, PublishedTemplate> latest = new TreeMap<>();
              repository.latest(organizationId).forEach(t -> latest.put(t.templateId(), t));
              Set<String> current = new HashSet<>();
              for (TemplateTarget target : targets(shared)) {
                current.add(target.templateId());
                entries.add(
                    publishTarget(
                        organizationId,
                        publishedBy,
                        target,
                        Optional.ofNullable(latest.get(target.templateId()))));
              }
              for (PublishedTemplate gone : latest.values()) {
                if (!current.contains(gone.templateId()) && isSplit(gone.templateId())) {
                  retire(organizationId, publishedBy, gone).ifPresent(entries::add);
                }
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
    Map<String, String> hashes = new LinkedHashMap<>();
    current(organizationId).forEach(t -> hashes.put(t.templateId(), t.hash()));
    return hashes;
  }

  /** Every template a publication would store now, in publication order, with name and hash. */
  List<Current> current(String organizationId) {
    List<Current> current = new ArrayList<>();
    for (TemplateTarget target : targets(choices.shared(organizationId))) {
      ObjectNode template = generator.generate(target, 0);
      String label =
          target.split()
              ? target.node().label() + " · " + target.integrationName()
              : target.node().label();
      current.add(new Current(target.templateId(), label, hash(template)));
    }
    return current;
  }

  /** A template a publication would store: its id, label and content hash. */
  record Current(String templateId, String label, String hash) {}

  private List<TemplateTarget> targets(Map<IntegrationType, List<ConnectionChoice>> shared) {
    List<TemplateTarget> targets = new ArrayList<>();
    for (Node node : nodes.all()) {
      targets.addAll(generator.targets(node, shared));
    }
    return targets;
  }

  /** Whether the id is that of a node's template for one integration. */
  boolean isSplit(String templateId) {
    return nodes.all().stream()
        .anyMatch(node -> TemplateTarget.integrationOf(node, templateId).isPresent());
  }

  private Publication.Entry publishTarget(
      String organizationId, String by, TemplateTarget target, Optional<PublishedTemplate> latest) {
    String templateId = target.templateId();
    String hash = hash(generator.generate(target, 0));
    if (latest.isPresent() && latest.get().contentHash().equals(hash)) {
      return new Publication.Entry(templateId, latest.get().version(), false);
    }
    int version = latest.map(t -> t.version() + 1).orElse(1);
    ObjectNode template = generator.generate(target, version);
    store(organizationId, by, templateId, version, template, hash);
    return new Publication.Entry(templateId, version, true);
  }

  /** One last version of a template no longer generated, marked deprecated; once only. */
  private Optional<Publication.Entry> retire(
      String organizationId, String by, PublishedTemplate gone) {
    if (gone.content().has("deprecated")) {
      return Optional.empty();
    }
    int version = gone.version() + 1;
    ObjectNode template = gone.content().deepCopy();
    template.put("version", version);
    for (JsonNode property : template.withArray("properties")) {
      if ("elementTemplateVersion".equals(property.path("binding").path("key").asText())) {
        ((ObjectNode) property).put("value", String.valueOf(version));
      }
    }
    template
        .putObject("deprecated")
        .put(
            "message",
            "No longer published: the organization's connections fit the node's own template again."
                + " Switch the task to that template.");
    ObjectNode hashed = template.deepCopy();
    hashed.put("version", 0);
    store(organizationId, by, gone.templateId(), version, template, hash(hashed));
    return Optional.of(new Publication.Entry(gone.templateId(), version, true));
  }

  private void store(
      String organizationId,
      String by,
      String templateId,
      int version,
      ObjectNode template,
      String hash) {
    List<String> violations = schema.validate(template);
    if (!violations.isEmpty()) {
      throw new IllegalStateException(
          "generated template "
              + templateId
              + " violates the element template schema: "
              + violations);
    }
    repository.insert(
        organizationId,
        new PublishedTemplate(templateId, version, template, hash, clock.instant(), by));
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
