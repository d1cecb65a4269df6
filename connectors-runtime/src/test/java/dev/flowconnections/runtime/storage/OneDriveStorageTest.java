package dev.flowconnections.runtime.storage;

import static dev.flowconnections.runtime.storage.StorageTestFixture.TOKEN;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.flowconnections.runtime.testsupport.RecordingHttpServer;
import dev.flowconnections.runtime.testsupport.RecordingHttpServer.RecordedRequest;
import dev.flowconnections.runtime.testsupport.RecordingHttpServer.Reply;
import dev.flowconnections.runtime.testsupport.WorkerTestContext;
import io.camunda.connector.api.error.ConnectorInputException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The storage worker against a local server standing in for Microsoft Graph (OneDrive): path-based
 * addressing below the root folder, {@code PUT .../content} for small files, an upload session for
 * large ones, and a download that follows Graph's 302 to a pre-authenticated URL without the token.
 */
@Tag("fast")
class OneDriveStorageTest {

  private final RecordingHttpServer graph = RecordingHttpServer.start();
  private final RecordingHttpServer downloads = RecordingHttpServer.start();
  private final StorageTestFixture fixture =
      new StorageTestFixture()
          .bearer(
              StorageProvider.ONEDRIVE,
              graph.baseUrl(),
              TOKEN,
              Map.of("bucket", "/Shared/Invoices/"));

  @AfterEach
  void stop() {
    graph.close();
    downloads.close();
  }

  @Test
  void listsTheChildrenOfAPathBelowTheRootFolder() {
    graph.respond(
        Reply.json(
            200,
            """
        {"value":[
          {"name":"jan.pdf","size":2048,"file":{"mimeType":"application/pdf"},"lastModifiedDateTime":"2026-01-31T08:00:00Z"},
          {"name":"old","size":0,"folder":{"childCount":3},"lastModifiedDateTime":"2026-01-01T08:00:00Z"}],
         "@odata.nextLink":"https://graph.microsoft.com/v1.0/next"}"""));

    StorageResult result =
        fixture.run(Map.of("operation", "list", "path", "2026 Q1", "maxResults", 2));

    RecordedRequest request = graph.lastRequest();
    assertThat(request.method()).isEqualTo("GET");
    assertThat(request.rawPath()).isEqualTo("/me/drive/root:/Shared/Invoices/2026%20Q1:/children");
    assertThat(request.query()).containsEntry("$top", "2");
    assertThat(request.header("Authorization")).isEqualTo("Bearer " + TOKEN);
    assertThat(result.items())
        .containsExactly(
            new StorageItem("jan.pdf", "2026 Q1/jan.pdf", false, 2048L, "2026-01-31T08:00:00Z"),
            new StorageItem("old", "2026 Q1/old", true, null, "2026-01-01T08:00:00Z"));
    assertThat(result.truncated()).isTrue();
  }

  @Test
  void uploadsASmallFileWithOnePutOfItsContent() {
    graph.respond(Reply.json(201, "{\"id\":\"01ABC\",\"name\":\"a.txt\"}"));

    StorageResult result =
        fixture.run(Map.of("operation", "upload", "path", "2026/a.txt", "content", "hello graph"));

    RecordedRequest request = graph.lastRequest();
    assertThat(request.method()).isEqualTo("PUT");
    assertThat(request.rawPath()).isEqualTo("/me/drive/root:/Shared/Invoices/2026/a.txt:/content");
    assertThat(request.header("Content-Type")).isEqualTo("text/plain");
    assertThat(request.header("Authorization")).isEqualTo("Bearer " + TOKEN);
    assertThat(request.body()).isEqualTo("hello graph");
    assertThat(result.path()).isEqualTo("2026/a.txt");
  }

  @Test
  void uploadsALargeDocumentInChunksOfAnUploadSessionWithoutTheToken() {
    int size = OneDriveFileStore.CHUNK_SIZE + 100;
    byte[] content = "y".repeat(size).getBytes(StandardCharsets.US_ASCII);
    Map<String, Object> document = WorkerTestContext.document(content, "big.log", "text/plain");
    String session = downloads.baseUrl() + "/up/session-1?tempauth=opaque";
    graph.respond(
        Reply.json(
            200,
            "{\"uploadUrl\":\"" + session + "\",\"expirationDateTime\":\"2026-11-26T00:00:00Z\"}"));
    downloads.respond(
        request ->
            request.header("Content-Range").endsWith((size - 1) + "/" + size)
                ? Reply.json(201, "{\"id\":\"01BIG\"}")
                : Reply.json(202, "{\"nextExpectedRanges\":[\"x-\"]}"));

    fixture.run(Map.of("operation", "upload", "path", "big.log", "document", document));

    RecordedRequest start = graph.lastRequest();
    assertThat(start.method()).isEqualTo("POST");
    assertThat(start.rawPath())
        .isEqualTo("/me/drive/root:/Shared/Invoices/big.log:/createUploadSession");
    assertThat(start.body())
        .isEqualTo("{\"item\":{\"@microsoft.graph.conflictBehavior\":\"replace\"}}");
    assertThat(downloads.requests())
        .extracting(r -> r.method() + " " + r.header("Content-Range"))
        .containsExactly(
            "PUT bytes 0-" + (OneDriveFileStore.CHUNK_SIZE - 1) + "/" + size,
            "PUT bytes " + OneDriveFileStore.CHUNK_SIZE + "-" + (size - 1) + "/" + size);
    assertThat(downloads.requests())
        .allSatisfy(r -> assertThat(r.header("Authorization")).isNull());
    assertThat(downloads.requests().get(1).body()).isEqualTo("y".repeat(100));
  }

  @Test
  void aDownloadFollowsTheRedirectWithoutTheToken() {
    graph.respond(
        new Reply(302, Map.of("Location", downloads.baseUrl() + "/dl/abc?tempauth=xyz"), ""));
    downloads.respond(new Reply(200, Map.of("Content-Type", "application/pdf"), "%PDF-1.7 body"));

    StorageResult result = fixture.run(Map.of("operation", "download", "path", "2026/jan.pdf"));

    assertThat(graph.lastRequest().rawPath())
        .isEqualTo("/me/drive/root:/Shared/Invoices/2026/jan.pdf:/content");
    assertThat(downloads.lastRequest().rawPath()).isEqualTo("/dl/abc");
    assertThat(downloads.lastRequest().header("Authorization")).isNull();
    assertThat(new String(result.document().asByteArray(), StandardCharsets.UTF_8))
        .isEqualTo("%PDF-1.7 body");
    assertThat(result.document().metadata().getFileName()).isEqualTo("jan.pdf");
    assertThat(result.contentType()).isEqualTo("application/pdf");
  }

  @Test
  void deletesAnItemByPath() {
    graph.respond(new Reply(204, Map.of(), ""));

    fixture.run(Map.of("operation", "delete", "path", "2026/jan.pdf"));

    assertThat(graph.lastRequest().method()).isEqualTo("DELETE");
    assertThat(graph.lastRequest().rawPath())
        .isEqualTo("/me/drive/root:/Shared/Invoices/2026/jan.pdf:");
  }

  @Test
  void aPathThatLeavesTheRootFolderIsRefusedBeforeAnyCall() {
    assertThatThrownBy(
            () -> fixture.run(Map.of("operation", "delete", "path", "2026/../../Private/x")))
        .isInstanceOf(ConnectorInputException.class)
        .hasMessageStartingWith(
            "path: '2026/../../Private/x' must be a plain path below the root folder");
    assertThat(graph.requests()).isEmpty();
  }
}
