package dev.flowconnections.sample;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.flowconnections.access.Actor;
import dev.flowconnections.access.Role;
import dev.flowconnections.connection.ConnectionView;
import dev.flowconnections.environment.Environment;
import dev.flowconnections.runtime.testsupport.RecordingHttpServer;
import dev.flowconnections.sample.support.ConnectionsFixture;
import dev.flowconnections.sample.support.ModelerTemplateApplier;
import dev.flowconnections.sample.support.ProcessTestRuntime;
import dev.flowconnections.templates.TemplateCatalog;
import dev.flowconnections.templates.TemplatePublisher;
import io.camunda.zeebe.model.bpmn.Bpmn;
import io.camunda.zeebe.model.bpmn.BpmnModelInstance;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Issue "Element templates": a published template, downloaded by a modeler and applied to a task as
 * Modeler applies it, yields a process that runs and calls the connection picked in the dropdown,
 * with that connection's credentials for the runtime's environment. One subclass per environment,
 * each with its own runtime and engine.
 */
abstract class TemplateAppliedProcessTestBase extends RestProcessTestBase {

  static final Actor MODELER = new Actor("template-modeler", "default", Set.of(Role.USER));
  static final Map<Environment, String> TOKENS =
      Map.of(
          Environment.DEVELOPMENT, "dev-token-templated",
          Environment.STAGING, "staging-token-templated",
          Environment.PRODUCTION, "prod-token-templated");

  @Autowired TemplatePublisher publisher;
  @Autowired TemplateCatalog catalog;

  TemplateAppliedProcessTestBase(ProcessTestRuntime runtime) {
    super(runtime);
  }

  @Test
  void aTemplatedTaskCallsTheConnectionPickedInTheDropdown() {
    ConnectionView connection = bearerConnection(TOKENS);
    String expectedToken = TOKENS.get(runtime().environment());
    publisher.publish(ConnectionsFixture.ADMIN);
    JsonNode template = catalog.get(MODELER, "io.flowconnections.rest-api", null);
    assertThat(dropdownValues(template)).contains(keyOf(connection));

    BpmnModelInstance model =
        ModelerTemplateApplier.process(
            "templated-rest",
            template,
            Map.of(
                "connection", keyOf(connection),
                "method", "POST",
                "path", "=\"/orders/\" + string(orderId)",
                "body", "={id: orderId, note: \"from a template\"}",
                "resultExpression", "={created: status = 201, order: body}"));
    client.newDeployResourceCommand().addProcessModel(model, "templated-rest.bpmn").send().join();
    server().respond(RecordingHttpServer.Reply.json(201, "{\"id\": 42}"));

    long instance = startProcess("templated-rest", Map.of("orderId", 42));

    records.awaitCompleted(instance);
    assertThat(server().lastRequest().method()).isEqualTo("POST");
    assertThat(server().lastRequest().rawPath()).isEqualTo("/api/orders/42");
    assertThat(server().lastRequest().header("Authorization")).isEqualTo("Bearer " + expectedToken);
    assertThat(server().lastRequest().body()).contains("from a template");
    assertThat(records.variables(instance)).containsEntry("created", "true");
    String xml = Bpmn.convertToString(model);
    assertThat(xml)
        .contains("modelerTemplate=\"io.flowconnections.rest-api\"")
        .doesNotContain(expectedToken);
  }

  private static java.util.List<String> dropdownValues(JsonNode template) {
    for (JsonNode property : template.get("properties")) {
      if ("connection".equals(property.path("id").asText())) {
        return property.get("choices").findValuesAsText("value");
      }
    }
    throw new AssertionError("template has no connection dropdown");
  }
}
