package dev.flowconnections.sample;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flowconnections.connection.ConnectionView;
import dev.flowconnections.environment.Environment;
import dev.flowconnections.runtime.rest.RestFunction;
import dev.flowconnections.runtime.testsupport.RecordingHttpServer.Reply;
import dev.flowconnections.runtime.testsupport.TcpOutageProxy;
import dev.flowconnections.sample.support.ProcessTestRuntime;
import io.camunda.zeebe.model.bpmn.Bpmn;
import io.camunda.zeebe.model.bpmn.BpmnModelInstance;
import io.camunda.zeebe.protocol.record.ValueType;
import io.camunda.zeebe.protocol.record.intent.JobIntent;
import io.camunda.zeebe.protocol.record.value.JobRecordValue;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * PostgreSQL going away while a job needs a connection: the job fails with retries left (no
 * incident) and completes on a retry once the database is back. The runtime reaches PostgreSQL
 * through a proxy the test cuts; the server other tests use keeps running.
 */
class DatabaseOutageProcessTest extends RestProcessTestBase {

  static final ProcessTestRuntime RUNTIME = ProcessTestRuntime.start(Environment.DEVELOPMENT);
  static final TcpOutageProxy PROXY = TcpOutageProxy.forTestDatabase();
  static final String OUTAGE_PROCESS_ID = "rest-call-through-database-outage";
  static final int RETRIES = 5;

  @DynamicPropertySource
  static void properties(DynamicPropertyRegistry registry) {
    RUNTIME.register(registry);
    PROXY.registerAsDatasource(registry);
  }

  @AfterAll
  static void closeProxy() {
    PROXY.close();
  }

  DatabaseOutageProcessTest() {
    super(RUNTIME);
  }

  @Test
  void aJobThatNeedsTheDatabaseDuringAnOutageIsRetriedAndCompletesWhenItIsBack() {
    // created now and never resolved: the resolver's cache has nothing to answer with
    ConnectionView connection = developmentBearerConnection("dev-token-outage");
    server().respond(Reply.json(200, "{\"id\":7}"));
    client
        .newDeployResourceCommand()
        .addProcessModel(outageProcess(), OUTAGE_PROCESS_ID + ".bpmn")
        .send()
        .join();

    PROXY.cut();
    long instance;
    try {
      instance =
          startProcess(
              OUTAGE_PROCESS_ID, Map.of("connection", keyOf(connection), "path", "/orders/7"));
      JobRecordValue failed =
          records.awaitPresent("the job fails during the outage", () -> firstFailure(instance));
      assertThat(failed.getRetries()).as("failed with retries left").isEqualTo(RETRIES - 1);
      assertThat(records.incidentMessage(instance)).as("no incident").isEmpty();
      assertThat(server().requests()).as("nothing was called without credentials").isEmpty();
    } finally {
      PROXY.restore();
    }

    records.awaitCompleted(instance);
    assertThat(records.incidentMessage(instance)).isEmpty();
    assertThat(server().requests()).hasSize(1);
    assertThat(server().lastRequest().header("Authorization")).isEqualTo("Bearer dev-token-outage");
  }

  /** The REST call with a short retry backoff, so the retry after the outage comes quickly. */
  private static BpmnModelInstance outageProcess() {
    return Bpmn.createExecutableProcess(OUTAGE_PROCESS_ID)
        .startEvent()
        .serviceTask(
            "CallRestApi",
            task ->
                task.zeebeJobType(RestFunction.TYPE)
                    .zeebeJobRetries(String.valueOf(RETRIES))
                    .zeebeInputExpression("connection", "connection")
                    .zeebeInputExpression("\"GET\"", "method")
                    .zeebeInputExpression("path", "path")
                    .zeebeTaskHeader("retryBackoff", "PT2S"))
        .endEvent()
        .done();
  }

  private Optional<JobRecordValue> firstFailure(long processInstanceKey) {
    return records
        .all()
        .filter(r -> r.getValueType() == ValueType.JOB && r.getIntent() == JobIntent.FAILED)
        .map(r -> (JobRecordValue) r.getValue())
        .filter(job -> job.getProcessInstanceKey() == processInstanceKey)
        .findFirst();
  }
}
