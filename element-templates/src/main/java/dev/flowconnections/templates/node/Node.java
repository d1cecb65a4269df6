package dev.flowconnections.templates.node;

import dev.flowconnections.integration.IntegrationType;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A node of the guide's type table as its element template shows it: served by the worker of {@code
 * jobType}, offering the connections of {@code integrationType}. Derived from the worker's {@link
 * WorkerDescriptor} by {@link WorkerDescriptors}, never written by hand.
 *
 * @param toolDescription for a tool node, what the agent tells the model it does; null otherwise
 * @param toolInputs for a tool node, the FEEL value ({@code fromAi}) of each input the model
 *     supplies, by input name
 * @param operations whether the node offers an Operation dropdown of the connection's OpenAPI
 *     document ({@link OperationInput})
 */
public record Node(
    String id,
    String label,
    String description,
    String jobType,
    IntegrationType integrationType,
    List<Group> groups,
    List<TemplateInput> inputs,
    NodeTemplate.Element element,
    String toolDescription,
    Map<String, String> toolInputs,
    boolean operations) {

  /** Template ids share this prefix; the id never changes, versions do. */
  public static final String ID_PREFIX = "io.flowconnections.";

  public Node {
    groups = List.copyOf(groups);
    inputs = List.copyOf(inputs);
    toolInputs = Collections.unmodifiableMap(new LinkedHashMap<>(toolInputs));
  }

  /** A tool of an AI agent: placed inside the agent's ad-hoc sub-process. */
  public boolean isTool() {
    return toolDescription != null;
  }

  public String templateId() {
    return ID_PREFIX + id;
  }

  /** A group of the properties panel. */
  public record Group(String id, String label) {}
}
