package dev.flowconnections.demo;

import io.camunda.client.CamundaClient;
import io.camunda.client.api.response.ProcessInstanceResult;
import java.time.Duration;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Deploys the example process once the connection exists and, unless switched off, runs it once
 * against the demo connection and logs the outcome, so the log shows the worker at work.
 */
@Component
@Profile(FlowConnectionsDemo.PROFILE)
@Order(2)
class DemoProcessDeployer implements ApplicationRunner {

  static final String RESOURCE = "bpmn/rest-connection-example.bpmn";

  /** The same call as Modeler writes it from the REST API element template, on demo-echo. */
  static final String TEMPLATED_RESOURCE = "bpmn/templated-rest-example.bpmn";

  /** An AI agent with one tool: the demo model calls the echo API through demo-echo. */
  static final String AGENT_RESOURCE = "bpmn/ai-agent-demo.bpmn";

  static final String PROCESS_ID = "rest-connection-example";

  private static final Logger LOG = LoggerFactory.getLogger(DemoProcessDeployer.class);

  private final CamundaClient client;
  private final DemoProperties properties;

  DemoProcessDeployer(CamundaClient client, DemoProperties properties) {
    this.client = client;
    this.properties = properties;
  }

  @Override
  public void run(ApplicationArguments args) {
    client
        .newDeployResourceCommand()
        .addResourceFromClasspath(RESOURCE)
        .addResourceFromClasspath(TEMPLATED_RESOURCE)
        .addResourceFromClasspath(AGENT_RESOURCE)
        .send()
        .join();
    LOG.info(
        "Demo: deployed {} (process id {}), {} and {}",
        RESOURCE,
        PROCESS_ID,
        TEMPLATED_RESOURCE,
        AGENT_RESOURCE);
    if (properties.isRunExampleOnStartup()) {
      runExample();
    }
  }

  private void runExample() {
    try {
      ProcessInstanceResult result =
          client
              .newCreateInstanceCommand()
              .bpmnProcessId(PROCESS_ID)
              .latestVersion()
              .variables(
                  Map.of(
                      "connection",
                      DemoConnectionSeeder.CONNECTION_KEY,
                      "path",
                      "/hello",
                      "queryParameters",
                      Map.of("greeting", "hi")))
              .withResult()
              .requestTimeout(Duration.ofSeconds(30))
              .send()
              .join();
      Map<String, Object> variables = result.getVariablesAsMap();
      LOG.info(
          "Demo: example instance {} completed: responseStatus={}, responseBody={}",
          result.getProcessInstanceKey(),
          variables.get("responseStatus"),
          variables.get("responseBody"));
    } catch (RuntimeException e) {
      // The demo stays up: the incident is visible in the engine, the cause in this log.
      LOG.warn("Demo: the example instance did not complete: {}", e.getMessage());
    }
  }
}
