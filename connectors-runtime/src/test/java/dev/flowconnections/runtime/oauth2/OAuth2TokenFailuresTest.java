package dev.flowconnections.runtime.oauth2;

import static dev.flowconnections.runtime.testsupport.OAuth2TestServer.BASIC_CLIENT;
import static dev.flowconnections.runtime.testsupport.OAuth2TestServer.POST_CLIENT;
import static dev.flowconnections.runtime.testsupport.OAuth2TestServer.secretOf;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.flowconnections.integration.AuthScheme;
import dev.flowconnections.runtime.rest.RestTestFixture;
import dev.flowconnections.runtime.testsupport.OAuth2TestServer;
import io.camunda.connector.api.error.ConnectorInputException;
import io.camunda.connector.api.error.ConnectorRetryException;
import java.net.ServerSocket;
import java.util.Map;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/** How the REST worker reports token problems: incidents naming the connection, never a secret. */
@ExtendWith(OutputCaptureExtension.class)
@Tag("fast")
class OAuth2TokenFailuresTest {

  @AutoClose static final OAuth2TestServer AUTH_SERVER = OAuth2TestServer.forClientCredentials();
  @AutoClose private final RestTestFixture fixture = new RestTestFixture();

  @Test
  void aWrongClientSecretIsAnIncidentWithoutTheSecret(CapturedOutput output) {
    String wrong = "wrong-secret-" + System.nanoTime();
    fixture.connection(
        AuthScheme.OAUTH2,
        OAuth2ClientCredentialsTest.settings(AUTH_SERVER, BASIC_CLIENT, Map.of()),
        Map.of("clientSecret", wrong));

    Throwable failure = catchThrowable(() -> fixture.get("/orders"));

    assertThat(failure)
        .isInstanceOf(ConnectorInputException.class)
        .hasMessageStartingWith(
            "the token endpoint of connection 'orders-api' in DEVELOPMENT refused the request: invalid_client")
        .hasMessageNotContaining(wrong);
    assertThat(fixture.server.requests()).as("the API is not called without a token").isEmpty();
    assertThat(output.getAll()).doesNotContain(wrong);
  }

  @Test
  void aWrongClientSecretSentInTheFormIsRefusedToo() {
    fixture.connection(
        AuthScheme.OAUTH2,
        OAuth2ClientCredentialsTest.settings(
            AUTH_SERVER, POST_CLIENT, Map.of("clientAuthentication", "CLIENT_SECRET_POST")),
        Map.of("clientSecret", "not-" + secretOf(POST_CLIENT)));

    assertThatThrownBy(() -> fixture.get("/orders"))
        .isInstanceOf(ConnectorInputException.class)
        .hasMessageContaining("invalid_client")
        .hasMessageNotContaining(secretOf(POST_CLIENT));
  }

  @Test
  void anUnreachableTokenEndpointIsRetried() throws Exception {
    int closedPort;
    try (ServerSocket socket = new ServerSocket(0)) {
      closedPort = socket.getLocalPort();
    }
    fixture.connection(
        AuthScheme.OAUTH2,
        Map.of(
            "tokenEndpoint",
            "http://127.0.0.1:" + closedPort + "/oauth2/token",
            "clientId",
            BASIC_CLIENT),
        Map.of("clientSecret", secretOf(BASIC_CLIENT)));

    assertThatThrownBy(() -> fixture.get("/orders"))
        .isInstanceOf(ConnectorRetryException.class)
        .hasMessageContaining("connection 'orders-api' in DEVELOPMENT")
        .hasMessageNotContaining(secretOf(BASIC_CLIENT));
  }

  @Test
  void aTokenEndpointAnswering5xxIsRetried() {
    fixture.connection(
        AuthScheme.OAUTH2,
        Map.of("tokenEndpoint", fixture.server.baseUrl() + "/token", "clientId", BASIC_CLIENT),
        Map.of("clientSecret", secretOf(BASIC_CLIENT)));
    fixture.server.respond(
        request ->
            new dev.flowconnections.runtime.testsupport.RecordingHttpServer.Reply(
                503, Map.of(), "busy"));

    assertThatThrownBy(() -> fixture.get("/orders"))
        .isInstanceOf(ConnectorRetryException.class)
        .hasMessageContaining("HTTP 503");
  }

  @Test
  void noTokenOrSecretReachesTheResultOrTheLog(CapturedOutput output) {
    fixture.connection(
        AuthScheme.OAUTH2,
        OAuth2ClientCredentialsTest.settings(AUTH_SERVER, BASIC_CLIENT, Map.of()),
        Map.of("clientSecret", secretOf(BASIC_CLIENT)));
    // an API that echoes the request headers back, as debugging endpoints do
    fixture.server.respond(
        request ->
            new dev.flowconnections.runtime.testsupport.RecordingHttpServer.Reply(
                200,
                Map.of("Content-Type", "application/json"),
                "{\"youSent\":\"" + request.header("Authorization") + "\"}"));

    var response = fixture.get("/echo");

    String token =
        fixture.server.lastRequest().header("Authorization").substring("Bearer ".length());
    assertThat(String.valueOf(response.body())).doesNotContain(token).contains("****");
    assertThat(output.getAll()).doesNotContain(token).doesNotContain(secretOf(BASIC_CLIENT));
  }
}
