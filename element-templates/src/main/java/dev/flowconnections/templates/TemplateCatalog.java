package dev.flowconnections.templates;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.flowconnections.access.Actor;
import dev.flowconnections.errors.NotFoundException;
import dev.flowconnections.integration.IntegrationType;
import dev.flowconnections.templates.node.Node;
import dev.flowconnections.templates.node.NodeCatalog;
import dev.flowconnections.templates.node.TemplateInput;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Published templates as one user downloads them: the stored version, with the user's own personal
 * connections added to the dropdown. Personal connections never enter the shared, stored version.
 */
public class TemplateCatalog {

  private final NodeCatalog nodes;
  private final PublishedTemplateRepository repository;
  private final TemplateChoices choices;

  public TemplateCatalog(
      NodeCatalog nodes, PublishedTemplateRepository repository, TemplateChoices choices) {
    this.nodes = nodes;
    this.repository = repository;
    this.choices = choices;
  }

  /** The newest version of every template, ready to load into Camunda Modeler as one file. */
  public List<ObjectNode> latest(Actor actor) {
    Map<IntegrationType, List<ConnectionChoice>> personal =
        choices.personal(actor.organizationId(), actor.username());
    return repository.latest(actor.organizationId()).stream()
        .sorted(Comparator.comparing(PublishedTemplate::templateId))
        .map(t -> withPersonal(t, personal))
        .toList();
  }

  /** One template: the newest version, or the given one from the history. */
  public ObjectNode get(Actor actor, String templateId, Integer version) {
    PublishedTemplate template =
        (version == null
                ? repository.latest(actor.organizationId(), templateId)
                : repository.find(actor.organizationId(), templateId, version))
            .orElseThrow(
                () ->
                    new NotFoundException(
                        "template '"
                            + templateId
                            + "'"
                            + (version == null ? "" : " version " + version)
                            + " is not published"));
    return withPersonal(template, choices.personal(actor.organizationId(), actor.username()));
  }

  public List<PublishedTemplate> history(Actor actor, String templateId) {
    List<PublishedTemplate> history = repository.history(actor.organizationId(), templateId);
    if (history.isEmpty()) {
      throw new NotFoundException("template '" + templateId + "' is not published");
    }
    return history;
  }

  private ObjectNode withPersonal(
      PublishedTemplate template, Map<IntegrationType, List<ConnectionChoice>> personal) {
    ObjectNode content = template.content().deepCopy();
    if (personal.isEmpty()) {
      return content;
    }
    Node node = nodes.byTemplateId(template.templateId()).orElse(null);
    UUID integrationId = null;
    if (node == null) {
      // a node's template for one integration offers only that integration's connections
      for (Node candidate : nodes.all()) {
        Optional<UUID> split = TemplateTarget.integrationOf(candidate, template.templateId());
        if (split.isPresent()) {
          node = candidate;
          integrationId = split.get();
        }
      }
    }
    if (node == null) {
      return content;
    }
    for (JsonNode property : content.withArray("properties")) {
      if (!property.path("choices").isArray()) {
        continue; // a connection key input above the dropdown threshold takes any key
      }
      String input = property.path("binding").path("name").asText();
      IntegrationType type =
          "connection".equals(input)
              ? node.integrationType()
              : node.inputs().stream()
                  .filter(i -> i.name().equals(input) && i.connectionsOf() != null)
                  .map(TemplateInput::connectionsOf)
                  .findFirst()
                  .orElse(null);
      UUID onlyOf = "connection".equals(input) ? integrationId : null;
      List<ConnectionChoice> mine =
          type == null
              ? List.of()
              : personal.getOrDefault(type, List.of()).stream()
                  .filter(c -> onlyOf == null || onlyOf.equals(c.integrationId()))
                  .toList();
      if (mine.isEmpty()) {
        continue;
      }
      ArrayNode dropdown = (ArrayNode) property.get("choices");
      if ("connection".equals(input)
          && dropdown.size() == 1
          && dropdown.get(0).path("value").asText().isEmpty()) {
        dropdown.removeAll(); // the "no connection yet" placeholder
        ((ObjectNode) property).put("value", mine.get(0).key());
      }
      mine.stream()
          .sorted(Comparator.comparing(ConnectionChoice::key))
          .forEach(c -> dropdown.addObject().put("name", c.label()).put("value", c.key()));
    }
    return content;
  }
}
