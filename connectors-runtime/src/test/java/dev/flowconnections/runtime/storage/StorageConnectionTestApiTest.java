package dev.flowconnections.runtime.storage;

import static dev.flowconnections.runtime.testsupport.ApiFixtures.createConnection;
import static dev.flowconnections.runtime.testsupport.ApiFixtures.createIntegration;
import static dev.flowconnections.runtime.testsupport.ApiFixtures.credentials;
import static dev.flowconnections.runtime.testsupport.ApiFixtures.tag;
import static org.assertj.core.api.Assertions.assertThat;

import dev.flowconnections.runtime.testsupport.ApiClient.Response;
import dev.flowconnections.runtime.testsupport.ApiTestBase;
import dev.flowconnections.runtime.testsupport.FakeS3Server;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/** "Test connection" of an S3 Storage connection through the management API and the real store. */
class StorageConnectionTestApiTest extends ApiTestBase {

  static final String ACCESS_KEY_ID = "AKIAAPITEST000000001";
  static final String SECRET = "api-test-s3-secret/0123456789abcdefghijk";
  static final FakeS3Server S3 =
      FakeS3Server.start(ACCESS_KEY_ID, SECRET).createBucket("api-files");

  @AfterAll
  static void stopS3() {
    S3.close();
  }

  @Test
  void anS3ConnectionIsTestedWithTheCredentialsOfTheTestedEnvironment() {
    String id = s3Connection();
    modeler.put(
        "/api/connections/" + id + "/environments/QA",
        credentials(Map.of("accessKeyId", ACCESS_KEY_ID, "secretAccessKey", SECRET)));
    modeler.put(
        "/api/connections/" + id + "/environments/PRODUCTION",
        credentials(
            Map.of(
                "accessKeyId",
                ACCESS_KEY_ID,
                "secretAccessKey",
                "wrong-production-secret-0123456789")));

    Response qa = modeler.post("/api/connections/" + id + "/environments/QA/test", Map.of());
    Response production =
        modeler.post("/api/connections/" + id + "/environments/PRODUCTION/test", Map.of());

    assertThat(qa.json().get("ok").asBoolean()).as(qa.toString()).isTrue();
    assertThat(qa.json().get("message").asText())
        .isEqualTo(
            "Amazon S3 bucket 'api-files' in eu-central-1 at "
                + S3.endpoint()
                + " listed with access key "
                + ACCESS_KEY_ID);
    assertThat(production.json().get("ok").asBoolean()).isFalse();
    assertThat(production.json().get("message").asText())
        .contains("rejected the credentials of connection")
        .contains("in PRODUCTION")
        .contains("SignatureDoesNotMatch");
    assertThat(api.transcript())
        .noneMatch(
            exchange ->
                exchange.contains(SECRET)
                    || exchange.contains("wrong-production-secret-0123456789"));
  }

  private String s3Connection() {
    String integration =
        createIntegration(
            admin,
            Map.of(
                "name",
                "Files " + tag(),
                "type",
                "STORAGE",
                "config",
                Map.of(
                    "provider",
                    "AMAZON_S3",
                    "baseUrl",
                    S3.endpoint(),
                    "region",
                    "eu-central-1",
                    "bucket",
                    "api-files",
                    "pathStyleAccess",
                    true)));
    return createConnection(modeler, integration, "Files " + tag(), "ORGANIZATION").text("/id");
  }
}
