package dev.flowconnections.runtime.oauth2;

import static dev.flowconnections.runtime.testsupport.OAuth2TestServer.BASIC_CLIENT;
import static dev.flowconnections.runtime.testsupport.OAuth2TestServer.secretOf;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.flowconnections.runtime.testsupport.OAuth2TestServer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.net.URI;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * flow.connections.oauth2.token.requests counts token requests by grant and outcome, never a client
 * or secret.
 */
@Tag("fast")
class TokenEndpointMetricsTest {

  @AutoClose static final OAuth2TestServer AUTH_SERVER = OAuth2TestServer.forClientCredentials();
  private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
  private final TokenEndpointClient client = new TokenEndpointClient(new ObjectMapper(), meters);

  @Test
  void countsSuccessesRefusalsAndUnreachableEndpoints() {
    client.clientCredentials(settings(AUTH_SERVER.tokenEndpoint(), secretOf(BASIC_CLIENT)));
    assertThatThrownBy(
            () ->
                client.clientCredentials(
                    settings(AUTH_SERVER.tokenEndpoint(), "wrong-secret-counted")))
        .isInstanceOf(TokenEndpointException.class);
    assertThatThrownBy(
            () ->
                client.clientCredentials(
                    settings("http://127.0.0.1:1/token", secretOf(BASIC_CLIENT))))
        .isInstanceOf(TokenEndpointException.class);

    assertThat(count("ok")).isEqualTo(1);
    assertThat(count("rejected")).isEqualTo(1);
    assertThat(count("unavailable")).isEqualTo(1);
    assertThat(meters.getMeters())
        .allSatisfy(
            meter ->
                assertThat(meter.getId().getTags().toString())
                    .doesNotContain(BASIC_CLIENT)
                    .doesNotContain("wrong-secret-counted")
                    .doesNotContain("127.0.0.1"));
  }

  private double count(String outcome) {
    return meters
        .get(TokenEndpointClient.REQUESTS)
        .tag("grant", "client_credentials")
        .tag("outcome", outcome)
        .counter()
        .count();
  }

  private static OAuth2Settings settings(String tokenEndpoint, String secret) {
    return new OAuth2Settings(
        "orders-api",
        "DEVELOPMENT",
        OAuth2Settings.Grant.CLIENT_CREDENTIALS,
        URI.create(tokenEndpoint),
        null,
        null,
        OAuth2Settings.ClientAuthentication.CLIENT_SECRET_BASIC,
        null,
        null,
        BASIC_CLIENT,
        secret);
  }
}
