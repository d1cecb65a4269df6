package dev.flowconnections.templates;

import com.fasterxml.jackson.databind.JsonNode;
import dev.flowconnections.access.Actor;
import dev.flowconnections.connection.ConnectionService;
import dev.flowconnections.connection.ConnectionView;
import dev.flowconnections.connection.Visibility;
import dev.flowconnections.integration.IntegrationType;
import dev.flowconnections.templates.node.Node;
import dev.flowconnections.templates.node.NodeCatalog;
import dev.flowconnections.templates.node.TemplateInput;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;

/**
 * Where publication stands, without publishing: for administrators, each node template's newest
 * version and whether the current integrations and connections would change it; for any user, in
 * which node templates one of their connections can be picked and whether Modeler has it yet.
 */
public class TemplateStatus {

  private final NodeCatalog nodes;
  private final TemplatePublisher publisher;
  private final PublishedTemplateRepository repository;
  private final ConnectionService connections;
  private final boolean autoPublish;

  public TemplateStatus(
      NodeCatalog nodes,
      TemplatePublisher publisher,
      PublishedTemplateRepository repository,
      ConnectionService connections,
      boolean autoPublish) {
    this.nodes = nodes;
    this.publisher = publisher;
    this.repository = repository;
    this.connections = connections;
    this.autoPublish = autoPublish;
  }

  /** Every node template of the actor's organization; the hashes are compared, never stored. */
  public Overview overview(Actor actor) {
    actor.requireAdmin("see the publication status of element templates");
    Map<String, PublishedTemplate> latest = new TreeMap<>();
    repository.latest(actor.organizationId()).forEach(t -> latest.put(t.templateId(), t));
    List<Overview.Entry> entries = new ArrayList<>();
    Set<String> current = new HashSet<>();
    for (TemplatePublisher.Current template : publisher.current(actor.organizationId())) {
      current.add(template.templateId());
      PublishedTemplate published = latest.get(template.templateId());
      entries.add(
          new Overview.Entry(
              template.templateId(),
              template.label(),
              published == null ? null : published.version(),
              published == null ? null : published.publishedAt(),
              published == null ? null : published.publishedBy(),
              published == null || !published.contentHash().equals(template.hash())));
    }
    // a template split per integration that is no longer generated: publishing deprecates it
    latest.values().stream()
        .filter(t -> !current.contains(t.templateId()) && publisher.isSplit(t.templateId()))
        .filter(t -> !deprecated(t))
        .forEach(
            t ->
                entries.add(
                    new Overview.Entry(
                        t.templateId(),
                        t.content().path("name").asText(t.templateId()),
                        t.version(),
                        t.publishedAt(),
                        t.publishedBy(),
                        true)));
    return new Overview(autoPublish, entries);
  }

  /**
   * The dropdowns of the node templates that offer a connection the actor can see (404 otherwise).
   * An organization connection is in Modeler once the newest published version of the template
   * lists it; a personal one as soon as the template is published at all, since each user's
   * download adds their own personal connections.
   */
  public Availability availability(Actor actor, UUID connectionId) {
    ConnectionView view = connections.get(actor, connectionId);
    IntegrationType type = view.integration().type();
    String key = view.connection().key();
    boolean personal = view.connection().visibility() == Visibility.PERSONAL;
    List<Availability.Place> places = new ArrayList<>();
    for (Node node : nodes.all()) {
      List<Dropdown> dropdowns = new ArrayList<>();
      if (node.integrationType() == type) {
        dropdowns.add(
            new Dropdown(
                ElementTemplateGenerator.CONNECTION_INPUT,
                ElementTemplateGenerator.CONNECTION_LABEL));
      }
      for (TemplateInput input : node.inputs()) {
        if (input.connectionsOf() == type) {
          dropdowns.add(new Dropdown(input.name(), input.label()));
        }
      }
      if (dropdowns.isEmpty()) {
        continue;
      }
      Optional<PublishedTemplate> published =
          repository.latest(actor.organizationId(), node.templateId());
      for (Dropdown dropdown : dropdowns) {
        places.add(
            new Availability.Place(
                node.templateId(),
                node.label(),
                dropdown.label(),
                published.isPresent()
                    && (personal || offers(published.get(), dropdown.input(), key))));
      }
      if (node.integrationType() == type) {
        // above the dropdown threshold: the node's template for the connection's integration
        repository
            .latest(
                actor.organizationId(),
                TemplateTarget.splitId(node, view.connection().integrationId()))
            .filter(split -> !deprecated(split))
            .ifPresent(
                split ->
                    places.add(
                        new Availability.Place(
                            split.templateId(),
                            node.label() + " · " + view.integration().name(),
                            ElementTemplateGenerator.CONNECTION_LABEL,
                            personal
                                || offers(split, ElementTemplateGenerator.CONNECTION_INPUT, key))));
      }
    }
    return new Availability(key, autoPublish, places);
  }

  private static boolean deprecated(PublishedTemplate template) {
    return template.content().has("deprecated");
  }

  /** A dropdown of connections: the zeebe:input it binds and its label in the properties panel. */
  private record Dropdown(String input, String label) {}

  /**
   * Whether the template's property lists the key; a key input (above the dropdown threshold) takes
   * any key, so it offers every connection of its type.
   */
  private static boolean offers(PublishedTemplate template, String input, String key) {
    for (JsonNode property : template.content().withArray("properties")) {
      if (input.equals(property.path("binding").path("name").asText())) {
        if (!property.has("choices")) {
          return true;
        }
        for (JsonNode choice : property.path("choices")) {
          if (key.equals(choice.path("value").asText())) {
            return true;
          }
        }
      }
    }
    return false;
  }

  /** The publication status of every node template. */
  public record Overview(boolean autoPublish, List<Entry> templates) {

    /**
     * @param version null while the template was never published
     * @param changed whether publishing now would store a new version
     */
    public record Entry(
        String templateId,
        String name,
        Integer version,
        Instant publishedAt,
        String publishedBy,
        boolean changed) {}
  }

  /** Where one connection can be picked in Modeler. */
  public record Availability(String connectionKey, boolean autoPublish, List<Place> places) {

    /**
     * @param published whether the newest published template already offers the connection
     */
    public record Place(
        String templateId, String templateName, String property, boolean published) {}
  }
}
