package dev.flowconnections.runtime.storage;

import static dev.flowconnections.runtime.storage.StorageTestFixture.TOKEN;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.flowconnections.runtime.testsupport.RecordingHttpServer;
import dev.flowconnections.runtime.testsupport.RecordingHttpServer.RecordedRequest;
import dev.flowconnections.runtime.testsupport.RecordingHttpServer.Reply;
import dev.flowconnections.runtime.testsupport.WorkerTestContext;
import io.camunda.connector.api.error.ConnectorException;
import io.camunda.connector.api.error.ConnectorInputException;
import io.camunda.connector.api.error.ConnectorRetryException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The storage worker against a local server standing in for the Google Drive API v3: the documented
 * requests ({@code files.list}, multipart and resumable {@code files.create} at {@code
 * /upload/drive/v3/files}, {@code files.get?alt=media}, {@code files.delete}) with the bearer
 * token.
 */
@Tag("fast")
class GoogleDriveStorageTest {

  private final RecordingHttpServer drive = RecordingHttpServer.start();
  private final StorageTestFixture fixture =
      new StorageTestFixture()
          .bearer(
              StorageProvider.GOOGLE_DRIVE,
              drive.baseUrl(),
              TOKEN,
              Map.of("bucket", "folderRoot1"));

  @AfterEach
  void stop() {
    drive.close();
  }

  @Test
  void listsTheChildrenOfAFolderNotInTheTrash() {
    drive.respond(
        Reply.json(
            200,
            """
        {"nextPageToken":"p2","files":[
          {"id":"f1","name":"a.pdf","mimeType":"application/pdf","size":"1234","modifiedTime":"2026-11-20T10:00:00.000Z"},
          {"id":"d1","name":"archive","mimeType":"application/vnd.google-apps.folder"}]}"""));

    StorageResult result =
        fixture.run(Map.of("operation", "list", "path", "folderX_9", "maxResults", 2));

    RecordedRequest request = drive.lastRequest();
    assertThat(request.method()).isEqualTo("GET");
    assertThat(request.rawPath()).isEqualTo("/drive/v3/files");
    assertThat(request.query())
        .containsEntry("q", "'folderX_9' in parents and trashed = false")
        .containsEntry("pageSize", "2")
        .containsEntry("fields", "nextPageToken,files(id,name,mimeType,size,modifiedTime)");
    assertThat(request.header("Authorization")).isEqualTo("Bearer " + TOKEN);
    assertThat(result.items())
        .containsExactly(
            new StorageItem("a.pdf", "f1", false, 1234L, "2026-11-20T10:00:00.000Z"),
            new StorageItem("archive", "d1", true, null, null));
    assertThat(result.truncated()).isTrue();
  }

  @Test
  void anEmptyPathListsTheIntegrationsRootFolder() {
    drive.respond(Reply.json(200, "{\"files\":[]}"));

    StorageResult result = fixture.run(Map.of("operation", "list"));

    assertThat(drive.lastRequest().query())
        .containsEntry("q", "'folderRoot1' in parents and trashed = false");
    assertThat(result.truncated()).isFalse();
  }

  @Test
  void uploadsASmallFileAsOneMultipartRelatedRequest() {
    drive.respond(
        Reply.json(200, "{\"id\":\"new-file-7\",\"name\":\"notes.txt\",\"size\":\"11\"}"));

    StorageResult result =
        fixture.run(
            Map.of("operation", "upload", "path", "folderX_9/notes.txt", "content", "hello drive"));

    assertThat(result.path()).isEqualTo("new-file-7");
    RecordedRequest request = drive.lastRequest();
    assertThat(request.method()).isEqualTo("POST");
    assertThat(request.rawPath()).isEqualTo("/upload/drive/v3/files");
    assertThat(request.query()).containsEntry("uploadType", "multipart");
    assertThat(request.header("Authorization")).isEqualTo("Bearer " + TOKEN);
    String contentType = request.header("Content-Type");
    assertThat(contentType).startsWith("multipart/related; boundary=");
    String boundary = contentType.substring(contentType.indexOf('=') + 1);
    assertThat(request.body())
        .isEqualTo(
            "--"
                + boundary
                + "\r\nContent-Type: application/json; charset=UTF-8\r\n\r\n"
                + "{\"name\":\"notes.txt\",\"parents\":[\"folderX_9\"]}\r\n--"
                + boundary
                + "\r\nContent-Type: text/plain\r\n\r\n"
                + "hello drive\r\n--"
                + boundary
                + "--\r\n");
  }

  @Test
  void uploadsALargeDocumentThroughAResumableSession() {
    String content = "x".repeat((int) GoogleDriveFileStore.MULTIPART_LIMIT + 1);
    Map<String, Object> document =
        WorkerTestContext.document(
            content.getBytes(StandardCharsets.US_ASCII), "big.csv", "text/csv");
    drive.respond(
        request ->
            request.method().equals("POST")
                ? new Reply(
                    200,
                    Map.of(
                        "Location",
                        drive.baseUrl()
                            + "/upload/drive/v3/files?uploadType=resumable&upload_id=u1"),
                    "")
                : Reply.json(200, "{\"id\":\"big-file-1\"}"));

    StorageResult result =
        fixture.run(Map.of("operation", "upload", "path", "big.csv", "document", document));

    assertThat(result.path()).isEqualTo("big-file-1");
    assertThat(drive.requests()).hasSize(2);
    RecordedRequest start = drive.requests().get(0);
    assertThat(start.query()).containsEntry("uploadType", "resumable");
    assertThat(start.header("X-Upload-Content-Type")).isEqualTo("text/csv");
    assertThat(start.header("X-Upload-Content-Length")).isEqualTo(String.valueOf(content.length()));
    assertThat(start.body()).isEqualTo("{\"name\":\"big.csv\",\"parents\":[\"folderRoot1\"]}");
    RecordedRequest put = drive.requests().get(1);
    assertThat(put.method()).isEqualTo("PUT");
    assertThat(put.query()).containsEntry("upload_id", "u1");
    assertThat(put.header("Content-Length")).isEqualTo(String.valueOf(content.length()));
    assertThat(put.header("Authorization"))
        .as("the session is on the API's own host")
        .isEqualTo("Bearer " + TOKEN);
    assertThat(put.body()).isEqualTo(content);
  }

  @Test
  void downloadsTheMediaOfAFileIdAsADocumentNamedLikeTheFile() {
    drive.respond(
        request ->
            "media".equals(request.query().get("alt"))
                ? new Reply(200, Map.of("Content-Type", "text/plain"), "file body")
                : Reply.json(
                    200,
                    "{\"id\":\"f1\",\"name\":\"report.txt\",\"mimeType\":\"text/plain\",\"size\":\"9\"}"));

    StorageResult result = fixture.run(Map.of("operation", "download", "path", "f1"));

    assertThat(drive.requests())
        .extracting(r -> r.method() + " " + r.rawPath() + "?" + r.rawQuery())
        .containsExactly(
            "GET /drive/v3/files/f1?fields=id,name,mimeType,size",
            "GET /drive/v3/files/f1?alt=media");
    assertThat(drive.requests())
        .allSatisfy(r -> assertThat(r.header("Authorization")).isEqualTo("Bearer " + TOKEN));
    assertThat(new String(result.document().asByteArray(), StandardCharsets.UTF_8))
        .isEqualTo("file body");
    assertThat(result.document().metadata().getFileName()).isEqualTo("report.txt");
    assertThat(result.contentType()).isEqualTo("text/plain");
  }

  @Test
  void deletesAFileById() {
    drive.respond(new Reply(204, Map.of(), ""));

    StorageResult result = fixture.run(Map.of("operation", "delete", "path", "f1"));

    assertThat(drive.lastRequest().method()).isEqualTo("DELETE");
    assertThat(drive.lastRequest().rawPath()).isEqualTo("/drive/v3/files/f1");
    assertThat(result.deleted()).isTrue();
  }

  @Test
  void aFailingProviderIsRetriedWithTheJobsOwnBackoffWithoutRetryAfter() {
    drive.respond(Reply.json(500, "{\"error\":{\"code\":500,\"message\":\"Backend Error\"}}"));

    assertThatThrownBy(() -> fixture.run(Map.of("operation", "list")))
        .isInstanceOfSatisfying(
            ConnectorRetryException.class,
            e -> {
              assertThat(e.getErrorCode()).isEqualTo("500");
              assertThat(e.getBackoffDuration()).isNull();
            })
        .hasMessageContaining("answered listing")
        .hasMessageEndingWith("with HTTP 500: Backend Error");
  }

  @Test
  void aRefusedTokenIsAnIncidentAtOnceAndAMissingFileIsCodedNotFound() {
    drive.respond(
        Reply.json(
            401,
            "{\"error\":{\"code\":401,\"message\":\"Request had invalid authentication credentials.\"}}"));
    assertThatThrownBy(() -> fixture.run(Map.of("operation", "list")))
        .isInstanceOf(ConnectorInputException.class)
        .hasMessage(
            "Google Drive rejected the credentials of connection 'team-files' in DEVELOPMENT"
                + " (HTTP 401: Request had invalid authentication credentials.)");

    drive.respond(
        Reply.json(404, "{\"error\":{\"code\":404,\"message\":\"File not found: f9.\"}}"));
    assertThatThrownBy(() -> fixture.run(Map.of("operation", "delete", "path", "f9")))
        .isInstanceOfSatisfying(
            ConnectorException.class, e -> assertThat(e.getErrorCode()).isEqualTo("NOT_FOUND"))
        .hasMessage(
            "Google Drive found nothing for deleting file 'f9' (HTTP 404: File not found: f9.)");
  }

  @Test
  void anIdThatCouldReachAnotherEndpointIsRefusedBeforeAnyCall() {
    assertThatThrownBy(() -> fixture.run(Map.of("operation", "download", "path", "../about")))
        .isInstanceOf(ConnectorInputException.class)
        .hasMessageStartingWith("path: '../about' is not a file or folder id");
    assertThat(drive.requests()).isEmpty();
  }
}
