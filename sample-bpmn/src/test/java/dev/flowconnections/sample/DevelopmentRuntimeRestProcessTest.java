package dev.flowconnections.sample;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flowconnections.connection.ConnectionView;
import dev.flowconnections.environment.Environment;
import dev.flowconnections.fields.FieldCatalog;
import dev.flowconnections.runtime.rest.RestFunction;
import dev.flowconnections.runtime.testsupport.RecordingHttpServer.Reply;
import dev.flowconnections.sample.support.ProcessTestRuntime;
import io.camunda.zeebe.model.bpmn.Bpmn;
import io.camunda.zeebe.model.bpmn.BpmnModelInstance;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The example process in a DEVELOPMENT runtime: credentials, secrets, errors and updates end to
 * end.
 */
class DevelopmentRuntimeRestProcessTest extends RestProcessTestBase {

  static final ProcessTestRuntime RUNTIME = ProcessTestRuntime.start(Environment.DEVELOPMENT);

  @DynamicPropertySource
  static void properties(DynamicPropertyRegistry registry) {
    RUNTIME.register(registry);
  }

  DevelopmentRuntimeRestProcessTest() {
    super(RUNTIME);
  }

  @Test
  void usesTheDevelopmentTokenOfAConnectionThatHasBoth() {
    ConnectionView connection =
        bearerConnection(
            Map.of(
                Environment.DEVELOPMENT,
                "dev-token-for-orders",
                Environment.PRODUCTION,
                "prod-token-for-orders"));
    server().respond(Reply.json(200, "{\"id\":1,\"state\":\"open\"}"));

    long instance =
        start(
            Map.of(
                "connection",
                keyOf(connection),
                "path",
                "/orders/1",
                "queryParameters",
                Map.of("expand", "items")));

    records.awaitCompleted(instance);
    assertThat(server().lastRequest().header("Authorization"))
        .isEqualTo("Bearer dev-token-for-orders");
    assertThat(server().lastRequest().rawPath()).isEqualTo("/api/orders/1");
    assertThat(server().lastRequest().query()).isEqualTo(Map.of("expand", "items"));
    assertThat(records.variables(instance))
        .containsEntry("responseStatus", "200")
        .containsEntry("responseBody", "{\"id\":1,\"state\":\"open\"}");
  }

  @Test
  void expandsOrgSecretReferencesInCredentials() {
    String secretKey =
        connections.orgSecret("CRM_TOKEN_" + System.nanoTime(), secret("org-secret-crm-token"));
    ConnectionView connection = bearerConnection(Map.of());
    connections.credentials(
        connection,
        Environment.DEVELOPMENT,
        Map.of(FieldCatalog.TOKEN, "@@SECRET:" + secretKey + "@@"));

    long instance = startGet(connection, "/orders");

    records.awaitCompleted(instance);
    assertThat(server().lastRequest().header("Authorization"))
        .isEqualTo("Bearer org-secret-crm-token");
  }

  @Test
  void resolvesStockSecretPlaceholdersThatTheModelWrites() {
    ConnectionView connection = developmentBearerConnection("dev-token-for-placeholder");
    String placeholder = "{{secrets.connections." + keyOf(connection) + ".token}}";
    client
        .newDeployResourceCommand()
        .addProcessModel(
            withoutErrorExpression(
                "={\"X-Forwarded-Token\": \"" + placeholder + "\"}", "=\"/orders\""),
            "rest-without-error-expression.bpmn")
        .send()
        .join();

    long instance =
        startProcess("rest-without-error-expression", Map.of("connection", keyOf(connection)));

    records.awaitCompleted(instance);
    assertThat(server().lastRequest().header("X-Forwarded-Token"))
        .isEqualTo("dev-token-for-placeholder");
  }

  @Test
  void notFoundBecomesABpmnErrorCaughtByTheBoundaryEvent() {
    ConnectionView connection = developmentBearerConnection("dev-token-for-404");
    server().respond(Reply.json(404, "{\"message\":\"no such order\"}"));

    long instance = startGet(connection, "/orders/999");

    records.awaitCompleted(instance);
    assertThat(records.passedElement(instance, "ResourceNotFound")).isTrue();
    assertThat(records.passedElement(instance, "ResponseReceived")).isFalse();
    assertThat(records.variables(instance)).containsEntry("responseStatus", "404");
    assertThat(server().requests()).as("a BPMN error is not retried").hasSize(1);
  }

  @Test
  void aFailureNoErrorExpressionHandlesBecomesAnIncidentWithAMaskedMessage() {
    // Some APIs want the key in the path (e.g. Telegram's /bot<token>/...): the message then holds
    // it.
    ConnectionView connection = developmentBearerConnection("dev-token-in-the-path");
    server().respond(Reply.json(500, "{\"error\":\"internal\"}"));
    client
        .newDeployResourceCommand()
        .addProcessModel(
            withoutErrorExpression(
                "={}", "/bot{{secrets.connections." + keyOf(connection) + ".token}}/sendMessage"),
            "rest-without-error-expression.bpmn")
        .send()
        .join();

    long instance =
        startProcess("rest-without-error-expression", Map.of("connection", keyOf(connection)));

    assertThat(records.awaitIncident(instance)).isEqualTo("HTTP 500 from GET /bot****/sendMessage");
    assertThat(server().lastRequest().rawPath())
        .isEqualTo("/api/botdev-token-in-the-path/sendMessage");
    assertThat(server().requests()).as("one retry configured: one call").hasSize(1);
  }

  @Test
  void echoedCredentialsReachProcessVariablesOnlyMasked() {
    ConnectionView connection = developmentBearerConnection("dev-token-echoed-in-200");
    server()
        .respond(
            request ->
                Reply.json(200, "{\"youSent\":\"" + request.header("Authorization") + "\"}")
                    .withHeader("X-Echo", request.header("Authorization")));

    long instance = startGet(connection, "/echo");

    records.awaitCompleted(instance);
    assertThat(records.variables(instance))
        .containsEntry("responseBody", "{\"youSent\":\"Bearer ****\"}");
  }

  @Test
  void theNextJobUsesUpdatedCredentials() {
    ConnectionView connection = developmentBearerConnection("dev-token-before-rotation");
    long first = startGet(connection, "/orders");
    records.awaitCompleted(first);
    assertThat(server().lastRequest().header("Authorization"))
        .isEqualTo("Bearer dev-token-before-rotation");

    connections.credentials(
        connection,
        Environment.DEVELOPMENT,
        Map.of(FieldCatalog.TOKEN, secret("dev-token-after-rotation")));
    long second = startGet(connection, "/orders");

    records.awaitCompleted(second);
    assertThat(server().lastRequest().header("Authorization"))
        .as("the resolver cache (30 s TTL) was dropped on the update")
        .isEqualTo("Bearer dev-token-after-rotation");
  }

  /**
   * The same REST task with one retry and no errorExpression (any failure becomes an incident),
   * with headers and path as the model writes them (a placeholder is resolved only where the model
   * writes it).
   */
  private static BpmnModelInstance withoutErrorExpression(String headersSource, String pathSource) {
    return Bpmn.createExecutableProcess("rest-without-error-expression")
        .startEvent()
        .serviceTask(
            "CallRestApi",
            task ->
                task.zeebeJobType(RestFunction.TYPE)
                    .zeebeJobRetries("1")
                    .zeebeInputExpression("connection", "connection")
                    .zeebeInputExpression("\"GET\"", "method")
                    .zeebeInput(headersSource, "headers")
                    .zeebeInput(pathSource, "path")
                    .zeebeTaskHeader("resultExpression", "={responseStatus: status}"))
        .endEvent()
        .done();
  }
}
