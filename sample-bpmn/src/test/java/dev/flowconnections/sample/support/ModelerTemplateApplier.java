package dev.flowconnections.sample.support;

import com.fasterxml.jackson.databind.JsonNode;
import io.camunda.zeebe.model.bpmn.Bpmn;
import io.camunda.zeebe.model.bpmn.BpmnModelInstance;
import io.camunda.zeebe.model.bpmn.builder.ServiceTaskBuilder;
import io.camunda.zeebe.model.bpmn.instance.ServiceTask;
import java.util.Map;

/**
 * Applies an element template to a service task the way Camunda Modeler does: Hidden properties get
 * their fixed value, other properties the value the modeler entered or the template's default; each
 * value lands in its binding (task definition, input, header), empty optional inputs are left out,
 * and the task records the template id and version in {@code zeebe:modelerTemplate*}.
 */
public final class ModelerTemplateApplier {

  private static final String ZEEBE_NS = "http://camunda.org/schema/zeebe/1.0";

  private ModelerTemplateApplier() {}

  /** A process start → templated task → end; {@code entered} maps property ids to values. */
  public static BpmnModelInstance process(
      String processId, JsonNode template, Map<String, String> entered) {
    BpmnModelInstance model =
        Bpmn.createExecutableProcess(processId)
            .startEvent("start")
            .serviceTask("templatedTask", task -> apply(task, template, entered))
            .endEvent("end")
            .done();
    ServiceTask task = model.getModelElementById("templatedTask");
    task.setAttributeValueNs(ZEEBE_NS, "modelerTemplate", template.get("id").asText());
    task.setAttributeValueNs(ZEEBE_NS, "modelerTemplateVersion", template.get("version").asText());
    return model;
  }

  private static void apply(
      ServiceTaskBuilder task, JsonNode template, Map<String, String> entered) {
    for (JsonNode property : template.get("properties")) {
      String id = property.path("id").asText(null);
      boolean hidden = "Hidden".equals(property.get("type").asText());
      String value =
          hidden || id == null || !entered.containsKey(id) ? defaultOf(property) : entered.get(id);
      if (value == null || value.isEmpty() || !conditionHolds(property, template, entered)) {
        continue;
      }
      JsonNode binding = property.get("binding");
      switch (binding.get("type").asText()) {
        case "zeebe:taskDefinition" -> {
          if ("type".equals(binding.get("property").asText())) {
            task.zeebeJobType(value);
          } else {
            task.zeebeJobRetries(value);
          }
        }
        case "zeebe:input" -> task.zeebeInput(value, binding.get("name").asText());
        case "zeebe:taskHeader" -> task.zeebeTaskHeader(binding.get("key").asText(), value);
        default -> throw new IllegalArgumentException("binding not supported here: " + binding);
      }
    }
  }

  private static String defaultOf(JsonNode property) {
    JsonNode value = property.get("value");
    return value == null || value.isNull() ? null : value.asText();
  }

  /** The element template conditions Modeler evaluates: equals, oneOf, isEmpty and allMatch. */
  private static boolean conditionHolds(
      JsonNode property, JsonNode template, Map<String, String> entered) {
    JsonNode condition = property.get("condition");
    return condition == null || holds(condition, template, entered);
  }

  private static boolean holds(JsonNode condition, JsonNode template, Map<String, String> entered) {
    if (condition.has("allMatch")) {
      for (JsonNode each : condition.get("allMatch")) {
        if (!holds(each, template, entered)) {
          return false;
        }
      }
      return true;
    }
    String other = condition.get("property").asText();
    String otherValue = entered.get(other);
    if (otherValue == null) {
      for (JsonNode p : template.get("properties")) {
        if (other.equals(p.path("id").asText())) {
          otherValue = defaultOf(p);
        }
      }
    }
    if (condition.has("equals")) {
      return condition.get("equals").asText().equals(otherValue);
    }
    if (condition.has("isEmpty")) {
      return condition.get("isEmpty").asBoolean() == (otherValue == null || otherValue.isEmpty());
    }
    for (JsonNode allowed : condition.get("oneOf")) {
      if (allowed.asText().equals(otherValue)) {
        return true;
      }
    }
    return false;
  }
}
