package dev.flowconnections.templates.node;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Every node this runtime has a worker for, in the order of the guide's type table (by integration
 * type; a worker's nodes in the order it declares them).
 */
public final class NodeCatalog {

  private final List<Node> nodes;

  public NodeCatalog(List<Node> nodes) {
    this.nodes = nodes.stream().sorted(Comparator.comparing(Node::integrationType)).toList();
    List<String> ids = this.nodes.stream().map(Node::templateId).toList();
    if (ids.stream().distinct().count() != ids.size()) {
      throw new IllegalStateException("two workers declare the same node template id: " + ids);
    }
  }

  /** The nodes of the workers (classes carrying a {@link WorkerDescriptor}) given. */
  public static NodeCatalog of(List<Class<?>> workers) {
    return new NodeCatalog(
        workers.stream()
            .sorted(Comparator.comparing(Class::getName))
            .flatMap(worker -> WorkerDescriptors.nodesOf(worker).stream())
            .toList());
  }

  public List<Node> all() {
    return nodes;
  }

  public Optional<Node> byTemplateId(String templateId) {
    return nodes.stream().filter(node -> node.templateId().equals(templateId)).findFirst();
  }
}
