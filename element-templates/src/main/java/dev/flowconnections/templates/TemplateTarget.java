package dev.flowconnections.templates;

import dev.flowconnections.integration.IntegrationType;
import dev.flowconnections.templates.node.Node;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * One element template to generate: a node's own template, or, once the node's connections exceed
 * the dropdown threshold, the node's template for one integration ({@code
 * io.flowconnections.rest.<integration id>}), whose Connection dropdown lists only that
 * integration's connections. The id comes from the integration's id, so renaming the integration
 * changes the template's name but never its id.
 *
 * @param integrationId null for the node's own template
 * @param integrationName the integration's current name; null for the node's own template
 * @param connections the offered connections by integration type; for a split template the node's
 *     own type holds only the integration's connections
 */
public record TemplateTarget(
    Node node,
    UUID integrationId,
    String integrationName,
    Map<IntegrationType, List<ConnectionChoice>> connections) {

  public TemplateTarget {
    connections = Map.copyOf(connections);
  }

  /** The node's own template. */
  public static TemplateTarget of(
      Node node, Map<IntegrationType, List<ConnectionChoice>> connections) {
    return new TemplateTarget(node, null, null, connections);
  }

  public boolean split() {
    return integrationId != null;
  }

  public String templateId() {
    return split() ? splitId(node, integrationId) : node.templateId();
  }

  /** The connections of the node's own Connection property. */
  public List<ConnectionChoice> own() {
    return connections.getOrDefault(node.integrationType(), List.of());
  }

  static String splitId(Node node, UUID integrationId) {
    return node.templateId() + "." + integrationId;
  }

  /** The integration of a split template id of this node; empty for any other id. */
  static Optional<UUID> integrationOf(Node node, String templateId) {
    String prefix = node.templateId() + ".";
    if (!templateId.startsWith(prefix)) {
      return Optional.empty();
    }
    try {
      UUID id = UUID.fromString(templateId.substring(prefix.length()));
      return id.toString().equals(templateId.substring(prefix.length()))
          ? Optional.of(id)
          : Optional.empty();
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
  }
}
