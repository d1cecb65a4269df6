package dev.flowconnections.sample;

import static dev.flowconnections.runtime.testsupport.OAuth2TestServer.BASIC_CLIENT;
import static dev.flowconnections.runtime.testsupport.OAuth2TestServer.secretOf;
import static org.assertj.core.api.Assertions.assertThat;

import dev.flowconnections.connection.ConnectionView;
import dev.flowconnections.environment.Environment;
import dev.flowconnections.fields.FieldCatalog;
import dev.flowconnections.integration.AuthScheme;
import dev.flowconnections.runtime.testsupport.OAuth2TestServer;
import dev.flowconnections.runtime.testsupport.RecordingHttpServer.Reply;
import dev.flowconnections.sample.support.ProcessTestRuntime;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The REST example in a STAGING runtime with an OAuth2 client-credentials connection: the task
 * calls the API with a bearer token the runtime got from a real authorization server, using the
 * STAGING client of the connection; no client secret or token reaches any engine record.
 */
class OAuth2RestProcessTest extends RestProcessTestBase {

  static final ProcessTestRuntime RUNTIME = ProcessTestRuntime.start(Environment.STAGING);
  static final OAuth2TestServer AUTH_SERVER = OAuth2TestServer.start("http://127.0.0.1:1/unused");

  @DynamicPropertySource
  static void properties(DynamicPropertyRegistry registry) {
    RUNTIME.register(registry);
  }

  @AfterAll
  static void stopAuthorizationServer() {
    AUTH_SERVER.close();
  }

  OAuth2RestProcessTest() {
    super(RUNTIME);
  }

  /** DEVELOPMENT holds a wrong client secret: STAGING must not use it, nor fall back to it. */
  private ConnectionView oauth2Connection(String stagingSecret) {
    ConnectionView connection =
        connections.restConnection(
            AuthScheme.OAUTH2,
            Map.of(
                FieldCatalog.BASE_URL,
                server().baseUrl() + "/api",
                FieldCatalog.TOKEN_ENDPOINT,
                AUTH_SERVER.tokenEndpoint(),
                FieldCatalog.SCOPES,
                "orders.read"));
    connections.credentials(
        connection,
        Environment.DEVELOPMENT,
        Map.of(
            FieldCatalog.CLIENT_ID,
            BASIC_CLIENT,
            FieldCatalog.CLIENT_SECRET,
            secret("development-only-secret")));
    connections.credentials(
        connection,
        Environment.STAGING,
        Map.of(
            FieldCatalog.CLIENT_ID,
            BASIC_CLIENT,
            FieldCatalog.CLIENT_SECRET,
            secret(stagingSecret)));
    return connection;
  }

  @Test
  void theTaskCallsTheApiWithATokenFromTheAuthorizationServer() {
    ConnectionView connection = oauth2Connection(secretOf(BASIC_CLIENT));
    server()
        .respond(
            request ->
                Reply.json(200, "{\"youSent\":\"" + request.header("Authorization") + "\"}"));
    int tokenRequests = AUTH_SERVER.tokenRequests("client_credentials");

    long first = startGet(connection, "/orders/1");
    records.awaitCompleted(first);
    long second = startGet(connection, "/orders/2");
    records.awaitCompleted(second);

    String authorization = server().lastRequest().header("Authorization");
    assertThat(authorization).startsWith("Bearer ");
    String token = secret(authorization.substring("Bearer ".length()));
    assertThat(AUTH_SERVER.isActive(BASIC_CLIENT, token)).isTrue();
    assertThat(server().requests().get(0).header("Authorization")).isEqualTo(authorization);
    assertThat(AUTH_SERVER.tokenRequests("client_credentials"))
        .as("the token is cached")
        .isEqualTo(tokenRequests + 1);
    assertThat(records.variables(first))
        .containsEntry("responseBody", "{\"youSent\":\"Bearer ****\"}");
  }

  @Test
  void aRefusedClientSecretIsAnIncidentNamingTheConnectionAndEnvironment() {
    ConnectionView connection = oauth2Connection("staging-secret-the-server-does-not-know");

    long instance = startGet(connection, "/orders/1");

    assertThat(records.awaitIncident(instance))
        .startsWith(
            "the token endpoint of connection '"
                + keyOf(connection)
                + "' in STAGING refused the request: invalid_client");
    assertThat(server().requests()).as("no call without a token").isEmpty();
  }
}
