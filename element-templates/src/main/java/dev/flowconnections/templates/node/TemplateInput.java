package dev.flowconnections.templates.node;

import dev.flowconnections.integration.IntegrationType;
import java.util.List;

/**
 * One non-secret input of a node, rendered as a property of the element template and bound to a
 * {@code zeebe:input} of the same name, which the worker binds to its request record. Derived from
 * the record's component by {@link WorkerDescriptors}.
 *
 * @param feel "optional", "required" or null (static value)
 * @param showWhen for conditional inputs: the input name and the values of it that show this one
 * @param connectionsOf for a dropdown of connections (besides the node's own): their integration
 *     type
 */
public record TemplateInput(
    String name,
    String label,
    String group,
    Kind kind,
    boolean optional,
    Object defaultValue,
    List<String> choices,
    String feel,
    String description,
    Condition showWhen,
    IntegrationType connectionsOf) {

  public TemplateInput {
    choices = choices == null ? List.of() : List.copyOf(choices);
  }

  /** The property types of the element template schema that node inputs use. */
  public enum Kind {
    STRING("String"),
    TEXT("Text"),
    DROPDOWN("Dropdown"),
    BOOLEAN("Boolean"),
    NUMBER("Number");

    private final String schemaName;

    Kind(String schemaName) {
      this.schemaName = schemaName;
    }

    public String schemaName() {
      return schemaName;
    }
  }

  /** Show the input only while {@code input} has one of {@code oneOf}. */
  public record Condition(String input, List<String> oneOf) {}

  /**
   * An optional dropdown of the organization's connections of {@code type}, led by a "none" choice
   * (empty value), e.g. the MCP connection whose tools an AI Agent may use.
   */
  public static TemplateInput connectionDropdown(
      String name, String label, String group, IntegrationType type) {
    return new TemplateInput(
        name, label, group, Kind.DROPDOWN, false, "", null, null, null, null, type);
  }

  public TemplateInput describedAs(String text) {
    return new TemplateInput(
        name,
        label,
        group,
        kind,
        optional,
        defaultValue,
        choices,
        feel,
        text,
        showWhen,
        connectionsOf);
  }
}
