package dev.flowconnections.demo;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.flowconnections.errors.NotFoundException;
import io.camunda.client.CamundaClient;
import io.camunda.client.api.command.ClientStatusException;
import io.camunda.zeebe.process.test.api.ZeebeTestEngine;
import io.grpc.Status;
import java.time.Duration;
import java.util.Map;
import org.springframework.context.annotation.Profile;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Demo only: starts a deployed process with the posted variables and answers with what happened
 * (completed with its variables, or the incident message), so the README's curl walkthrough can
 * show a connection in use without Operate.
 */
@RestController
@Profile(FlowConnectionsDemo.PROFILE)
@RequestMapping("/api/demo/processes")
class DemoRunController {

  /**
   * How long a request waits for the instance to complete or fail. Generous: the in-memory engine
   * now and then fails to answer a worker's job poll ("Could not deserialize object
   * [JobBatchRecord]" in its log), and that worker then waits for the poll's 20 s deadline.
   */
  private static final Duration WAIT = Duration.ofSeconds(60);

  private final CamundaClient client;
  private final DemoProcessRunner runner;

  DemoRunController(CamundaClient client, ZeebeTestEngine engine) {
    this.client = client;
    this.runner = new DemoProcessRunner(engine, new ObjectMapper());
  }

  @PostMapping("/{processId}/run")
  DemoProcessRunner.Outcome run(
      @PathVariable String processId, @RequestBody(required = false) Map<String, Object> variables)
      throws InterruptedException {
    long key;
    try {
      key =
          client
              .newCreateInstanceCommand()
              .bpmnProcessId(processId)
              .latestVersion()
              .variables(variables == null ? Map.of() : variables)
              .send()
              .join()
              .getProcessInstanceKey();
    } catch (ClientStatusException e) {
      if (e.getStatusCode() == Status.Code.NOT_FOUND) {
        throw new NotFoundException("process '" + processId + "' is not deployed");
      }
      throw e; // e.g. the engine did not answer in time: not the caller's mistake
    }
    return runner.await(key, WAIT);
  }
}
