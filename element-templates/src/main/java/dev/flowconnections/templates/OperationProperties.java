package dev.flowconnections.templates;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.flowconnections.integration.openapi.ApiOperation;
import dev.flowconnections.integration.openapi.ApiParameter;
import dev.flowconnections.templates.node.Node;
import dev.flowconnections.templates.node.TemplateInput;
import dev.flowconnections.templates.node.WorkerDescriptors;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * The properties a node with {@link Node#operations()} gets for connections whose integration has
 * an imported OpenAPI document: an Operation dropdown shown only for those connections (each choice
 * only for its connection), one input per path parameter of the chosen operation, and the
 * conditions that hide Method and Path while an operation is chosen. A template dropdown cannot set
 * other properties, so the task passes the operation id and the worker looks up method and path in
 * the integration's document at run time.
 */
final class OperationProperties {

  static final String NONE = "";

  private final ObjectMapper json;
  private final Node node;
  private final List<ConnectionChoice> connections;

  /**
   * Whether every connection of the template shares one document (a template split per
   * integration): its operations are listed once, without a condition on the connection.
   */
  private final boolean oneDocument;

  private OperationProperties(
      ObjectMapper json, Node node, List<ConnectionChoice> connections, boolean oneDocument) {
    this.json = json;
    this.node = node;
    this.connections = connections;
    this.oneDocument = oneDocument;
  }

  /**
   * For the connections of one integration: the operations of its document once, whatever the
   * number of connections, so the template's size does not grow with them.
   */
  static OperationProperties ofIntegration(
      ObjectMapper json, Node node, List<ConnectionChoice> connections) {
    return new OperationProperties(
        json,
        node,
        node.operations()
            ? connections.stream().filter(c -> !c.operations().isEmpty()).limit(1).toList()
            : List.of(),
        true);
  }

  /** For the node's connections; offers nothing when none has operations. */
  static OperationProperties of(ObjectMapper json, Node node, List<ConnectionChoice> connections) {
    return new OperationProperties(
        json,
        node,
        node.operations()
            ? connections.stream()
                .filter(c -> !c.operations().isEmpty())
                .sorted(Comparator.comparing(ConnectionChoice::key))
                .toList()
            : List.of(),
        false);
  }

  boolean offered() {
    return !connections.isEmpty();
  }

  ObjectNode dropdown() {
    ObjectNode property = json.createObjectNode();
    property
        .put("id", WorkerDescriptors.OPERATION)
        .put("label", "Operation")
        .put("group", "connection")
        .put("type", "Dropdown")
        .put(
            "description",
            "An operation of the connection's OpenAPI document: it sets method and path");
    ArrayNode choices = property.putArray("choices");
    choices.addObject().put("name", "None: set method and path below").put("value", NONE);
    for (ConnectionChoice connection : connections) {
      for (ApiOperation operation : connection.operations()) {
        ObjectNode choice =
            choices
                .addObject()
                .put("name", operation.label())
                .put("value", operation.operationId());
        if (!oneDocument) {
          choice
              .putObject("condition")
              .put("property", WorkerDescriptors.CONNECTION)
              .put("equals", connection.key());
        }
      }
    }
    property.put("value", NONE);
    property
        .putObject("binding")
        .put("type", "zeebe:input")
        .put("name", WorkerDescriptors.OPERATION);
    if (!oneDocument) {
      ObjectNode condition =
          property.putObject("condition").put("property", WorkerDescriptors.CONNECTION);
      connections.forEach(c -> condition.withArray("oneOf").add(c.key()));
    }
    return property;
  }

  /**
   * One input per path parameter of each operation, shown while its connection and operation are
   * chosen; a tool node's take the value from the model, described as the document describes it.
   */
  List<ObjectNode> pathParameters(String group) {
    List<ObjectNode> properties = new ArrayList<>();
    for (ConnectionChoice connection : connections) {
      for (ApiOperation operation : connection.operations()) {
        for (ApiParameter parameter : operation.pathParameters()) {
          properties.add(pathParameter(group, connection, operation, parameter));
        }
      }
    }
    return properties;
  }

  private ObjectNode pathParameter(
      String group, ConnectionChoice connection, ApiOperation operation, ApiParameter parameter) {
    String name = parameter.inputName();
    ObjectNode property = json.createObjectNode();
    property
        .put(
            "id",
            WorkerDescriptors.PATH_PARAMETERS
                + "."
                + (oneDocument ? "" : connection.key() + ".")
                + operation.operationId()
                + "."
                + name)
        .put("label", parameter.name())
        .put("group", group)
        .put("type", "String")
        .put("feel", "optional");
    String description =
        parameter.description() == null || parameter.description().isBlank()
            ? "Path parameter " + parameter.name() + " (" + parameter.type() + ")"
            : parameter.description();
    if (node.isTool()) {
      property.put("description", "The model supplies it. " + description);
      property.put(
          "value",
          "=fromAi(toolCall."
              + name
              + ", \""
              + description.replace("\"", "'").replace("\\", "/")
              + "\", \""
              + parameter.type()
              + "\")");
    } else {
      property.put("description", description);
      property.putObject("constraints").put("notEmpty", true);
    }
    property
        .putObject("binding")
        .put("type", "zeebe:input")
        .put("name", WorkerDescriptors.PATH_PARAMETERS + "." + name);
    if (oneDocument) {
      property
          .putObject("condition")
          .put("property", WorkerDescriptors.OPERATION)
          .put("equals", operation.operationId());
      return property;
    }
    ArrayNode all = property.putObject("condition").putArray("allMatch");
    all.addObject().put("property", WorkerDescriptors.CONNECTION).put("equals", connection.key());
    all.addObject()
        .put("property", WorkerDescriptors.OPERATION)
        .put("equals", operation.operationId());
    return property;
  }

  /** Hides an input the operation supplies (method, path) while an operation is chosen. */
  void hideWhileChosen(ObjectNode property, TemplateInput input) {
    if (!offered() || !WorkerDescriptors.SUPPLIED_BY_OPERATION.contains(input.name())) {
      return;
    }
    ObjectNode none = json.createObjectNode();
    none.put("property", WorkerDescriptors.OPERATION).put("isEmpty", true);
    JsonNode existing = property.remove("condition");
    if (existing == null) {
      property.set("condition", none);
    } else {
      ArrayNode all = property.putObject("condition").putArray("allMatch");
      all.add(existing);
      all.add(none);
    }
  }

  /**
   * An input shown only for some methods (the request body) is hidden with the method while an
   * operation is chosen: this second property with the same binding shows it for the operations
   * that take a request body.
   */
  Optional<ObjectNode> variantWhileChosen(ObjectNode property, TemplateInput input) {
    if (!offered()
        || input.showWhen() == null
        || !WorkerDescriptors.SUPPLIED_BY_OPERATION.contains(input.showWhen().input())) {
      return Optional.empty();
    }
    List<String> withBody =
        connections.stream()
            .flatMap(c -> c.operations().stream())
            .filter(ApiOperation::requestBody)
            .map(ApiOperation::operationId)
            .distinct()
            .sorted()
            .toList();
    if (withBody.isEmpty()) {
      return Optional.empty();
    }
    ObjectNode variant = property.deepCopy();
    variant.put("id", input.name() + "." + WorkerDescriptors.OPERATION);
    ObjectNode condition =
        variant.putObject("condition").put("property", WorkerDescriptors.OPERATION);
    withBody.forEach(condition.withArray("oneOf")::add);
    return Optional.of(variant);
  }
}
