package dev.flowconnections.runtime.storage;

import static dev.flowconnections.runtime.storage.StorageTestFixture.TOKEN;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.flowconnections.runtime.testsupport.RecordingHttpServer;
import dev.flowconnections.runtime.testsupport.RecordingHttpServer.RecordedRequest;
import dev.flowconnections.runtime.testsupport.RecordingHttpServer.Reply;
import io.camunda.connector.api.error.ConnectorInputException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * rootFolder on the HTTP providers, against local stand-ins. OneDrive is confined by path like S3.
 * Google Drive and Box address files by id: the root is a folder id and every id a task names must
 * lie below it, which the worker asks the provider before it reads, writes or deletes anything
 * (Drive: the parents, level by level; Box: the item's path_collection).
 */
@Tag("fast")
class StorageRootFolderProvidersTest {

  @AutoClose private final RecordingHttpServer server = RecordingHttpServer.start();
  private final StorageTestFixture fixture = new StorageTestFixture();

  // --- Google Drive: myDrive > toolRoot > sub1 > file1; myDrive > other1 > file2

  private static final Map<String, List<String>> DRIVE_PARENTS =
      Map.of(
          "myDrive", List.of(),
          "toolRoot", List.of("myDrive"),
          "sub1", List.of("toolRoot"),
          "file1", List.of("sub1"),
          "other1", List.of("myDrive"),
          "file2", List.of("other1"),
          "loopA", List.of("loopB"),
          "loopB", List.of("loopA"),
          "hostile", List.of("../../toolRoot"));

  private void drive() {
    fixture.bearer(StorageProvider.GOOGLE_DRIVE, server.baseUrl(), TOKEN, Map.of());
    server.respond(
        request -> {
          String path = request.rawPath();
          String query = request.rawQuery() == null ? "" : request.rawQuery();
          if (request.method().equals("DELETE")) {
            return new Reply(204, Map.of(), "");
          }
          if (path.startsWith("/upload/")) {
            return Reply.json(200, "{\"id\":\"new1\",\"name\":\"a.txt\",\"size\":\"1\"}");
          }
          if (path.equals("/drive/v3/files")) {
            return Reply.json(200, "{\"files\":[{\"id\":\"sub1\",\"name\":\"sub\"}]}");
          }
          String id = path.substring("/drive/v3/files/".length());
          if (query.equals("fields=id")) {
            return Reply.json(200, "{\"id\":\"myDrive\"}");
          }
          if (query.equals("fields=parents")) {
            List<String> parents = DRIVE_PARENTS.get(id);
            return parents == null
                ? Reply.json(404, "{\"error\":{\"message\":\"File not found\"}}")
                : Reply.json(
                    200,
                    "{\"parents\":["
                        + String.join(",", parents.stream().map(p -> "\"" + p + "\"").toList())
                        + "]}");
          }
          if (query.equals("alt=media")) {
            return Reply.text(200, "content of " + id);
          }
          return Reply.json(
              200,
              "{\"id\":\"" + id + "\",\"name\":\"" + id + ".txt\",\"mimeType\":\"text/plain\"}");
        });
  }

  @Test
  void driveRefusesAFileOutsideTheRootWithoutReadingOrDeletingIt() {
    drive();

    for (String operation : List.of("download", "delete")) {
      assertThatThrownBy(() -> run("toolRoot", Map.of("operation", operation, "path", "file2")))
          .isInstanceOf(ConnectorInputException.class)
          .hasMessage("path: 'file2' is not inside the task's root folder (rootFolder)");
    }

    assertThat(server.requests())
        .as("only the parents were read")
        .allSatisfy(request -> assertThat(request.rawQuery()).isEqualTo("fields=parents"));
  }

  @Test
  void driveReadsAndDeletesAFileAnyLevelBelowTheRoot() {
    drive();

    StorageResult text =
        run("toolRoot", Map.of("operation", "download", "path", "file1", "downloadAs", "text"));
    StorageResult deleted = run("toolRoot", Map.of("operation", "delete", "path", "file1"));

    assertThat(text.content()).isEqualTo("content of file1");
    assertThat(deleted.deleted()).isTrue();
    assertThat(server.requests())
        .extracting(r -> r.method() + " " + r.rawPath() + "?" + r.rawQuery())
        .containsExactly(
            "GET /drive/v3/files/file1?fields=parents",
            "GET /drive/v3/files/sub1?fields=parents",
            "GET /drive/v3/files/file1?fields=id,name,mimeType,size",
            "GET /drive/v3/files/file1?alt=media",
            "GET /drive/v3/files/file1?fields=parents",
            "GET /drive/v3/files/sub1?fields=parents",
            "DELETE /drive/v3/files/file1?null");
  }

  @Test
  void driveNeverDeletesOrReadsTheRootFolderItself() {
    drive();

    assertThatThrownBy(() -> run("toolRoot", Map.of("operation", "delete", "path", "toolRoot")))
        .isInstanceOf(ConnectorInputException.class)
        .hasMessageContaining("is the root folder itself");
    assertThat(server.requests()).isEmpty();
  }

  @Test
  void driveListsTheRootOrAFolderBelowItOnly() {
    drive();

    StorageResult root = run("toolRoot", Map.of("operation", "list"));
    StorageResult sub = run("toolRoot", Map.of("operation", "list", "path", "sub1"));
    server.reset();
    assertThatThrownBy(() -> run("toolRoot", Map.of("operation", "list", "path", "other1")))
        .isInstanceOf(ConnectorInputException.class)
        .hasMessageContaining("'other1' is not inside");

    assertThat(root.items()).extracting(StorageItem::path).containsExactly("sub1");
    assertThat(sub.path()).isEqualTo("sub1");
    assertThat(server.requests())
        .extracting(RecordedRequest::rawPath)
        .doesNotContain("/drive/v3/files");
  }

  @Test
  void driveUploadsIntoTheRootOrAFolderBelowItOnly() {
    drive();

    run("toolRoot", Map.of("operation", "upload", "path", "a.txt", "content", "x"));
    assertThat(server.lastRequest().body()).contains("\"parents\":[\"toolRoot\"]");
    run("toolRoot", Map.of("operation", "upload", "path", "sub1/a.txt", "content", "x"));
    assertThat(server.lastRequest().body()).contains("\"parents\":[\"sub1\"]");
    server.reset();

    assertThatThrownBy(
            () ->
                run(
                    "toolRoot",
                    Map.of("operation", "upload", "path", "other1/a.txt", "content", "x")))
        .isInstanceOf(ConnectorInputException.class)
        .hasMessageContaining("'other1' is not inside");
    assertThat(server.requests())
        .extracting(RecordedRequest::rawPath)
        .noneMatch(path -> path.startsWith("/upload/"));
  }

  @Test
  void driveFollowsNoLoopForeverAndNoParentIdThatIsNotAnId() {
    drive();

    assertThatThrownBy(() -> run("toolRoot", Map.of("operation", "download", "path", "loopA")))
        .isInstanceOf(ConnectorInputException.class)
        .hasMessageContaining("is not inside");
    assertThat(server.requests()).hasSize(GoogleDriveFileStore.MAX_DEPTH);
    server.reset();

    assertThatThrownBy(() -> run("toolRoot", Map.of("operation", "delete", "path", "hostile")))
        .isInstanceOf(ConnectorInputException.class)
        .hasMessageContaining("is not inside");
    assertThat(server.requests()).hasSize(1);
  }

  @Test
  void driveResolvesMyDrivesRootAlias() {
    drive();

    StorageResult text =
        run("root", Map.of("operation", "download", "path", "file2", "downloadAs", "text"));

    assertThat(text.content()).isEqualTo("content of file2");
    assertThat(server.requests().getFirst().rawPath()).isEqualTo("/drive/v3/files/root");
  }

  @Test
  void idsThatAreNotIdsAreRefusedBeforeAnyRequest() {
    drive();

    for (String path : List.of("../file2", "file2%2f..", "sub1/../other1/a.txt", "a\\b")) {
      assertThatThrownBy(() -> run("toolRoot", Map.of("operation", "download", "path", path)))
          .isInstanceOf(ConnectorInputException.class)
          .hasMessageStartingWith("path: ");
    }
    assertThatThrownBy(() -> run("../toolRoot", Map.of("operation", "list")))
        .isInstanceOf(ConnectorInputException.class)
        .hasMessageStartingWith("rootFolder: ");
    assertThat(server.requests()).isEmpty();
  }

  // --- Box: 0 > 111 (the root) > 222 > file 333; 0 > 999 > file 444

  private void box() {
    fixture.bearer(StorageProvider.BOX, server.baseUrl(), TOKEN, Map.of());
    Map<String, String> ancestors =
        Map.of(
            "/2.0/files/333", "0,111,222",
            "/2.0/folders/222", "0,111",
            "/2.0/files/444", "0,999",
            "/2.0/folders/999", "0");
    server.respond(
        request -> {
          String path = request.rawPath();
          if (request.method().equals("DELETE")) {
            return new Reply(204, Map.of(), "");
          }
          if ("fields=id,path_collection".equals(request.rawQuery())) {
            String entries =
                String.join(
                    ",",
                    List.of(ancestors.get(path).split(",")).stream()
                        .map(id -> "{\"type\":\"folder\",\"id\":\"" + id + "\"}")
                        .toList());
            return Reply.json(200, "{\"path_collection\":{\"entries\":[" + entries + "]}}");
          }
          if (path.endsWith("/content")) {
            return Reply.text(200, "box content");
          }
          return Reply.json(200, "{\"type\":\"file\",\"id\":\"333\",\"name\":\"a.txt\"}");
        });
  }

  @Test
  void boxChecksAFilesAncestorsBeforeReadingOrDeletingIt() {
    box();

    StorageResult text =
        run("111", Map.of("operation", "download", "path", "333", "downloadAs", "text"));
    assertThat(text.content()).isEqualTo("box content");
    server.reset();

    for (String operation : List.of("download", "delete")) {
      assertThatThrownBy(() -> run("111", Map.of("operation", operation, "path", "444")))
          .isInstanceOf(ConnectorInputException.class)
          .hasMessage("path: '444' is not inside the task's root folder (rootFolder)");
    }
    assertThat(server.requests())
        .extracting(r -> r.method() + " " + r.rawPath())
        .containsExactly("GET /2.0/files/444", "GET /2.0/files/444");
  }

  @Test
  void boxListsAndUploadsOnlyIntoFoldersBelowTheRoot() {
    box();

    run("111", Map.of("operation", "list", "path", "222"));
    assertThat(server.lastRequest().rawPath()).isEqualTo("/2.0/folders/222/items");
    server.reset();

    assertThatThrownBy(() -> run("111", Map.of("operation", "list", "path", "999")))
        .isInstanceOf(ConnectorInputException.class)
        .hasMessageContaining("'999' is not inside");
    assertThatThrownBy(
            () -> run("111", Map.of("operation", "upload", "path", "999/a.txt", "content", "x")))
        .isInstanceOf(ConnectorInputException.class)
        .hasMessageContaining("'999' is not inside");
    assertThat(server.requests())
        .extracting(r -> r.method() + " " + r.rawPath())
        .containsExactly("GET /2.0/folders/999", "GET /2.0/folders/999");
  }

  // --- OneDrive: by path, below the integration's root folder

  @Test
  void oneDriveAddressesEverythingBelowTheRootAndListsRelativeToIt() {
    fixture.bearer(StorageProvider.ONEDRIVE, server.baseUrl(), TOKEN, Map.of("bucket", "/Shared/"));
    server.respond(
        request ->
            request.rawPath().endsWith(":/children")
                ? Reply.json(
                    200,
                    "{\"value\":[{\"name\":\"a.txt\",\"size\":1,\"file\":{}},"
                        + "{\"name\":\"old\",\"folder\":{}}]}")
                : Reply.json(200, "{\"id\":\"x\"}"));

    StorageResult listed = run("team/inbox", Map.of("operation", "list"));
    String listPath = server.lastRequest().rawPath();
    StorageResult uploaded =
        run("team/inbox", Map.of("operation", "upload", "path", "/old/a.txt", "content", "x"));

    assertThat(listPath).isEqualTo("/me/drive/root:/Shared/team/inbox:/children");
    assertThat(listed.items()).extracting(StorageItem::path).containsExactly("a.txt", "old");
    assertThat(server.lastRequest().rawPath())
        .isEqualTo("/me/drive/root:/Shared/team/inbox/old/a.txt:/content");
    assertThat(uploaded.path()).isEqualTo("old/a.txt");
    server.reset();

    for (String path : List.of("../secret.txt", "%2e%2e/secret.txt", "..\\secret.txt", "a//b")) {
      assertThatThrownBy(() -> run("team/inbox", Map.of("operation", "download", "path", path)))
          .isInstanceOf(ConnectorInputException.class)
          .hasMessageStartingWith("path: ");
    }
    assertThat(server.requests()).isEmpty();
  }

  private StorageResult run(String rootFolder, Map<String, ?> task) {
    Map<String, Object> withRoot = new HashMap<>(task);
    withRoot.put("rootFolder", rootFolder);
    return fixture.run(withRoot);
  }
}
