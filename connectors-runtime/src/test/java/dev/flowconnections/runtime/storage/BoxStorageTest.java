package dev.flowconnections.runtime.storage;

import static dev.flowconnections.runtime.storage.StorageTestFixture.TOKEN;
import static org.assertj.core.api.Assertions.assertThat;

import dev.flowconnections.runtime.testsupport.RecordingHttpServer;
import dev.flowconnections.runtime.testsupport.RecordingHttpServer.RecordedRequest;
import dev.flowconnections.runtime.testsupport.RecordingHttpServer.Reply;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The storage worker against a local server standing in for Box (API and upload host behind one
 * base URL override): folder items, the multipart upload with attributes before the file, content
 * downloads through Box's redirect (followed without the token), deletes.
 */
@Tag("fast")
class BoxStorageTest {

  private final RecordingHttpServer box = RecordingHttpServer.start();
  private final RecordingHttpServer boxCloud = RecordingHttpServer.start();
  private final StorageTestFixture fixture =
      new StorageTestFixture().bearer(StorageProvider.BOX, box.baseUrl(), TOKEN, Map.of());

  @AfterEach
  void stop() {
    box.close();
    boxCloud.close();
  }

  @Test
  void listsTheItemsOfTheUsersRootFolderByDefault() {
    box.respond(
        Reply.json(
            200,
            """
        {"total_count":3,"entries":[
          {"type":"file","id":"12345","name":"contract.pdf","size":629644,"modified_at":"2026-11-20T10:00:00-08:00"},
          {"type":"folder","id":"111","name":"Archive","modified_at":"2026-10-01T10:00:00-08:00"}]}"""));

    StorageResult result = fixture.run(Map.of("operation", "list", "maxResults", 2));

    RecordedRequest request = box.lastRequest();
    assertThat(request.method()).isEqualTo("GET");
    assertThat(request.rawPath()).isEqualTo("/2.0/folders/0/items");
    assertThat(request.query()).containsEntry("limit", "2");
    assertThat(request.header("Authorization")).isEqualTo("Bearer " + TOKEN);
    assertThat(result.items())
        .containsExactly(
            new StorageItem("contract.pdf", "12345", false, 629644L, "2026-11-20T10:00:00-08:00"),
            new StorageItem("Archive", "111", true, null, "2026-10-01T10:00:00-08:00"));
    assertThat(result.truncated()).isTrue();
  }

  @Test
  void uploadsAsMultipartFormWithTheAttributesBeforeTheFile() {
    box.respond(
        Reply.json(
            201,
            "{\"total_count\":1,\"entries\":[{\"type\":\"file\",\"id\":\"98765\",\"name\":\"a.txt\"}]}"));

    StorageResult result =
        fixture.run(
            Map.of("operation", "upload", "path", "111/a \"q\".txt", "content", "hello box"));

    RecordedRequest request = box.lastRequest();
    assertThat(request.method()).isEqualTo("POST");
    assertThat(request.rawPath()).isEqualTo("/api/2.0/files/content");
    assertThat(request.header("Authorization")).isEqualTo("Bearer " + TOKEN);
    String contentType = request.header("Content-Type");
    assertThat(contentType).startsWith("multipart/form-data; boundary=");
    String boundary = contentType.substring(contentType.indexOf('=') + 1);
    assertThat(request.body())
        .isEqualTo(
            "--"
                + boundary
                + "\r\nContent-Disposition: form-data; name=\"attributes\"\r\n\r\n"
                + "{\"name\":\"a \\\"q\\\".txt\",\"parent\":{\"id\":\"111\"}}\r\n--"
                + boundary
                + "\r\n"
                + "Content-Disposition: form-data; name=\"file\"; filename=\"a _q_.txt\"\r\nContent-Type: text/plain\r\n\r\n"
                + "hello box\r\n--"
                + boundary
                + "--\r\n");
    assertThat(result.path()).isEqualTo("98765");
  }

  @Test
  void downloadsThroughBoxsRedirectWithoutTheToken() {
    box.respond(
        request ->
            request.rawPath().endsWith("/content")
                ? new Reply(302, Map.of("Location", boxCloud.baseUrl() + "/d/1/abc/download"), "")
                : Reply.json(
                    200,
                    "{\"type\":\"file\",\"id\":\"12345\",\"name\":\"contract.txt\",\"size\":8}"));
    boxCloud.respond(new Reply(200, Map.of("Content-Type", "text/plain"), "contract"));

    StorageResult result =
        fixture.run(Map.of("operation", "download", "path", "12345", "downloadAs", "text"));

    assertThat(box.requests())
        .extracting(RecordedRequest::rawPath)
        .containsExactly("/2.0/files/12345", "/2.0/files/12345/content");
    assertThat(boxCloud.lastRequest().header("Authorization")).isNull();
    assertThat(result.content()).isEqualTo("contract");
    assertThat(result.size()).isEqualTo("contract".getBytes(StandardCharsets.UTF_8).length);
  }

  @Test
  void deletesAFileById() {
    box.respond(new Reply(204, Map.of(), ""));

    StorageResult result = fixture.run(Map.of("operation", "delete", "path", "12345"));

    assertThat(box.lastRequest().method()).isEqualTo("DELETE");
    assertThat(box.lastRequest().rawPath()).isEqualTo("/2.0/files/12345");
    assertThat(result.deleted()).isTrue();
  }
}
