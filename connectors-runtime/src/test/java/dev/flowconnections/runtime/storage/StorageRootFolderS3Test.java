package dev.flowconnections.runtime.storage;

import static dev.flowconnections.runtime.storage.StorageTestFixture.ACCESS_KEY_ID;
import static dev.flowconnections.runtime.storage.StorageTestFixture.BUCKET;
import static dev.flowconnections.runtime.storage.StorageTestFixture.SECRET_ACCESS_KEY;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.flowconnections.runtime.testsupport.FakeS3Server;
import io.camunda.connector.api.error.ConnectorException;
import io.camunda.connector.api.error.ConnectorInputException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The modeller's rootFolder confines a File Manager task on S3 (the signature-verifying stand-in):
 * every key is below {@code root/}, paths that could leave it are incidents before any request, and
 * listings show only what is inside, relative to it. The attacks come first.
 */
@Tag("fast")
class StorageRootFolderS3Test {

  private static final String ROOT = "tools/agent";

  private final FakeS3Server s3 =
      FakeS3Server.start(ACCESS_KEY_ID, SECRET_ACCESS_KEY).createBucket(BUCKET);
  private final StorageTestFixture fixture =
      new StorageTestFixture().s3(s3.endpoint(), SECRET_ACCESS_KEY);

  @AfterEach
  void stop() {
    s3.close();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "..",
        "../agent-evil/secret.txt",
        "sub/../../agent-evil/secret.txt",
        "./a.txt",
        "sub/.",
        "...",
        ".. /secret.txt",
        "%2e%2e/agent-evil/secret.txt",
        "%2E%2E%2Fagent-evil",
        "..%2fagent-evil",
        "a%00.txt",
        "..\\agent-evil\\secret.txt",
        "sub\\..\\..\\secret.txt",
        "//agent-evil/secret.txt",
        "sub//a.txt",
        "/",
        "．．/agent-evil/secret.txt",
        "\u2025/agent-evil/secret.txt",
        "sub/\u0000/a.txt",
        "sub/a\r\nb.txt"
      })
  void aPathThatCouldLeaveTheRootIsRefusedForEveryOperationBeforeAnyRequest(String path) {
    for (String operation : new String[] {"download", "delete", "upload", "list"}) {
      if (operation.equals("list") && path.equals("/")) {
        continue; // the root itself: listing it is what list is for
      }
      Map<String, Object> task = new HashMap<>(Map.of("operation", operation, "path", path));
      if (operation.equals("upload")) {
        task.put("content", "overwritten");
      }

      assertThatThrownBy(() -> run(task))
          .as(operation + " '" + path + "'")
          .isInstanceOf(ConnectorInputException.class)
          .hasMessageStartingWith("path: ");
    }
    assertThat(s3.requestLog()).as("nothing touched").isEmpty();
  }

  @Test
  void aPrefixSiblingOfTheRootIsNeitherListedNorReachable() {
    put("tools/agent/a.txt", "inside");
    put("tools/agent-evil/secret.txt", "sibling");
    put("tools/agentsecret.txt", "sibling file");
    put("other/x.txt", "outside");

    StorageResult listed = run(Map.of("operation", "list"));

    assertThat(listed.items()).extracting(StorageItem::path).containsExactly("a.txt");
    assertThatThrownBy(() -> run(Map.of("operation", "download", "path", "-evil/secret.txt")))
        .isInstanceOfSatisfying(
            ConnectorException.class, e -> assertThat(e.getErrorCode()).isEqualTo("NOT_FOUND"));
    assertThatThrownBy(() -> run(Map.of("operation", "download", "path", "secret.txt")))
        .isInstanceOfSatisfying(
            ConnectorException.class, e -> assertThat(e.getErrorCode()).isEqualTo("NOT_FOUND"));
  }

  @Test
  void listingsAreRelativeToTheRootAndNeverNameAnythingOutside() {
    put("tools/agent/", "");
    put("tools/agent/a.txt", "a");
    put("tools/agent/sub/b.txt", "b");
    put("tools/other.txt", "outside");
    put("secrets/key.pem", "outside");

    StorageResult all = run(Map.of("operation", "list"));
    StorageResult sub = run(Map.of("operation", "list", "path", "sub/"));

    assertThat(all.path()).isEmpty();
    assertThat(all.items())
        .extracting(StorageItem::path)
        .as("the root's own folder marker is not an entry")
        .containsExactly("a.txt", "sub/b.txt");
    assertThat(all.items()).extracting(StorageItem::name).containsExactly("a.txt", "b.txt");
    assertThat(sub.path()).isEqualTo("sub/");
    assertThat(sub.items()).extracting(StorageItem::path).containsExactly("sub/b.txt");
  }

  @Test
  void uploadDownloadAndDeleteWorkBelowTheRootWithRelativePaths() {
    StorageResult uploaded =
        run(Map.of("operation", "upload", "path", "reports/q4.txt", "content", "Umsatz"));
    StorageResult leadingSlash =
        run(Map.of("operation", "upload", "path", "/top.txt", "content", "top"));

    assertThat(uploaded.path()).isEqualTo("reports/q4.txt");
    assertThat(leadingSlash.path())
        .as("a leading slash is the root's, not the bucket's")
        .isEqualTo("top.txt");
    assertThat(s3.object(BUCKET, "tools/agent/reports/q4.txt")).isPresent();
    assertThat(s3.object(BUCKET, "tools/agent/top.txt")).isPresent();
    assertThat(s3.object(BUCKET, "reports/q4.txt")).isEmpty();

    StorageResult text =
        run(Map.of("operation", "download", "path", "reports/q4.txt", "downloadAs", "text"));
    assertThat(text.content()).isEqualTo("Umsatz");
    assertThat(text.path()).isEqualTo("reports/q4.txt");

    StorageResult deleted = run(Map.of("operation", "delete", "path", "reports/q4.txt"));
    assertThat(deleted.path()).isEqualTo("reports/q4.txt");
    assertThat(s3.object(BUCKET, "tools/agent/reports/q4.txt")).isEmpty();
    assertThat(s3.object(BUCKET, "tools/agent/top.txt")).isPresent();
  }

  @ParameterizedTest
  @ValueSource(strings = {"/", "  ", "../tools", "tools/../secrets", "tools\\agent", "a//b"})
  void anUnusableRootFolderIsAnIncidentNamingIt(String root) {
    if (root.isBlank()) {
      // blank is "not set": no confinement, as the template leaves it out when empty
      put("x.txt", "x");
      assertThat(fixture.run(Map.of("operation", "list", "rootFolder", root)).items())
          .extracting(StorageItem::path)
          .containsExactly("x.txt");
      return;
    }
    assertThatThrownBy(() -> fixture.run(Map.of("operation", "list", "rootFolder", root)))
        .isInstanceOf(ConnectorInputException.class)
        .hasMessageStartingWith("rootFolder: ");
    assertThat(s3.requestLog()).isEmpty();
  }

  @Test
  void theRootFolderMayBeWrittenWithSlashes() {
    put("tools/agent/a.txt", "a");

    assertThat(fixture.run(Map.of("operation", "list", "rootFolder", "/tools/agent/")).items())
        .extracting(StorageItem::path)
        .containsExactly("a.txt");
  }

  private StorageResult run(Map<String, ?> task) {
    Map<String, Object> withRoot = new HashMap<>(task);
    withRoot.put("rootFolder", ROOT);
    return fixture.run(withRoot);
  }

  private void put(String key, String content) {
    s3.put(BUCKET, key, content.getBytes(StandardCharsets.UTF_8), "text/plain");
  }
}
