package dev.flowconnections.runtime.storage;

import static dev.flowconnections.runtime.storage.StorageTestFixture.ACCESS_KEY_ID;
import static dev.flowconnections.runtime.storage.StorageTestFixture.BUCKET;
import static dev.flowconnections.runtime.storage.StorageTestFixture.KEY;
import static dev.flowconnections.runtime.storage.StorageTestFixture.SECRET_ACCESS_KEY;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.flowconnections.runtime.testsupport.FakeS3Server;
import dev.flowconnections.runtime.testsupport.WorkerTestContext;
import dev.flowconnections.runtime.worker.ConnectionProblem;
import io.camunda.connector.api.error.ConnectorInputException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * A File Manager Tool (the task header agentTool, set by its template) lets an AI model name the
 * paths, so it runs only inside the folder the modeller sets: without one, nothing is touched.
 */
@Tag("fast")
class FileManagerToolTest {

  private static final Map<String, String> TOOL = Map.of("agentTool", "true");

  private final FakeS3Server s3 =
      FakeS3Server.start(ACCESS_KEY_ID, SECRET_ACCESS_KEY).createBucket(BUCKET);
  private final StorageTestFixture fixture =
      new StorageTestFixture().s3(s3.endpoint(), SECRET_ACCESS_KEY);

  @AfterEach
  void stop() {
    s3.close();
  }

  @Test
  void aToolWithoutRootFolderIsRefusedBeforeAnyRequest() {
    s3.put(BUCKET, "payroll.csv", "secret".getBytes(StandardCharsets.UTF_8), "text/csv");

    assertThatThrownBy(() -> run(Map.of("operation", "download", "path", "payroll.csv"), TOOL))
        .isInstanceOf(ConnectorInputException.class)
        .hasMessageStartingWith("rootFolder: a File Manager Tool works only inside the folder");
    assertThat(s3.requestLog()).isEmpty();
  }

  @Test
  void aRootFolderThatNamesNoFolderIsTheModellersToFixNotTheModels() {
    assertThatThrownBy(() -> run(Map.of("operation", "list", "path", "", "rootFolder", "/"), TOOL))
        .isInstanceOf(ConnectionProblem.class)
        .hasMessageStartingWith("rootFolder: '/' names no folder");
    assertThat(s3.requestLog()).isEmpty();
  }

  @Test
  void aToolWithRootFolderReadsInsideIt() {
    s3.put(BUCKET, "agent/notes.txt", "hello".getBytes(StandardCharsets.UTF_8), "text/plain");

    StorageResult result =
        run(
            Map.of(
                "operation",
                "download",
                "path",
                "notes.txt",
                "rootFolder",
                "agent",
                "downloadAs",
                "text"),
            TOOL);

    assertThat(result.content()).isEqualTo("hello");
  }

  @Test
  void aPlainTaskNeedsNoRootFolder() {
    s3.put(BUCKET, "report.txt", "q3".getBytes(StandardCharsets.UTF_8), "text/plain");

    StorageResult result =
        run(Map.of("operation", "download", "path", "report.txt", "downloadAs", "text"), Map.of());

    assertThat(result.content()).isEqualTo("q3");
  }

  private StorageResult run(Map<String, ?> variables, Map<String, String> headers) {
    Map<String, Object> task = new HashMap<>(variables);
    task.put("connection", KEY);
    return (StorageResult)
        new StorageFunction(fixture.service())
            .execute(WorkerTestContext.withHeaders(StorageFunction.TYPE, task, headers));
  }
}
