package dev.flowconnections.runtime.storage;

import static dev.flowconnections.runtime.storage.StorageTestFixture.ACCESS_KEY_ID;
import static dev.flowconnections.runtime.storage.StorageTestFixture.BUCKET;
import static dev.flowconnections.runtime.storage.StorageTestFixture.SECRET_ACCESS_KEY;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.flowconnections.runtime.testsupport.FakeS3Server;
import dev.flowconnections.runtime.testsupport.WorkerTestContext;
import io.camunda.connector.api.error.ConnectorInputException;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.util.unit.DataSize;

/**
 * Files stream as documents up to the file limit; text that would land in a process variable is
 * held to the (much smaller) variable limit, with an incident naming the limit and the size.
 */
@Tag("fast")
class StoragePayloadLimitsTest {

  private final FakeS3Server s3 =
      FakeS3Server.start(ACCESS_KEY_ID, SECRET_ACCESS_KEY).createBucket(BUCKET);
  private final StorageTestFixture fixture =
      new StorageTestFixture()
          .s3(s3.endpoint(), SECRET_ACCESS_KEY)
          .limits(DataSize.ofKilobytes(1), DataSize.ofKilobytes(8));

  @AfterEach
  void stop() {
    s3.close();
  }

  @Test
  void theDefaultsAre256KibForVariablesAnd100MibForFiles() {
    assertThat(StorageLimits.defaults().maxVariableSize()).isEqualTo(DataSize.ofKilobytes(256));
    assertThat(StorageLimits.defaults().maxFileSize()).isEqualTo(DataSize.ofMegabytes(100));
  }

  @Test
  void aTextDownloadAboveTheVariableLimitIsAnIncidentNamingLimitAndSize() {
    s3.put(BUCKET, "big.txt", new byte[1025], "text/plain");

    assertThatThrownBy(
            () ->
                fixture.run(
                    Map.of("operation", "download", "path", "big.txt", "downloadAs", "text")))
        .isInstanceOf(ConnectorInputException.class)
        .hasMessage(
            "the file 'big.txt' is 1025 bytes, above the storage worker's limit of 1024 bytes (1 KB) for process"
                + " variables (flow-connections.storage.max-variable-size); download it as a document instead");
  }

  @Test
  void theSameFileDownloadsAsADocument() {
    s3.put(BUCKET, "big.txt", new byte[1025], "text/plain");

    StorageResult result = fixture.run(Map.of("operation", "download", "path", "big.txt"));

    assertThat(result.document().asByteArray()).hasSize(1025);
    assertThat(result.content()).isNull();
  }

  @Test
  void aDocumentDownloadAboveTheFileLimitIsAnIncident() {
    s3.put(BUCKET, "huge.bin", new byte[8 * 1024 + 1], "application/octet-stream");

    assertThatThrownBy(() -> fixture.run(Map.of("operation", "download", "path", "huge.bin")))
        .isInstanceOf(ConnectorInputException.class)
        .hasMessage(
            "the file 'huge.bin' is 8193 bytes, above the storage worker's limit of 8192 bytes (8 KB) for files"
                + " (flow-connections.storage.max-file-size)");
  }

  @Test
  void uploadsAboveTheLimitsAreRefusedBeforeAnythingIsSent() {
    Map<String, Object> document =
        WorkerTestContext.document(new byte[8 * 1024 + 1], "huge.bin", "application/octet-stream");

    assertThatThrownBy(
            () ->
                fixture.run(
                    Map.of("operation", "upload", "path", "huge.bin", "document", document)))
        .isInstanceOf(ConnectorInputException.class)
        // the in-memory document store records no size, so the worker counts while it spools
        .hasMessage(
            "the file 'huge.bin' is larger than 8192 bytes, above the storage worker's limit of 8192 bytes"
                + " (8 KB) for files (flow-connections.storage.max-file-size)");
    assertThatThrownBy(
            () ->
                fixture.run(
                    Map.of("operation", "upload", "path", "big.txt", "content", "x".repeat(1025))))
        .isInstanceOf(ConnectorInputException.class)
        .hasMessageStartingWith(
            "the file 'big.txt' is 1025 bytes, above the storage worker's limit of 1024 bytes");
    assertThat(s3.requestLog()).isEmpty();
  }

  @Test
  void aTextThatIsNotUtf8IsRefusedWithAdvice() {
    s3.put(BUCKET, "image.png", new byte[] {(byte) 0x89, 'P', 'N', 'G', (byte) 0xff}, "image/png");

    assertThatThrownBy(
            () ->
                fixture.run(
                    Map.of("operation", "download", "path", "image.png", "downloadAs", "text")))
        .isInstanceOf(ConnectorInputException.class)
        .hasMessage("the file 'image.png' is not UTF-8 text; download it as a document instead");
  }
}
