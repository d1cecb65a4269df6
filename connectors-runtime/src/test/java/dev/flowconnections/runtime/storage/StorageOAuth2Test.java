package dev.flowconnections.runtime.storage;

import static dev.flowconnections.runtime.testsupport.OAuth2TestServer.BASIC_CLIENT;
import static dev.flowconnections.runtime.testsupport.OAuth2TestServer.secretOf;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.flowconnections.runtime.testsupport.OAuth2TestServer;
import dev.flowconnections.runtime.testsupport.RecordingHttpServer;
import dev.flowconnections.runtime.testsupport.RecordingHttpServer.Reply;
import io.camunda.connector.api.error.ConnectorInputException;
import java.util.Map;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Drive, OneDrive and Box connections whose integration uses OAuth2: the storage worker gets its
 * bearer from a real authorization server (client credentials), reuses it, and never reports it.
 */
@Tag("fast")
class StorageOAuth2Test {

  @AutoClose static final OAuth2TestServer AUTH_SERVER = OAuth2TestServer.forClientCredentials();
  @AutoClose private final RecordingHttpServer drive = RecordingHttpServer.start();

  private StorageTestFixture driveWith(String clientSecret) {
    return new StorageTestFixture()
        .oauth2(
            StorageProvider.GOOGLE_DRIVE,
            drive.baseUrl(),
            Map.of(
                "tokenEndpoint",
                AUTH_SERVER.tokenEndpoint(),
                "scopes",
                "orders.read",
                "clientId",
                BASIC_CLIENT,
                "bucket",
                "root1"),
            clientSecret);
  }

  @Test
  void callsCarryAnIssuedTokenThatIsReusedAndMasked() {
    StorageTestFixture fixture = driveWith(secretOf(BASIC_CLIENT));
    int before = AUTH_SERVER.tokenRequests("client_credentials");
    drive.respond(
        request ->
            Reply.json(
                200,
                "{\"files\":[{\"id\":\"f1\",\"name\":\"echo-"
                    + request.header("Authorization").substring(7)
                    + "\",\"mimeType\":\"text/plain\"}]}"));

    StorageResult first = fixture.run(Map.of("operation", "list"));
    fixture.run(Map.of("operation", "list"));

    String authorization = drive.lastRequest().header("Authorization");
    assertThat(authorization).startsWith("Bearer ");
    String token = authorization.substring(7);
    assertThat(AUTH_SERVER.isActive(BASIC_CLIENT, token)).isTrue();
    assertThat(drive.requests())
        .allSatisfy(r -> assertThat(r.header("Authorization")).isEqualTo(authorization));
    assertThat(AUTH_SERVER.tokenRequests("client_credentials")).isEqualTo(before + 1);
    // a provider echoing the token back does not carry it into the process
    assertThat(first.toString()).doesNotContain(token);
  }

  @Test
  void aRefusedClientSecretIsAnIncidentThatNamesNeitherSecretNorToken() {
    StorageTestFixture fixture = driveWith("not-the-secret-4711");

    Throwable failure = catchThrowable(() -> fixture.run(Map.of("operation", "list")));

    assertThat(failure).isInstanceOf(ConnectorInputException.class);
    assertThat(failure.getMessage())
        .contains(StorageTestFixture.KEY)
        .doesNotContain("not-the-secret-4711");
    assertThat(drive.requests()).isEmpty();
  }
}
