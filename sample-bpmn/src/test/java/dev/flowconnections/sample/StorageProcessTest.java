package dev.flowconnections.sample;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flowconnections.connection.ConnectionView;
import dev.flowconnections.environment.Environment;
import dev.flowconnections.fields.FieldCatalog;
import dev.flowconnections.integration.AuthScheme;
import dev.flowconnections.integration.IntegrationType;
import dev.flowconnections.runtime.testsupport.FakeS3Server;
import dev.flowconnections.sample.support.ProcessTestRuntime;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * {@code bpmn/storage-connection-example.bpmn} in a DEVELOPMENT runtime: uploads a text to an S3
 * bucket and downloads it again, through an in-test S3-compatible server that verifies each
 * request's SigV4 signature with the DEVELOPMENT key pair only.
 */
class StorageProcessTest extends ExampleProcessTestBase {

  static final ProcessTestRuntime RUNTIME = ProcessTestRuntime.start(Environment.DEVELOPMENT);
  static final String ACCESS_KEY_ID = "AKIAE2EDEVELOPMENT01";
  static final String DEV_SECRET = "e2e-dev-s3-secret-key/0123456789abcdefgh";
  static final String PROD_SECRET = "e2e-prod-s3-secret-key/0123456789abcdefg";
  static final String BUCKET = "e2e-files";
  static final FakeS3Server S3 = startS3();

  private static FakeS3Server startS3() {
    FakeS3Server s3 = FakeS3Server.start(ACCESS_KEY_ID, DEV_SECRET).createBucket(BUCKET);
    Runtime.getRuntime().addShutdownHook(new Thread(s3::close));
    return s3;
  }

  @DynamicPropertySource
  static void properties(DynamicPropertyRegistry registry) {
    RUNTIME.register(registry);
  }

  StorageProcessTest() {
    super(RUNTIME, "storage-connection-example");
  }

  @Test
  void uploadsTheTextWithTheDevelopmentKeyAndReadsItBack() {
    ConnectionView connection = s3Connection();
    connections.credentials(
        connection,
        Environment.DEVELOPMENT,
        Map.of("accessKeyId", ACCESS_KEY_ID, "secretAccessKey", secret(DEV_SECRET)));
    connections.credentials(
        connection,
        Environment.PRODUCTION,
        Map.of("accessKeyId", "AKIAE2EPRODUCTION001", "secretAccessKey", secret(PROD_SECRET)));

    long instance =
        start(
            Map.of(
                "connection",
                keyOf(connection),
                "path",
                "e2e/greeting.txt",
                "content",
                "Grüße aus dem Prozess"));

    records.awaitCompleted(instance);
    assertThat(S3.object(BUCKET, "e2e/greeting.txt"))
        .hasValueSatisfying(
            object ->
                assertThat(new String(object.content(), StandardCharsets.UTF_8))
                    .isEqualTo("Grüße aus dem Prozess"));
    assertThat(records.variables(instance))
        .containsEntry("storedPath", "\"e2e/greeting.txt\"")
        .containsEntry("downloadedText", "\"Grüße aus dem Prozess\"")
        .containsEntry("downloadedType", "\"text/plain\"");
    assertThat(S3.everythingReceived()).doesNotContain(DEV_SECRET).doesNotContain(PROD_SECRET);
  }

  @Test
  void withoutDevelopmentCredentialsTheJobIsAnIncidentAndProductionsKeyIsNeverUsed() {
    ConnectionView connection = s3Connection();
    connections.credentials(
        connection,
        Environment.PRODUCTION,
        Map.of("accessKeyId", "AKIAE2EPRODUCTION002", "secretAccessKey", secret(PROD_SECRET)));
    int before = S3.requestLog().size();

    long instance =
        start(Map.of("connection", keyOf(connection), "path", "e2e/never.txt", "content", "x"));

    assertThat(records.awaitIncident(instance)).contains(keyOf(connection)).contains("DEVELOPMENT");
    assertThat(S3.requestLog()).hasSize(before);
    assertThat(S3.object(BUCKET, "e2e/never.txt")).isEmpty();
  }

  private ConnectionView s3Connection() {
    return connections.connection(
        IntegrationType.STORAGE,
        AuthScheme.NONE,
        Map.of(
            "provider",
            "AMAZON_S3",
            FieldCatalog.BASE_URL,
            S3.endpoint(),
            "region",
            "eu-central-1",
            "bucket",
            BUCKET,
            "pathStyleAccess",
            true));
  }
}
