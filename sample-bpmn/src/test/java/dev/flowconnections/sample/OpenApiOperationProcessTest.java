package dev.flowconnections.sample;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.flowconnections.access.Actor;
import dev.flowconnections.access.Role;
import dev.flowconnections.connection.ConnectionView;
import dev.flowconnections.environment.Environment;
import dev.flowconnections.runtime.openapi.OpenApiImports;
import dev.flowconnections.runtime.testsupport.OpenApiFixtures;
import dev.flowconnections.runtime.testsupport.RecordingHttpServer.Reply;
import dev.flowconnections.sample.support.ConnectionsFixture;
import dev.flowconnections.sample.support.ModelerTemplateApplier;
import dev.flowconnections.sample.support.ProcessTestRuntime;
import dev.flowconnections.templates.TemplateCatalog;
import dev.flowconnections.templates.TemplatePublisher;
import io.camunda.zeebe.model.bpmn.BpmnModelInstance;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * An integration with an imported OpenAPI document, its published REST template applied with an
 * operation chosen and a path parameter mapped, runs against the engine: the worker calls the
 * operation's method and path with the parameter encoded; an operation the document lacks is an
 * incident naming it.
 */
class OpenApiOperationProcessTest extends RestProcessTestBase {

  static final ProcessTestRuntime RUNTIME = ProcessTestRuntime.start(Environment.DEVELOPMENT);
  static final Actor MODELER = new Actor("openapi-modeler", "default", Set.of(Role.USER));

  @DynamicPropertySource
  static void properties(DynamicPropertyRegistry registry) {
    RUNTIME.register(registry);
  }

  @Autowired OpenApiImports imports;
  @Autowired TemplatePublisher publisher;
  @Autowired TemplateCatalog catalog;

  OpenApiOperationProcessTest() {
    super(RUNTIME);
  }

  @Test
  void aTaskCallsTheChosenOperationWithItsPathParameter() {
    ConnectionView connection = developmentBearerConnection("openapi-token");
    imports.importDocument(
        ConnectionsFixture.ADMIN,
        connection.integration().id(),
        OpenApiFixtures.document(OpenApiFixtures.ORDERS_30_YAML).getBytes(StandardCharsets.UTF_8));
    publisher.publish(ConnectionsFixture.ADMIN);
    JsonNode template = catalog.get(MODELER, "io.flowconnections.rest-api", null);
    String key = keyOf(connection);

    BpmnModelInstance model =
        ModelerTemplateApplier.process(
            "openapi-operation",
            template,
            Map.of(
                "connection",
                key,
                "operation",
                "getOrder",
                "pathParameters." + key + ".getOrder.orderId",
                "=orderId",
                "resultExpression",
                "={order: body}"));
    client
        .newDeployResourceCommand()
        .addProcessModel(model, "openapi-operation.bpmn")
        .send()
        .join();
    server().respond(Reply.json(200, "{\"id\": 42}"));

    long instance = startProcess("openapi-operation", Map.of("orderId", "A/42"));

    records.awaitCompleted(instance);
    assertThat(server().lastRequest().method()).isEqualTo("GET");
    assertThat(server().lastRequest().rawPath()).isEqualTo("/api/orders/A%2F42");
    assertThat(server().lastRequest().header("Authorization")).isEqualTo("Bearer openapi-token");

    // the same task with an operation the document does not have
    BpmnModelInstance unknown =
        ModelerTemplateApplier.process(
            "openapi-unknown-operation",
            template,
            Map.of("connection", key, "operation", "deleteEverything"));
    client
        .newDeployResourceCommand()
        .addProcessModel(unknown, "openapi-unknown-operation.bpmn")
        .send()
        .join();
    server().reset();

    long failing = startProcess("openapi-unknown-operation", Map.of());

    assertThat(records.awaitIncident(failing))
        .contains("operation 'deleteEverything' is not in the OpenAPI document");
    assertThat(server().requests()).isEmpty();
  }
}
