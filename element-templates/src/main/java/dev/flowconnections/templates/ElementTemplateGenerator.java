package dev.flowconnections.templates;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.flowconnections.integration.IntegrationType;
import dev.flowconnections.templates.node.Node;
import dev.flowconnections.templates.node.TemplateInput;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * Renders the element template of a node: a service task bound to the node's worker, a Connection
 * dropdown of the given choices, the node's own inputs, and the output, error and retry settings
 * every Camunda connector template has. The output is deterministic for the same input, so a
 * publisher can tell a changed template from an unchanged one by content.
 */
public class ElementTemplateGenerator {

  public static final String SCHEMA_URL =
      "https://unpkg.com/@camunda/zeebe-element-templates-json-schema/resources/schema.json";

  /** Shown while no compatible connection exists, so the dropdown is never empty. */
  static final String NO_CONNECTION = "";

  private final ObjectMapper json;

  public ElementTemplateGenerator(ObjectMapper json) {
    this.json = json;
  }

  public ObjectNode generate(Node node, List<ConnectionChoice> connections, int version) {
    return generate(node, Map.of(node.integrationType(), connections), version);
  }

  /**
   * @param connections the offered connections by integration type: the node's own type for its
   *     Connection dropdown, others for inputs that choose a connection of another type
   */
  public ObjectNode generate(
      Node node, Map<IntegrationType, List<ConnectionChoice>> connections, int version) {
    ObjectNode template = json.createObjectNode();
    template.put("$schema", SCHEMA_URL);
    template.put("name", "Flow Connections: " + node.label());
    template.put("id", node.templateId());
    template.put("description", node.description());
    template.put("version", version);
    template.putObject("category").put("id", "flow-connections").put("name", "Flow Connections");
    template.putArray("appliesTo").add("bpmn:Task");
    template.putObject("elementType").put("value", "bpmn:ServiceTask");
    template.putObject("engines").put("camunda", "^8.8");
    groups(template.putArray("groups"), node);
    ArrayNode properties = template.putArray("properties");
    properties.add(hidden("zeebe:taskDefinition", "property", "type", node.jobType()));
    properties.add(
        connectionDropdown(node, connections.getOrDefault(node.integrationType(), List.of())));
    node.inputs()
        .forEach(
            input ->
                properties.add(
                    input.connectionsOf() == null
                        ? input(input)
                        : otherConnectionDropdown(
                            input, connections.getOrDefault(input.connectionsOf(), List.of()))));
    properties.add(hiddenHeader("elementTemplateVersion", String.valueOf(version)));
    properties.add(hiddenHeader("elementTemplateId", node.templateId()));
    properties.add(
        header(
            "resultVariable",
            "Result variable",
            "output",
            "String",
            null,
            "Name of the variable to store the whole response in"));
    properties.add(
        header(
            "resultExpression",
            "Result expression",
            "output",
            "Text",
            "required",
            "FEEL expression mapping the response to process variables, e.g. ={status: status}"));
    properties.add(
        header(
            "errorExpression",
            "Error expression",
            "error",
            "Text",
            "required",
            "e.g. =if error.code = \"404\" then bpmnError(\"NOT_FOUND\", error.message) else null"));
    ObjectNode retries = hidden("zeebe:taskDefinition", "property", "retries", "3");
    retries
        .put("id", "retryCount")
        .put("label", "Retries")
        .put("group", "retries")
        .put("type", "String");
    properties.add(retries);
    properties.add(
        header(
                "retryBackoff",
                "Retry backoff",
                "retries",
                "String",
                null,
                "ISO-8601 duration, e.g. PT30S")
            .put("value", "PT0S"));
    return template;
  }

  private void groups(ArrayNode groups, Node node) {
    groups.addObject().put("id", "connection").put("label", "Connection");
    node.groups()
        .forEach(group -> groups.addObject().put("id", group.id()).put("label", group.label()));
    groups.addObject().put("id", "output").put("label", "Output mapping");
    groups.addObject().put("id", "error").put("label", "Error handling");
    groups.addObject().put("id", "retries").put("label", "Retries");
  }

  private ObjectNode connectionDropdown(Node node, List<ConnectionChoice> connections) {
    ObjectNode property = json.createObjectNode();
    property
        .put("id", "connection")
        .put("label", "Connection")
        .put("group", "connection")
        .put("type", "Dropdown");
    property.put(
        "description",
        "A "
            + node.integrationType().label()
            + " connection; its credentials for the runtime's environment are injected at execution time");
    property.putObject("binding").put("type", "zeebe:input").put("name", "connection");
    property.putObject("constraints").put("notEmpty", true);
    ArrayNode choices = property.putArray("choices");
    List<ConnectionChoice> sorted =
        connections.stream()
            .sorted(
                Comparator.comparing(ConnectionChoice::personal)
                    .thenComparing(ConnectionChoice::key))
            .toList();
    if (sorted.isEmpty()) {
      choices
          .addObject()
          .put(
              "name",
              "No "
                  + node.integrationType().label()
                  + " connection yet: create one under Connections")
          .put("value", NO_CONNECTION);
    }
    sorted.forEach(c -> choices.addObject().put("name", c.label()).put("value", c.key()));
    property.put("value", sorted.isEmpty() ? NO_CONNECTION : sorted.get(0).key());
    return property;
  }

  /** A dropdown of connections of another type, led by "none": choosing one is optional. */
  private ObjectNode otherConnectionDropdown(
      TemplateInput input, List<ConnectionChoice> connections) {
    ObjectNode property = json.createObjectNode();
    property
        .put("id", input.name())
        .put("label", input.label())
        .put("group", input.group())
        .put("type", "Dropdown");
    property.put(
        "description",
        input.description() != null
            ? input.description()
            : "A " + input.connectionsOf().label() + " connection, or none");
    ArrayNode choices = property.putArray("choices");
    choices.addObject().put("name", "None").put("value", NO_CONNECTION);
    connections.stream()
        .sorted(
            Comparator.comparing(ConnectionChoice::personal).thenComparing(ConnectionChoice::key))
        .forEach(c -> choices.addObject().put("name", c.label()).put("value", c.key()));
    property.put("value", NO_CONNECTION);
    property.putObject("binding").put("type", "zeebe:input").put("name", input.name());
    return property;
  }

  private ObjectNode input(TemplateInput input) {
    ObjectNode property = json.createObjectNode();
    property.put("id", input.name()).put("label", input.label()).put("group", input.group());
    property.put("type", input.kind().schemaName());
    property.put("optional", input.optional());
    if (input.feel() != null) {
      property.put("feel", input.feel());
    }
    if (input.description() != null) {
      property.put("description", input.description());
    }
    if (input.defaultValue() instanceof Boolean b) {
      property.put("value", b);
    } else if (input.defaultValue() instanceof Integer n) {
      property.put("value", n);
    } else if (input.defaultValue() != null) {
      property.put("value", String.valueOf(input.defaultValue()));
    }
    if (!input.optional()) {
      property.putObject("constraints").put("notEmpty", true);
    }
    if (input.kind() == TemplateInput.Kind.DROPDOWN) {
      ArrayNode choices = property.putArray("choices");
      input
          .choices()
          .forEach(choice -> choices.addObject().put("name", choice).put("value", choice));
    }
    if (input.showWhen() != null) {
      ObjectNode condition =
          property.putObject("condition").put("property", input.showWhen().input());
      input.showWhen().oneOf().forEach(condition.putArray("oneOf")::add);
    }
    property.putObject("binding").put("type", "zeebe:input").put("name", input.name());
    return property;
  }

  private ObjectNode hidden(
      String bindingType, String bindingKeyName, String bindingKey, String value) {
    ObjectNode property = json.createObjectNode();
    property.put("type", "Hidden").put("value", value);
    property.putObject("binding").put("type", bindingType).put(bindingKeyName, bindingKey);
    return property;
  }

  private ObjectNode hiddenHeader(String key, String value) {
    ObjectNode property = hidden("zeebe:taskHeader", "key", key, value);
    property.put("id", key);
    return property;
  }

  private ObjectNode header(
      String key, String label, String group, String type, String feel, String description) {
    ObjectNode property = json.createObjectNode();
    property.put("id", key).put("label", label).put("group", group).put("type", type);
    if (feel != null) {
      property.put("feel", feel);
    }
    property.put("description", description);
    property.putObject("binding").put("type", "zeebe:taskHeader").put("key", key);
    return property;
  }
}
