package dev.flowconnections.secretprovider;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.camunda.zeebe.model.bpmn.Bpmn;
import io.camunda.zeebe.model.bpmn.BpmnModelInstance;
import io.camunda.zeebe.model.bpmn.instance.BaseElement;
import io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebeInput;
import io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebeIoMapping;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Which placeholders a process model writes into the input mappings of its elements: for each input
 * whose source (a static value, or a FEEL expression, e.g. inside a string literal) contains a
 * placeholder literally, the target path and those names. Parsed once per process definition
 * (definitions are immutable); a model that could not be read is not remembered, the next job asks
 * again.
 */
public class WrittenPlaceholders {

  /**
   * Placeholders the model writes into the variable at {@code targetPath}.
   *
   * @param staticValue the source is a static value (no {@code =}), where the legacy bare {@code
   *     secrets.NAME} is the model's text; in a FEEL expression it is a path into a variable, i.e.
   *     data, so only {@code {{secrets.NAME}}} counts there
   */
  public record Input(List<String> targetPath, Set<String> names, boolean staticValue) {}

  /** The process model of a job could not be had. */
  public static class ModelUnavailableException extends RuntimeException {
    ModelUnavailableException(String message, Throwable cause) {
      super(message, cause);
    }
  }

  private final ProcessModels models;
  private final Cache<Long, Map<String, List<Input>>> byDefinition =
      Caffeine.newBuilder().maximumSize(1_000).build();

  public WrittenPlaceholders(ProcessModels models) {
    this.models = models;
  }

  /** The inputs of {@code elementId} that carry placeholders; empty if it has none. */
  public List<Input> of(long processDefinitionKey, String elementId) {
    return byDefinition.get(processDefinitionKey, this::read).getOrDefault(elementId, List.of());
  }

  private Map<String, List<Input>> read(long processDefinitionKey) {
    String xml;
    try {
      xml =
          models
              .bpmnXml(processDefinitionKey)
              .orElseThrow(() -> new IllegalStateException("not found"));
    } catch (RuntimeException e) {
      throw new ModelUnavailableException(
          "the process model (process definition "
              + processDefinitionKey
              + ") could not be read: "
              + e.getMessage(),
          e);
    }
    BpmnModelInstance model =
        Bpmn.readModelFromStream(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
    Map<String, List<Input>> inputs = new HashMap<>();
    for (ZeebeIoMapping mapping : model.getModelElementsByType(ZeebeIoMapping.class)) {
      if (!(mapping.getParentElement().getParentElement() instanceof BaseElement element)
          || element.getId() == null) {
        continue;
      }
      for (ZeebeInput input : mapping.getInputs()) {
        String source = input.getSource() == null ? "" : input.getSource();
        // leading blanks before '=' count as an expression: the stricter reading (bare names not
        // vouched)
        boolean staticValue = !source.strip().startsWith("=");
        Set<String> names = SecretPlaceholders.names(source, staticValue);
        if (!names.isEmpty() && input.getTarget() != null) {
          inputs
              .computeIfAbsent(element.getId(), id -> new ArrayList<>())
              .add(
                  new Input(
                      List.of(input.getTarget().split("\\.")), Set.copyOf(names), staticValue));
        }
      }
    }
    return Map.copyOf(inputs);
  }
}
