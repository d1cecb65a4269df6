package dev.flowconnections.runtime.network;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.flowconnections.credential.SecretValues;
import dev.flowconnections.environment.Environment;
import dev.flowconnections.integration.AuthScheme;
import dev.flowconnections.integration.IntegrationType;
import dev.flowconnections.resolution.ResolvedConnection;
import dev.flowconnections.runtime.mcp.McpAccessTokens;
import dev.flowconnections.runtime.mcp.McpToolSessions;
import dev.flowconnections.runtime.rest.RestTestFixture;
import io.camunda.connector.api.error.ConnectorInputException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Workers refuse an address the policy denies with an incident at once (ConnectorInputException: no
 * retries) carrying only the policy's message, before any socket is opened: the refusal counter
 * moves, and a listener on a denied loopback address accepts nothing.
 */
@Tag("fast")
class NetworkPolicyWorkerTest {

  private static final String REFUSAL = OutboundAddressPolicy.REFUSAL;

  @Test
  void theRestWorkerNeverCallsTheMetadataAddress() throws Exception {
    try (RestTestFixture rest = new RestTestFixture()) {
      rest.connection(
          AuthScheme.BEARER,
          Map.of("baseUrl", "http://169.254.169.254/latest"),
          Map.of("token", "t-8812"));
      long before = OutboundAddressPolicy.refusals();

      assertThatThrownBy(() -> rest.get("/meta-data/iam/security-credentials"))
          .isInstanceOf(ConnectorInputException.class)
          .hasMessage("169.254.169.254: " + REFUSAL);
      assertThat(OutboundAddressPolicy.refusals()).isEqualTo(before + 1);
    }
  }

  @Test
  void anOAuth2TokenEndpointOnTheMetadataAddressIsNeverCalled() throws Exception {
    try (RestTestFixture rest = new RestTestFixture()) {
      rest.connection(
          AuthScheme.OAUTH2,
          Map.of(
              "grantType",
              "CLIENT_CREDENTIALS",
              "tokenEndpoint",
              "http://169.254.169.254/token",
              "clientAuthentication",
              "CLIENT_SECRET_BASIC",
              "clientId",
              "app"),
          Map.of("clientSecret", "s-5531"));
      long before = OutboundAddressPolicy.refusals();

      assertThatThrownBy(() -> rest.get("/orders"))
          .isInstanceOf(ConnectorInputException.class)
          .hasMessageContaining(REFUSAL)
          .hasMessageNotContaining("s-5531");
      assertThat(OutboundAddressPolicy.refusals()).isEqualTo(before + 1);
    }
  }

  @Test
  void anMcpServerOnALinkLocalAddressIsNeverContacted() {
    var connection =
        new ResolvedConnection(
            "tools",
            "Tools",
            IntegrationType.MCP,
            AuthScheme.NONE,
            Environment.DEVELOPMENT,
            Map.of("transport", "HTTP", "url", "http://[fe80::1]:8080/mcp"),
            SecretValues.empty());

    assertThatThrownBy(() -> new McpToolSessions(McpAccessTokens.UNSUPPORTED).open(connection))
        .isInstanceOf(ConnectorInputException.class)
        .hasMessage("fe80::1: " + REFUSAL);
  }

  @Test
  void aLoopbackAddressTheOperatorDeniedReceivesNoConnection() throws Exception {
    OutboundAddressPolicy previous = OutboundAddressPolicy.current();
    try (CountingServer denied = new CountingServer("127.0.0.2");
        RestTestFixture rest = new RestTestFixture()) {
      rest.connection(AuthScheme.NONE, Map.of("baseUrl", denied.url()), Map.of());
      OutboundAddressPolicy.install(new OutboundAddressPolicy(List.of(), List.of("127.0.0.2/32")));

      assertThatThrownBy(() -> rest.get("/"))
          .isInstanceOf(ConnectorInputException.class)
          .hasMessage("127.0.0.2: " + REFUSAL);
      assertThat(denied.accepted()).isZero();

      // control: without the deny entry the same call does reach the listener
      OutboundAddressPolicy.install(new OutboundAddressPolicy(List.of(), List.of()));
      assertThatThrownBy(() -> rest.get("/")).isNotInstanceOf(AddressNotAllowedException.class);
      Awaitility.await("the listener accepts")
          .atMost(Duration.ofSeconds(60))
          .pollInterval(Duration.ofMillis(20))
          .untilAsserted(() -> assertThat(denied.accepted()).isPositive());
    } finally {
      OutboundAddressPolicy.install(previous);
    }
  }
}
