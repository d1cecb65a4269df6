package dev.flowconnections.runtime.mcp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.flowconnections.environment.Environment;
import dev.flowconnections.integration.AuthScheme;
import dev.flowconnections.runtime.oauth2.OAuth2AccessTokens;
import dev.flowconnections.runtime.oauth2.TokenEndpointClient;
import dev.flowconnections.runtime.testsupport.OAuth2TestServer;
import io.camunda.connector.api.error.ConnectorInputException;
import io.camunda.connector.jackson.ConnectorsObjectMapperSupplier;
import java.time.Clock;
import java.util.Map;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** The client API against a real SDK server over Streamable HTTP that requires a bearer token. */
@Tag("fast")
class McpToolSessionsHttpTest {

  @AutoClose
  private static final McpHttpTestServer SERVER = McpHttpTestServer.streamableWithTestToken();

  private final McpToolSessions sessions = new McpToolSessions(McpAccessTokens.UNSUPPORTED);

  @Test
  void listsTheServersToolsWithTheirInputSchemas() {
    try (McpToolSession session =
        sessions.open(McpTestConnections.bearer("HTTP", SERVER.url(), McpTestConnections.TOKEN))) {
      assertThat(session.serverName()).isEqualTo("flow-test-server 1.0.0");
      assertThat(session.listTools())
          .extracting(McpTool::name)
          .containsExactlyInAnyOrder(
              "add",
              "echo",
              "fail",
              "requestHeader",
              "rejectHeader",
              "throwWithHeader",
              "environment",
              "environmentMatches");
      McpTool add =
          session.listTools().stream()
              .filter(t -> t.name().equals("add"))
              .findFirst()
              .orElseThrow();
      assertThat(add.description()).isEqualTo("Adds two numbers");
      assertThat(add.inputSchema()).containsEntry("type", "object").containsKey("properties");
      assertThat(add.inputSchema().get("required")).asList().containsExactly("a", "b");
    }
  }

  @Test
  void callsAToolWithArgumentsAndReturnsTextAndStructuredContent() {
    try (McpToolSession session =
        sessions.open(McpTestConnections.bearer("HTTP", SERVER.url(), McpTestConnections.TOKEN))) {
      McpToolResult result = session.callTool("add", Map.of("a", 2, "b", 40));
      assertThat(result.isError()).isFalse();
      assertThat(result.text()).isEqualTo("sum is 42");
      assertThat(result.content())
          .singleElement()
          .satisfies(
              block -> {
                assertThat(block).containsEntry("type", "text").containsEntry("text", "sum is 42");
              });
      assertThat(result.structuredContent()).isEqualTo(Map.of("sum", 42.0));
    }
  }

  @Test
  void theBearerTokenArrivesOnEveryRequest() {
    int before = SERVER.requests().size();
    try (McpToolSession session =
        sessions.open(McpTestConnections.bearer("HTTP", SERVER.url(), McpTestConnections.TOKEN))) {
      session.callTool("echo", Map.of("text", "hi"));
    }
    assertThat(SERVER.requests().subList(before, SERVER.requests().size()))
        .hasSizeGreaterThanOrEqualTo(3) // initialize, initialized, tools/call
        .allSatisfy(
            headers ->
                assertThat(headers)
                    .containsEntry("authorization", "Bearer " + McpTestConnections.TOKEN));
  }

  @Test
  void aToolThatReportsAFailureIsAResultWithTheErrorFlag() {
    try (McpToolSession session =
        sessions.open(McpTestConnections.bearer("HTTP", SERVER.url(), McpTestConnections.TOKEN))) {
      McpToolResult result = session.callTool("fail", Map.of());
      assertThat(result.isError()).isTrue();
      assertThat(result.text()).isEqualTo("the weather service is down");
    }
  }

  @Test
  void anUnknownToolIsAnIncidentNamingTheToolsThereAre() {
    try (McpToolSession session =
        sessions.open(McpTestConnections.bearer("HTTP", SERVER.url(), McpTestConnections.TOKEN))) {
      assertThatThrownBy(() -> session.callTool("forecast", Map.of("city", "Oslo")))
          .isInstanceOf(ConnectorInputException.class)
          .hasMessage(
              "the MCP server of connection 'weather-mcp' in DEVELOPMENT has no tool 'forecast';"
                  + " it has: add, echo, environment, environmentMatches, fail, rejectHeader, requestHeader, throwWithHeader");
    }
  }

  @Test
  void aWrongTokenIsAnIncidentThatDoesNotShowTheToken() {
    String wrong = "wrong-token-5d2e8b";
    assertThatThrownBy(() -> sessions.open(McpTestConnections.bearer("HTTP", SERVER.url(), wrong)))
        .isInstanceOf(ConnectorInputException.class)
        .hasMessage(
            "the MCP server rejected the credentials of connection 'weather-mcp' in DEVELOPMENT (HTTP 401)")
        .satisfies(e -> assertThat(e.getMessage()).doesNotContain(wrong));
  }

  @Test
  void anApiKeyTravelsInItsHeaderAndCustomHeadersAsGiven() throws Exception {
    try (McpHttpTestServer keyed =
        McpHttpTestServer.streamable(Map.of("X-Api-Key", "key-91b2c3d4", "X-Tenant", "acme"))) {
      var apiKey =
          McpTestConnections.http(
              keyed.url(),
              AuthScheme.API_KEY,
              Map.of("apiKeyName", "X-Api-Key", "apiKey", "key-91b2c3d4"));
      // the API key alone is not enough for this server: 401 proves the check is real
      assertThatThrownBy(() -> sessions.open(apiKey)).isInstanceOf(ConnectorInputException.class);
      var headers =
          McpTestConnections.http(
              keyed.url(),
              AuthScheme.CUSTOM_HEADERS,
              Map.of("headers", Map.of("X-Api-Key", "key-91b2c3d4", "X-Tenant", "acme")));
      try (McpToolSession session = sessions.open(headers)) {
        assertThat(session.callTool("echo", Map.of("text", "ok")).text()).isEqualTo("ok");
      }
      assertThat(keyed.requests())
          .anySatisfy(
              h ->
                  assertThat(h)
                      .containsEntry("x-api-key", "key-91b2c3d4")
                      .doesNotContainKey("x-tenant"));
    }
  }

  @Test
  void anApiKeyConfiguredForTheQueryStringIsRefusedRatherThanPutIntoTheUrl() {
    var inQuery =
        McpTestConnections.of(
            "HTTP",
            SERVER.url(),
            AuthScheme.API_KEY,
            Environment.DEVELOPMENT,
            Map.of("apiKeyName", "key", "apiKey", "key-91b2c3d4"),
            Map.of("apiKeyLocation", "QUERY"));
    assertThatThrownBy(() -> sessions.open(inQuery))
        .isInstanceOf(ConnectorInputException.class)
        .hasMessageContaining("sends API keys only in a header")
        .hasMessageNotContaining("key-91b2c3d4");
    assertThat(SERVER.requests()).noneSatisfy(h -> assertThat(h.values()).contains("key-91b2c3d4"));
  }

  @Test
  void oauth2ConnectionsCarryTheTokenTheRuntimesTokenServiceGot() throws Exception {
    try (OAuth2TestServer authServer = OAuth2TestServer.start("http://127.0.0.1:1/unused")) {
      OAuth2AccessTokens tokens =
          new OAuth2AccessTokens(
              new TokenEndpointClient(ConnectorsObjectMapperSupplier.getCopy()),
              null,
              Clock.systemUTC());
      Map<String, Object> oauth2Settings =
          Map.of(
              "tokenEndpoint",
              authServer.tokenEndpoint(),
              "clientId",
              OAuth2TestServer.BASIC_CLIENT,
              "scopes",
              "orders.read");
      Map<String, String> secrets =
          Map.of("clientSecret", OAuth2TestServer.secretOf(OAuth2TestServer.BASIC_CLIENT));
      // the token is cached per connection environment and credentials, not per server URL
      String token =
          tokens.accessTokenFor(
              McpTestConnections.of(
                  "HTTP",
                  "http://127.0.0.1:1/not-yet",
                  AuthScheme.OAUTH2,
                  Environment.DEVELOPMENT,
                  secrets,
                  oauth2Settings));
      assertThat(authServer.isActive(OAuth2TestServer.BASIC_CLIENT, token)).isTrue();

      try (McpHttpTestServer guarded =
          McpHttpTestServer.streamable(Map.of("Authorization", "Bearer " + token))) {
        McpToolSessions withOAuth2 = new McpToolSessions(tokens::accessTokenFor);
        var connection =
            McpTestConnections.of(
                "HTTP",
                guarded.url(),
                AuthScheme.OAUTH2,
                Environment.DEVELOPMENT,
                secrets,
                oauth2Settings);
        try (McpToolSession session = withOAuth2.open(connection)) {
          assertThat(session.callTool("echo", Map.of("text", "via oauth2")).text())
              .isEqualTo("via oauth2");
        }
        assertThat(guarded.requests())
            .allSatisfy(h -> assertThat(h).containsEntry("authorization", "Bearer " + token));
      }
    }
  }

  @Test
  void oauth2WithoutTheRuntimesTokenServiceIsAReadableIncident() {
    var oauth =
        McpTestConnections.http(
            SERVER.url(),
            AuthScheme.OAUTH2,
            Map.of("clientId", "c", "clientSecret", "s3cr3t-value"));
    assertThatThrownBy(() -> sessions.open(oauth))
        .isInstanceOf(ConnectorInputException.class)
        .hasMessageContaining("uses OAuth2, but these MCP sessions have no token service")
        .hasMessageNotContaining("s3cr3t-value");
  }

  @Test
  void aUrlWithoutAnMcpEndpointIsAConfigurationIncident() {
    try (var website = dev.flowconnections.runtime.testsupport.RecordingHttpServer.start()) {
      website.respond(
          dev.flowconnections.runtime.testsupport.RecordingHttpServer.Reply.text(404, "Not Found"));
      assertThatThrownBy(
              () ->
                  sessions.open(
                      McpTestConnections.bearer("HTTP", website.baseUrl() + "/api", "t0ken-404a")))
          .isInstanceOf(ConnectorInputException.class)
          .hasMessage(
              "connection 'weather-mcp' in DEVELOPMENT: no MCP endpoint at its 'url' (HTTP 404);"
                  + " check the path and the transport");
    }
  }

  @Test
  void anSseUrlGivenAsStreamableHttpIsAConfigurationIncident() throws Exception {
    try (McpHttpTestServer sse = McpHttpTestServer.sse(Map.of())) {
      var misconfigured = McpTestConnections.http(sse.url(), AuthScheme.NONE, Map.of());
      assertThatThrownBy(() -> sessions.open(misconfigured, McpTimeouts.ofSeconds(5, 5)))
          .isInstanceOf(ConnectorInputException.class)
          .hasMessageContaining("no MCP endpoint at its 'url' (HTTP 40");
    }
  }

  @Test
  void anOAuth2AccessTokenFromTheWiringPointIsSentAndMaskedLikeAStoredSecret() throws Exception {
    String accessToken = "oauth-access-3b8e1f";
    try (McpHttpTestServer oauthServer =
        McpHttpTestServer.streamable(Map.of("Authorization", "Bearer " + accessToken))) {
      var wired = new McpToolSessions(connection -> accessToken);
      var oauth =
          McpTestConnections.http(
              oauthServer.url(),
              AuthScheme.OAUTH2,
              Map.of("clientId", "flow", "clientSecret", "client-secret-9d"));
      try (McpToolSession session = wired.open(oauth)) {
        McpToolResult echoed = session.callTool("requestHeader", Map.of("name", "Authorization"));
        assertThat(echoed.text()).isEqualTo("****");
      }
      assertThat(oauthServer.requests())
          .isNotEmpty()
          .allSatisfy(
              headers ->
                  assertThat(headers).containsEntry("authorization", "Bearer " + accessToken));
    }
  }
}
