package dev.flowconnections.runtime.storage;

import static dev.flowconnections.runtime.storage.StorageTestFixture.ACCESS_KEY_ID;
import static dev.flowconnections.runtime.storage.StorageTestFixture.BUCKET;
import static dev.flowconnections.runtime.storage.StorageTestFixture.SECRET_ACCESS_KEY;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.flowconnections.runtime.testsupport.FakeS3Server;
import dev.flowconnections.runtime.testsupport.WorkerTestContext;
import io.camunda.connector.api.error.ConnectorException;
import io.camunda.connector.api.error.ConnectorInputException;
import io.camunda.connector.api.error.ConnectorRetryException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The storage worker against an in-test S3-compatible server that verifies every request's
 * Signature Version 4 with the connection's key pair (path-style addressing, as MinIO and most
 * S3-compatible stores want).
 */
@Tag("fast")
class S3StorageTest {

  private final FakeS3Server s3 =
      FakeS3Server.start(ACCESS_KEY_ID, SECRET_ACCESS_KEY).createBucket(BUCKET);
  private final StorageTestFixture fixture =
      new StorageTestFixture().s3(s3.endpoint(), SECRET_ACCESS_KEY);

  @AfterEach
  void stop() {
    s3.close();
  }

  @Test
  void uploadsATextThenListsItByPrefixDownloadsAndDeletesIt() {
    StorageResult uploaded =
        fixture.run(
            Map.of(
                "operation",
                "upload",
                "path",
                "reports/2026/summary.txt",
                "content",
                "Umsatz: 42 €"));

    assertThat(uploaded)
        .isEqualTo(
            StorageResult.uploaded(
                StorageProvider.AMAZON_S3,
                "reports/2026/summary.txt",
                "Umsatz: 42 €".getBytes(StandardCharsets.UTF_8).length,
                "text/plain"));
    assertThat(s3.object(BUCKET, "reports/2026/summary.txt"))
        .hasValueSatisfying(
            object -> {
              assertThat(new String(object.content(), StandardCharsets.UTF_8))
                  .isEqualTo("Umsatz: 42 €");
              assertThat(object.contentType()).isEqualTo("text/plain");
            });
    s3.put(BUCKET, "other/x.bin", new byte[3], "application/octet-stream");

    StorageResult listed = fixture.run(Map.of("operation", "list", "path", "reports/"));
    assertThat(listed.items())
        .singleElement()
        .satisfies(
            item -> {
              assertThat(item.path()).isEqualTo("reports/2026/summary.txt");
              assertThat(item.name()).isEqualTo("summary.txt");
              assertThat(item.size()).isEqualTo(14);
              assertThat(item.folder()).isFalse();
              assertThat(item.lastModified()).isNotBlank();
            });
    assertThat(listed.truncated()).isFalse();

    StorageResult text =
        fixture.run(
            Map.of(
                "operation", "download", "path", "reports/2026/summary.txt", "downloadAs", "text"));
    assertThat(text.content()).isEqualTo("Umsatz: 42 €");
    assertThat(text.document()).isNull();

    StorageResult deleted =
        fixture.run(Map.of("operation", "delete", "path", "reports/2026/summary.txt"));
    assertThat(deleted.deleted()).isTrue();
    assertThat(s3.object(BUCKET, "reports/2026/summary.txt")).isEmpty();
    assertThat(s3.requestLog()).allSatisfy(line -> assertThat(line).doesNotEndWith("-> 403"));
  }

  @Test
  void aDocumentStreamsUpInSignedChunksAndComesBackAsADocument() {
    byte[] content = new byte[3 * 1024 * 1024 + 17];
    new Random(7).nextBytes(content);
    Map<String, Object> document =
        WorkerTestContext.document(content, "scan.pdf", "application/pdf");

    StorageResult uploaded =
        fixture.run(Map.of("operation", "upload", "path", "/scans/scan.pdf", "document", document));

    assertThat(uploaded.path()).as("keys are relative to the bucket").isEqualTo("scans/scan.pdf");
    assertThat(s3.everythingReceived())
        .as("each chunk signed, over plain HTTP")
        .contains("STREAMING-AWS4-HMAC-SHA256-PAYLOAD");
    assertThat(uploaded.size()).isEqualTo(content.length);
    assertThat(s3.object(BUCKET, "scans/scan.pdf"))
        .hasValueSatisfying(
            object -> {
              assertThat(object.content()).isEqualTo(content);
              assertThat(object.contentType()).isEqualTo("application/pdf");
            });

    StorageResult downloaded =
        fixture.run(Map.of("operation", "download", "path", "scans/scan.pdf"));

    assertThat(downloaded.document().asByteArray()).isEqualTo(content);
    assertThat(downloaded.document().metadata().getFileName()).isEqualTo("scan.pdf");
    assertThat(downloaded.document().metadata().getContentType()).isEqualTo("application/pdf");
    assertThat(downloaded.size()).isEqualTo(content.length);
    assertThat(downloaded.content()).isNull();
  }

  @Test
  void listingStopsAtMaxResultsAndSaysSo() {
    for (int i = 0; i < 5; i++) {
      s3.put(BUCKET, "in/" + i + ".txt", new byte[] {1}, "text/plain");
    }

    StorageResult listed = fixture.run(Map.of("operation", "list", "maxResults", 2));

    assertThat(listed.items())
        .extracting(StorageItem::path)
        .containsExactly("in/0.txt", "in/1.txt");
    assertThat(listed.truncated()).isTrue();
  }

  @Test
  void aWrongSecretKeyIsAnIncidentAtOnceThatNamesTheConnectionButNotTheKey() {
    String wrongSecret = "WRONGsecretKEY/0123456789abcdefghijklmn";
    StorageTestFixture wrong = new StorageTestFixture().s3(s3.endpoint(), wrongSecret);

    assertThatThrownBy(() -> wrong.run(Map.of("operation", "list")))
        .isInstanceOf(ConnectorInputException.class)
        .hasMessage(
            "Amazon S3 bucket 'team-files' in eu-central-1 at "
                + s3.endpoint()
                + " rejected the credentials"
                + " of connection 'team-files' in DEVELOPMENT (SignatureDoesNotMatch: The request signature we calculated"
                + " does not match the signature you provided.)")
        .message()
        .doesNotContain(wrongSecret);
    assertThat(s3.everythingReceived())
        .doesNotContain(wrongSecret)
        .doesNotContain(SECRET_ACCESS_KEY);
  }

  @Test
  void aMissingBucketIsAnIncidentAtOnce() {
    StorageTestFixture missing =
        new StorageTestFixture().s3(s3.endpoint(), "no-such-bucket", SECRET_ACCESS_KEY);

    assertThatThrownBy(() -> missing.run(Map.of("operation", "download", "path", "a.txt")))
        .isInstanceOf(ConnectorInputException.class)
        .hasMessage(
            "Amazon S3 bucket 'no-such-bucket' in eu-central-1 at "
                + s3.endpoint()
                + " does not exist (connection 'team-files' in DEVELOPMENT)");
  }

  @Test
  void aMissingObjectIsCodedNotFoundForAnErrorExpression() {
    assertThatThrownBy(() -> fixture.run(Map.of("operation", "download", "path", "nope.txt")))
        .isInstanceOfSatisfying(
            ConnectorException.class, e -> assertThat(e.getErrorCode()).isEqualTo("NOT_FOUND"))
        .isNotInstanceOf(ConnectorInputException.class)
        .hasMessageContaining(
            "has no object 'nope.txt' (NoSuchKey: The specified key does not exist.)");
  }

  @Test
  void anUnreachableEndpointIsRetried() {
    s3.close();

    assertThatThrownBy(() -> fixture.run(Map.of("operation", "list")))
        .isInstanceOfSatisfying(
            ConnectorRetryException.class,
            e -> assertThat(e.getErrorCode()).isEqualTo("CONNECTION_FAILED"))
        .hasMessageStartingWith(
            "ListObjectsV2 to Amazon S3 bucket 'team-files' in eu-central-1 at "
                + s3.endpoint()
                + " failed: ");
  }
}
