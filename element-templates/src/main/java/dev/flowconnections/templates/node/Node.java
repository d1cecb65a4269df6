package dev.flowconnections.templates.node;

import dev.flowconnections.integration.IntegrationType;
import java.util.List;

/**
 * A node of the guide's type table as its element template shows it: served by the worker of {@code
 * jobType}, offering the connections of {@code integrationType}. Derived from the worker's {@link
 * WorkerDescriptor} by {@link WorkerDescriptors}, never written by hand.
 */
public record Node(
    String id,
    String label,
    String description,
    String jobType,
    IntegrationType integrationType,
    List<Group> groups,
    List<TemplateInput> inputs) {

  /** Template ids share this prefix; the id never changes, versions do. */
  public static final String ID_PREFIX = "io.flowconnections.";

  public Node {
    groups = List.copyOf(groups);
    inputs = List.copyOf(inputs);
  }

  public String templateId() {
    return ID_PREFIX + id;
  }

  /** A group of the properties panel. */
  public record Group(String id, String label) {}
}
