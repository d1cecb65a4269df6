package dev.flowconnections.templates;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.flowconnections.connection.ConnectionKeys;
import dev.flowconnections.integration.IntegrationType;
import dev.flowconnections.templates.node.Node;
import dev.flowconnections.templates.node.NodeTemplate;
import dev.flowconnections.templates.node.TemplateInput;
import dev.flowconnections.templates.node.WorkerDescriptors;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

/**
 * Renders the element template of a node: a service task bound to the node's worker, a Connection
 * dropdown of the given choices, the node's own inputs, and the output, error and retry settings
 * every Camunda connector template has. The output is deterministic for the same input, so a
 * publisher can tell a changed template from an unchanged one by content.
 */
public class ElementTemplateGenerator {

  public static final String SCHEMA_URL =
      "https://unpkg.com/@camunda/zeebe-element-templates-json-schema/resources/schema.json";

  /** The task header that marks a tool node's job: its failures go back to the model. */
  public static final String AGENT_TOOL_HEADER = "agentTool";

  /** The extension property a tool node describes itself with. */
  public static final String TOOL_DESCRIPTION = "toolDescription";

  /** Where a tool's result goes, and where the agent's sub-process collects it from. */
  public static final String TOOL_CALL_RESULT = "toolCallResult";

  public static final String TOOL_CALL_RESULTS = "toolCallResults";

  /** The agent's memory between the jobs of its sub-process. */
  public static final String AGENT_CONTEXT = "agentContext";

  /** The variable the agent's worker completes its last job with. */
  public static final String AGENT_RESULT = "agent";

  /**
   * One entry of {@value #TOOL_CALL_RESULTS} per completed tool: the call's id and name (set by the
   * agent when it activated the tool) and the tool's result, as Camunda's AI Agent expects.
   */
  static final String TOOL_CALL_RESULT_ELEMENT =
      "={id: toolCall._meta.id, name: toolCall._meta.name, content: toolCallResult}";

  /** Shown while no compatible connection exists, so the dropdown is never empty. */
  static final String NO_CONNECTION = "";

  /** The zeebe:input of a node's own Connection dropdown, and the dropdown's label. */
  static final String CONNECTION_INPUT = "connection";

  static final String CONNECTION_LABEL = "Connection";

  /** {@code flow-connections.templates.max-dropdown-choices} unless configured otherwise. */
  public static final int DEFAULT_MAX_DROPDOWN_CHOICES = 200;

  /**
   * What a connection key typed into a template must look like: a key ({@code ConnectionKeys}), or
   * a personal key ({@code <key>@<owner tag>}, the tag a key or {@code _} and 16 hex digits).
   */
  static final String KEY_PATTERN =
      "(?:"
          + ConnectionKeys.VALID.pattern()
          + ")(?:@(?:"
          + ConnectionKeys.VALID.pattern()
          + "|_[0-9a-f]{16}))?";

  private final ObjectMapper json;
  private final int maxDropdownChoices;

  public ElementTemplateGenerator(ObjectMapper json) {
    this(json, DEFAULT_MAX_DROPDOWN_CHOICES);
  }

  /**
   * @param maxDropdownChoices the most connections a dropdown lists; above it a node's template is
   *     split per integration and a list that is still longer becomes a validated key input
   */
  public ElementTemplateGenerator(ObjectMapper json, int maxDropdownChoices) {
    if (maxDropdownChoices < 1) {
      throw new IllegalArgumentException("max-dropdown-choices must be at least 1");
    }
    this.json = json;
    this.maxDropdownChoices = maxDropdownChoices;
  }

  public int maxDropdownChoices() {
    return maxDropdownChoices;
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
    return generate(TemplateTarget.of(node, connections), version);
  }

  /**
   * The templates a node gets: its own template, and, when its type has more connections than
   * {@link #maxDropdownChoices()}, one template per integration of those connections (its own
   * template then takes a connection key instead of listing them all). Ordered by template id.
   */
  public List<TemplateTarget> targets(
      Node node, Map<IntegrationType, List<ConnectionChoice>> connections) {
    TemplateTarget own = TemplateTarget.of(node, connections);
    if (own.own().size() <= maxDropdownChoices) {
      return List.of(own);
    }
    Map<UUID, List<ConnectionChoice>> byIntegration = new TreeMap<>();
    for (ConnectionChoice choice : own.own()) {
      if (choice.integrationId() != null) {
        byIntegration.computeIfAbsent(choice.integrationId(), id -> new ArrayList<>()).add(choice);
      }
    }
    List<TemplateTarget> targets = new ArrayList<>();
    targets.add(own);
    byIntegration.forEach(
        (integrationId, choices) -> {
          Map<IntegrationType, List<ConnectionChoice>> offered = new HashMap<>(connections);
          offered.put(node.integrationType(), choices);
          targets.add(
              new TemplateTarget(node, integrationId, choices.get(0).integrationName(), offered));
        });
    return targets;
  }

  /** The template of one target; deterministic for the same target and version. */
  public ObjectNode generate(TemplateTarget target, int version) {
    Node node = target.node();
    Map<IntegrationType, List<ConnectionChoice>> connections = target.connections();
    ObjectNode template = json.createObjectNode();
    template.put("$schema", SCHEMA_URL);
    if (target.split()) {
      template.put("name", "Flow Connections: " + node.label() + " · " + target.integrationName());
      template.put("id", target.templateId());
      template.put(
          "description",
          node.description() + " Connections of the integration " + target.integrationName());
      template.put("version", version);
      template
          .putObject("category")
          .put("id", "flow-connections-" + node.id())
          .put("name", "Flow Connections: " + node.label());
      template.putArray("keywords").add(target.integrationName()).add(node.label());
    } else {
      template.put("name", "Flow Connections: " + node.label());
      template.put("id", node.templateId());
      template.put("description", node.description());
      template.put("version", version);
      template.putObject("category").put("id", "flow-connections").put("name", "Flow Connections");
    }
    boolean agent = node.element() == NodeTemplate.Element.AD_HOC_SUB_PROCESS;
    template.putArray("appliesTo").add(agent ? "bpmn:SubProcess" : "bpmn:Task");
    template
        .putObject("elementType")
        .put("value", agent ? "bpmn:AdHocSubProcess" : "bpmn:ServiceTask");
    template.putObject("engines").put("camunda", "^8.8");
    groups(template.putArray("groups"), node);
    ArrayNode properties = template.putArray("properties");
    properties.add(hidden("zeebe:taskDefinition", "property", "type", node.jobType()));
    if (agent) {
      properties.add(hidden("zeebe:adHoc", "property", "outputCollection", TOOL_CALL_RESULTS));
      properties.add(hidden("zeebe:adHoc", "property", "outputElement", TOOL_CALL_RESULT_ELEMENT));
      // a fresh memory for each run of the sub-process, local to it
      properties.add(hidden("zeebe:input", "name", AGENT_CONTEXT, "={}"));
    }
    List<ConnectionChoice> own = target.own();
    boolean keyInput = own.size() > maxDropdownChoices;
    properties.add(
        keyInput
            ? connectionKeyInput(
                CONNECTION_INPUT,
                "Connection key",
                "connection",
                node.integrationType(),
                target.integrationName(),
                true)
            : connectionDropdown(node, own));
    // a split template's connections share their integration's document; a node template that
    // takes any key cannot know which document applies
    OperationProperties operations =
        target.split()
            ? OperationProperties.ofIntegration(json, node, own)
            : OperationProperties.of(json, node, keyInput ? List.of() : own);
    if (operations.offered()) {
      properties.add(operations.dropdown());
    }
    if (node.isTool()) {
      properties.add(toolDescription(node));
    }
    for (TemplateInput input : node.inputs()) {
      if (input.connectionsOf() != null) {
        List<ConnectionChoice> others = connections.getOrDefault(input.connectionsOf(), List.of());
        properties.add(
            others.size() > maxDropdownChoices
                ? connectionKeyInput(
                    input.name(), input.label(), input.group(), input.connectionsOf(), null, false)
                : otherConnectionDropdown(input, others));
        continue;
      }
      ObjectNode property = input(node, input);
      operations.hideWhileChosen(property, input);
      properties.add(property);
      operations.variantWhileChosen(property, input).ifPresent(properties::add);
      if (operations.offered() && input.name().equals(WorkerDescriptors.PATH)) {
        properties.addAll(operations.pathParameters(input.group()));
      }
    }
    properties.add(hiddenHeader("elementTemplateVersion", String.valueOf(version)));
    properties.add(hiddenHeader("elementTemplateId", target.templateId()));
    if (node.isTool()) {
      properties.add(hiddenHeader(AGENT_TOOL_HEADER, "true"));
    }
    if (agent) {
      properties.add(agentResult());
    } else {
      connectorOutputAndErrors(node, properties);
    }
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

  /** The connector runtime's output and error headers (it applies them to the worker's result). */
  private void connectorOutputAndErrors(Node node, ArrayNode properties) {
    ObjectNode resultVariable =
        header(
            "resultVariable",
            "Result variable",
            "output",
            "String",
            null,
            node.isTool()
                ? "The agent reads the tool's result from " + TOOL_CALL_RESULT + "; keep this name"
                : "Name of the variable to store the whole response in");
    if (node.isTool()) {
      resultVariable.put("value", TOOL_CALL_RESULT);
    }
    properties.add(resultVariable);
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
  }

  /**
   * The agent's final answer, which its worker completes the last job with as {@value
   * #AGENT_RESULT}: mapped out of the sub-process to the variable the modeller names.
   */
  private ObjectNode agentResult() {
    ObjectNode property = json.createObjectNode();
    property
        .put("id", "resultVariable")
        .put("label", "Result variable")
        .put("group", "output")
        .put("type", "String")
        .put("value", AGENT_RESULT)
        .put("description", "Variable for the agent's answer (text, structured, usage, toolCalls)");
    property.putObject("binding").put("type", "zeebe:output").put("source", "=" + AGENT_RESULT);
    return property;
  }

  /**
   * What the agent tells the model the tool does when the element has no documentation: an element
   * template cannot write an element's documentation, so it writes this extension property, which
   * the engine hands to the agent with the element.
   */
  private ObjectNode toolDescription(Node node) {
    ObjectNode property = json.createObjectNode();
    property
        .put("id", TOOL_DESCRIPTION)
        .put("label", "Tool description")
        .put("group", "tool")
        .put("type", "Text")
        .put("value", node.toolDescription())
        .put(
            "description",
            "What the model is told this tool does; the element's documentation, if any, wins");
    property.putObject("binding").put("type", "zeebe:property").put("name", TOOL_DESCRIPTION);
    return property;
  }

  private void groups(ArrayNode groups, Node node) {
    groups.addObject().put("id", "connection").put("label", "Connection");
    if (node.isTool()) {
      groups.addObject().put("id", "tool").put("label", "Agent tool");
    }
    node.groups()
        .forEach(group -> groups.addObject().put("id", group.id()).put("label", group.label()));
    groups.addObject().put("id", "output").put("label", "Output mapping");
    if (node.element() == NodeTemplate.Element.SERVICE_TASK) {
      groups.addObject().put("id", "error").put("label", "Error handling");
    }
    groups.addObject().put("id", "retries").put("label", "Retries");
  }

  private ObjectNode connectionDropdown(Node node, List<ConnectionChoice> connections) {
    ObjectNode property = json.createObjectNode();
    property
        .put("id", CONNECTION_INPUT)
        .put("label", CONNECTION_LABEL)
        .put("group", "connection")
        .put("type", "Dropdown");
    property.put(
        "description",
        "A "
            + node.integrationType().label()
            + " connection; its credentials for the runtime's environment are injected at execution time");
    property.putObject("binding").put("type", "zeebe:input").put("name", CONNECTION_INPUT);
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

  /**
   * Instead of a dropdown too long to use: the connection's key, checked against the form of keys.
   * The Connections page searches all connections on the server; the worker fails the job with an
   * incident naming an unknown key.
   */
  private ObjectNode connectionKeyInput(
      String name,
      String label,
      String group,
      IntegrationType type,
      String integrationName,
      boolean required) {
    ObjectNode property = json.createObjectNode();
    property.put("id", name).put("label", label).put("group", group).put("type", "String");
    property.put("optional", !required);
    property.put(
        "description",
        "The key of a "
            + type.label()
            + " connection"
            + (integrationName == null ? "" : " of " + integrationName)
            + (required ? "" : ", or empty for none")
            + ": too many to list here. Search the Connections page of Flow Connections for it;"
            + " an unknown key fails the task with an incident");
    ObjectNode constraints = property.putObject("constraints").put("notEmpty", required);
    constraints
        .putObject("pattern")
        .put("value", required ? "^" + KEY_PATTERN + "$" : "^(?:" + KEY_PATTERN + ")?$")
        .put(
            "message",
            "A connection key: lowercase letters, digits and dashes, e.g. billing-api (personal"
                + " keys end in @owner)");
    property.putObject("binding").put("type", "zeebe:input").put("name", name);
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

  private ObjectNode input(Node node, TemplateInput input) {
    String fromModel = node.toolInputs().get(input.name());
    if (fromModel != null) {
      return toolInput(node, input, fromModel);
    }
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
    if (input.showWhen() != null && !node.toolInputs().containsKey(input.showWhen().input())) {
      // a condition on an input the model supplies cannot be known while modelling
      ObjectNode condition =
          property.putObject("condition").put("property", input.showWhen().input());
      input.showWhen().oneOf().forEach(condition.putArray("oneOf")::add);
    }
    property.putObject("binding").put("type", "zeebe:input").put("name", input.name());
    return property;
  }

  /**
   * An input the model supplies: FEEL text holding {@code fromAi(...)}, whatever its kind on the
   * plain task (a dropdown cannot hold FEEL).
   */
  private ObjectNode toolInput(Node node, TemplateInput input, String fromModel) {
    ObjectNode property = json.createObjectNode();
    property.put("id", input.name()).put("label", input.label()).put("group", input.group());
    property.put("type", input.kind() == TemplateInput.Kind.TEXT ? "Text" : "String");
    property.put("optional", input.optional());
    property.put("feel", "optional");
    String origin =
        fromModel.contains("fromAi(")
            ? "The model supplies it: fromAi(...) tells the agent what to pass"
            : "Fixed for the tool";
    property.put(
        "description", origin + (input.description() != null ? ". " + input.description() : ""));
    property.put("value", fromModel);
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
