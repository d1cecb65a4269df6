package dev.flowconnections.runtime.storage;

import static dev.flowconnections.runtime.storage.StorageTestFixture.ACCESS_KEY_ID;
import static dev.flowconnections.runtime.storage.StorageTestFixture.BUCKET;
import static dev.flowconnections.runtime.storage.StorageTestFixture.SECRET_ACCESS_KEY;
import static dev.flowconnections.runtime.storage.StorageTestFixture.TOKEN;
import static org.assertj.core.api.Assertions.assertThat;

import dev.flowconnections.integration.AuthScheme;
import dev.flowconnections.integration.IntegrationType;
import dev.flowconnections.runtime.connectiontest.TestOutcome;
import dev.flowconnections.runtime.testsupport.FakeS3Server;
import dev.flowconnections.runtime.testsupport.RecordingHttpServer;
import dev.flowconnections.runtime.testsupport.RecordingHttpServer.Reply;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** "Test connection" of Storage connections: one authenticated read-only call per provider. */
@Tag("fast")
class StorageConnectionTesterTest {

  @Test
  void s3ListsOneKeyOfTheBucketWithTheSignedCredentials() {
    try (FakeS3Server s3 =
        FakeS3Server.start(ACCESS_KEY_ID, SECRET_ACCESS_KEY).createBucket(BUCKET)) {
      StorageTestFixture fixture = new StorageTestFixture().s3(s3.endpoint(), SECRET_ACCESS_KEY);

      TestOutcome outcome = fixture.tester().test(fixture.resolver.current());

      assertThat(outcome)
          .isEqualTo(
              TestOutcome.succeeded(
                  "Amazon S3 bucket 'team-files' in eu-central-1 at "
                      + s3.endpoint()
                      + " listed with access key "
                      + ACCESS_KEY_ID));
      assertThat(s3.requestLog()).containsExactly("GET /team-files?list-type=2&max-keys=1 -> 200");
    }
  }

  @Test
  void s3WithAWrongSecretFailsNamingTheReasonNotTheSecret() {
    String wrong = "WRONGsecretKEY/0123456789abcdefghijklmn";
    try (FakeS3Server s3 =
        FakeS3Server.start(ACCESS_KEY_ID, SECRET_ACCESS_KEY).createBucket(BUCKET)) {
      StorageTestFixture fixture = new StorageTestFixture().s3(s3.endpoint(), wrong);

      TestOutcome outcome = fixture.tester().test(fixture.resolver.current());

      assertThat(outcome.ok()).isFalse();
      assertThat(outcome.message())
          .contains("rejected the credentials of connection 'team-files'")
          .contains("SignatureDoesNotMatch")
          .doesNotContain(wrong);
    }
  }

  @Test
  void googleDriveReadsAbout() {
    try (RecordingHttpServer drive = RecordingHttpServer.start()) {
      drive.respond(Reply.json(200, "{\"user\":{\"displayName\":\"Ops Robot\"}}"));
      StorageTestFixture fixture =
          new StorageTestFixture()
              .bearer(StorageProvider.GOOGLE_DRIVE, drive.baseUrl(), TOKEN, Map.of());

      TestOutcome outcome = fixture.tester().test(fixture.resolver.current());

      assertThat(outcome)
          .isEqualTo(TestOutcome.succeeded("Google Drive accepted the token (user Ops Robot)"));
      assertThat(drive.lastRequest().rawPath()).isEqualTo("/drive/v3/about");
      assertThat(drive.lastRequest().header("Authorization")).isEqualTo("Bearer " + TOKEN);
    }
  }

  @Test
  void oneDriveReadsTheUsersDrive() {
    try (RecordingHttpServer graph = RecordingHttpServer.start()) {
      graph.respond(
          Reply.json(
              200,
              "{\"id\":\"b!x\",\"driveType\":\"business\",\"owner\":{\"user\":{\"displayName\":\"Ops\"}}}"));
      StorageTestFixture fixture =
          new StorageTestFixture()
              .bearer(StorageProvider.ONEDRIVE, graph.baseUrl(), TOKEN, Map.of());

      TestOutcome outcome = fixture.tester().test(fixture.resolver.current());

      assertThat(outcome)
          .isEqualTo(TestOutcome.succeeded("OneDrive accepted the token (business of Ops)"));
      assertThat(graph.lastRequest().rawPath()).isEqualTo("/me/drive");
    }
  }

  @Test
  void boxReadsTheCurrentUserAndReportsARefusedToken() {
    try (RecordingHttpServer box = RecordingHttpServer.start()) {
      StorageTestFixture fixture =
          new StorageTestFixture().bearer(StorageProvider.BOX, box.baseUrl(), TOKEN, Map.of());
      box.respond(
          Reply.json(200, "{\"type\":\"user\",\"id\":\"1\",\"login\":\"ops@example.com\"}"));

      assertThat(fixture.tester().test(fixture.resolver.current()))
          .isEqualTo(TestOutcome.succeeded("Box accepted the token (user ops@example.com)"));
      assertThat(box.lastRequest().rawPath()).isEqualTo("/2.0/users/me");

      box.respond(
          Reply.json(401, "{\"type\":\"error\",\"status\":401,\"message\":\"Unauthorized\"}"));
      assertThat(fixture.tester().test(fixture.resolver.current()))
          .isEqualTo(
              TestOutcome.failed(
                  "Box rejected the credentials of connection 'team-files' in DEVELOPMENT (HTTP 401: Unauthorized)"));
    }
  }

  @Test
  void anOAuth2ConnectionWhoseTokenEndpointIsDownFailsWithoutItsSecret() {
    StorageTestFixture fixture = new StorageTestFixture();
    fixture.resolver.connection(
        StorageTestFixture.KEY,
        IntegrationType.STORAGE,
        AuthScheme.OAUTH2,
        Map.of(
            "provider", "ONEDRIVE", "tokenEndpoint", "http://127.0.0.1:1/token", "clientId", "c1"),
        Map.of("clientSecret", "oauth-client-secret-1"));

    TestOutcome outcome = fixture.tester().test(fixture.resolver.current());

    assertThat(outcome.ok()).isFalse();
    assertThat(outcome.message()).contains("team-files").doesNotContain("oauth-client-secret-1");
  }
}
