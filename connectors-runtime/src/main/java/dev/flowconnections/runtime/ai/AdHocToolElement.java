package dev.flowconnections.runtime.ai;

import java.util.List;
import java.util.Map;

/**
 * One element of the agent's ad-hoc sub-process as the engine describes it in the job variable
 * {@code adHocSubProcessElements}: a tool the model may call.
 *
 * @param properties the element's {@code zeebe:properties}, e.g. {@code toolDescription}
 * @param parameters what the element's {@code fromAi(...)} calls read, e.g. {@code toolCall.path}
 */
public record AdHocToolElement(
    String elementId,
    String elementName,
    String documentation,
    Map<String, String> properties,
    List<Parameter> parameters) {

  public AdHocToolElement {
    properties = properties == null ? Map.of() : properties;
    parameters = parameters == null ? List.of() : parameters;
  }

  /**
   * One {@code fromAi(value, description, type, schema)} call of the element.
   *
   * @param name the value's path, e.g. {@code toolCall.orderId}
   * @param schema further JSON schema of the value, e.g. {@code {enum: [...]}}
   */
  public record Parameter(
      String name, String description, String type, Map<String, Object> schema) {}
}
