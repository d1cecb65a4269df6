package dev.flowconnections.runtime.ai;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.flowconnections.runtime.mcp.McpJsonSchemaValidator;
import io.camunda.connector.api.error.ConnectorInputException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The tools of an agent's ad-hoc sub-process: one per element the engine lists, described to the
 * model by the element's documentation (else its {@code toolDescription} property, else its name)
 * and taking as arguments the values its {@code fromAi(toolCall.<name>, ...)} calls read. The
 * model's arguments are checked against that schema before an element is activated, so a tool never
 * runs with arguments it did not declare.
 */
final class AdHocTools {

  /** The variable the agent hands a tool its arguments in; {@code fromAi} reads below it. */
  static final String TOOL_CALL = "toolCall";

  private static final String PREFIX = TOOL_CALL + ".";
  private static final String DESCRIPTION_PROPERTY = "toolDescription";

  private final Map<String, ToolSpec> byElement = new LinkedHashMap<>();
  private final ObjectMapper json;
  private final McpJsonSchemaValidator validator;

  private AdHocTools(ObjectMapper json) {
    this.json = json;
    this.validator = new McpJsonSchemaValidator(json);
  }

  /**
   * @throws ConnectorInputException when an element reads a model value outside {@code toolCall},
   *     which the agent could never supply: the model must be fixed
   */
  static AdHocTools of(List<AdHocToolElement> elements, ObjectMapper json) {
    AdHocTools tools = new AdHocTools(json);
    for (AdHocToolElement element : elements == null ? List.<AdHocToolElement>of() : elements) {
      tools.byElement.put(element.elementId(), tools.spec(element));
    }
    return tools;
  }

  List<ToolSpec> specs() {
    return List.copyOf(byElement.values());
  }

  boolean has(String elementId) {
    return byElement.containsKey(elementId);
  }

  /** Why the model's arguments do not fit the element's parameters, if they do not. */
  Optional<String> problemWith(String elementId, JsonNode arguments) {
    Map<String, Object> schema =
        json.convertValue(byElement.get(elementId).inputSchema(), new TypeReference<>() {});
    var result = validator.validate(schema, json.convertValue(arguments, Object.class));
    return result.valid() ? Optional.empty() : Optional.of(result.errorMessage());
  }

  private ToolSpec spec(AdHocToolElement element) {
    ObjectNode schema = json.createObjectNode().put("type", "object");
    ObjectNode properties = schema.putObject("properties");
    for (AdHocToolElement.Parameter parameter : element.parameters()) {
      if (parameter.name() == null || !parameter.name().startsWith(PREFIX)) {
        throw new ConnectorInputException(
            "tool '"
                + element.elementId()
                + "' of the agent's ad-hoc sub-process reads the model's value '"
                + parameter.name()
                + "', which the agent cannot supply: write fromAi("
                + PREFIX
                + "<name>, ...)");
      }
      ObjectNode property = properties.putObject(parameter.name().substring(PREFIX.length()));
      if (parameter.schema() != null) {
        property.setAll((ObjectNode) json.valueToTree(parameter.schema()));
      }
      property.put("type", parameter.type() == null ? "string" : parameter.type());
      if (parameter.description() != null) {
        property.put("description", parameter.description());
      }
    }
    schema.put("additionalProperties", false);
    return new ToolSpec(element.elementId(), description(element), schema);
  }

  private static String description(AdHocToolElement element) {
    for (String text :
        new String[] {
          element.documentation(),
          element.properties().get(DESCRIPTION_PROPERTY),
          element.elementName()
        }) {
      if (text != null && !text.isBlank()) {
        return text.strip();
      }
    }
    return element.elementId();
  }
}
