package dev.flowconnections.sample;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.flowconnections.runtime.rest.RestFunction;
import dev.flowconnections.sample.support.ModelerTemplateApplier;
import dev.flowconnections.templates.ConnectionChoice;
import dev.flowconnections.templates.ElementTemplateGenerator;
import dev.flowconnections.templates.node.Node;
import dev.flowconnections.templates.node.WorkerDescriptors;
import io.camunda.zeebe.model.bpmn.Bpmn;
import io.camunda.zeebe.model.bpmn.BpmnModelInstance;
import io.camunda.zeebe.model.bpmn.instance.ServiceTask;
import io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebeInput;
import io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebeTaskDefinition;
import io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebeTaskHeaders;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The shipped templated example must stay what Modeler writes from the current REST API template:
 * same job type, inputs and headers as applying the generated template with the example's values.
 */
@Tag("fast")
class TemplatedExampleMatchesTemplateTest {

  private static final String ZEEBE_NS = "http://camunda.org/schema/zeebe/1.0";

  @Test
  void theTemplatedExampleIsWhatModelerWritesFromTheTemplate() {
    BpmnModelInstance example =
        Bpmn.readModelFromStream(
            getClass().getClassLoader().getResourceAsStream("bpmn/templated-rest-example.bpmn"));
    ServiceTask shipped = example.getModelElementById("Greet");
    Node restApi = WorkerDescriptors.nodesOf(RestFunction.class).get(0);
    JsonNode template =
        new ElementTemplateGenerator(new ObjectMapper())
            .generate(restApi, List.of(new ConnectionChoice("demo-echo", "Demo Echo", false)), 1);

    Map<String, String> entered = new LinkedHashMap<>(inputs(shipped));
    entered.putAll(headers(shipped));
    BpmnModelInstance applied = ModelerTemplateApplier.process("applied", template, entered);
    ServiceTask expected = applied.getModelElementById("templatedTask");

    assertThat(shipped.getAttributeValueNs(ZEEBE_NS, "modelerTemplate"))
        .isEqualTo(template.get("id").asText());
    assertThat(shipped.getAttributeValueNs(ZEEBE_NS, "modelerTemplateVersion")).isEqualTo("1");
    assertThat(jobType(shipped)).isEqualTo(jobType(expected)).isEqualTo(RestFunction.TYPE);
    assertThat(inputs(shipped)).isEqualTo(inputs(expected));
    assertThat(headers(shipped)).isEqualTo(headers(expected));
  }

  private static String jobType(ServiceTask task) {
    return task.getSingleExtensionElement(ZeebeTaskDefinition.class).getType();
  }

  private static Map<String, String> inputs(ServiceTask task) {
    Map<String, String> inputs = new LinkedHashMap<>();
    task.getExtensionElements()
        .getElementsQuery()
        .filterByType(io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebeIoMapping.class)
        .singleResult()
        .getInputs()
        .forEach((ZeebeInput input) -> inputs.put(input.getTarget(), input.getSource()));
    return inputs;
  }

  private static Map<String, String> headers(ServiceTask task) {
    Map<String, String> headers = new LinkedHashMap<>();
    task.getSingleExtensionElement(ZeebeTaskHeaders.class)
        .getHeaders()
        .forEach(header -> headers.put(header.getKey(), header.getValue()));
    return headers;
  }
}
