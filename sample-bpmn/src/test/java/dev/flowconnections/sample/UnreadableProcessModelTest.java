package dev.flowconnections.sample;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flowconnections.connection.ConnectionView;
import dev.flowconnections.environment.Environment;
import dev.flowconnections.runtime.rest.RestFunction;
import dev.flowconnections.sample.support.ProcessTestRuntime;
import io.camunda.zeebe.model.bpmn.Bpmn;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The runtime's production lookup of process models (the Camunda REST API) pointed at nothing, as
 * on a cluster whose {@code camunda.client.rest-address} is wrong: no placeholder is resolved, a
 * job that carries one gets an incident saying why, and jobs without placeholders run as before.
 */
class UnreadableProcessModelTest extends RestProcessTestBase {

  static final ProcessTestRuntime RUNTIME = ProcessTestRuntime.start(Environment.DEVELOPMENT);

  @DynamicPropertySource
  static void properties(DynamicPropertyRegistry registry) {
    RUNTIME.register(registry);
    registry.add("flow-connections.test.engine-process-models", () -> "false");
    registry.add("camunda.client.rest-address", () -> "http://127.0.0.1:1");
  }

  UnreadableProcessModelTest() {
    super(RUNTIME);
  }

  @Test
  void aJobWithAPlaceholderFailsClosedWhenTheModelCannotBeRead() {
    ConnectionView connection = developmentBearerConnection("dev-token-unreadable-model");
    client
        .newDeployResourceCommand()
        .addProcessModel(
            Bpmn.createExecutableProcess("placeholder-unreadable")
                .startEvent()
                .serviceTask(
                    "CallRestApi",
                    task ->
                        task.zeebeJobType(RestFunction.TYPE)
                            .zeebeJobRetries("1")
                            .zeebeInputExpression("connection", "connection")
                            .zeebeInput("GET", "method")
                            .zeebeInput(
                                "/bot{{secrets.connections." + keyOf(connection) + ".token}}/x",
                                "path"))
                .endEvent()
                .done(),
            "placeholder-unreadable.bpmn")
        .send()
        .join();

    long instance = startProcess("placeholder-unreadable", Map.of("connection", keyOf(connection)));

    assertThat(records.awaitIncident(instance))
        .startsWith(
            "secret placeholders in the job's variables are not resolved: the process model (process definition ")
        .contains("camunda.client.rest-address");
    assertThat(server().requests()).isEmpty();
  }

  @Test
  void aJobWithoutPlaceholdersDoesNotNeedTheModel() {
    ConnectionView connection = developmentBearerConnection("dev-token-no-placeholder");

    long instance = startGet(connection, "/orders");

    records.awaitCompleted(instance);
    assertThat(server().lastRequest().header("Authorization"))
        .isEqualTo("Bearer dev-token-no-placeholder");
  }
}
