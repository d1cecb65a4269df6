package dev.flowconnections.runtime.rest.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.flowconnections.integration.AuthScheme;
import dev.flowconnections.runtime.rest.RestTestFixture;
import io.camunda.connector.api.error.ConnectorInputException;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

@Tag("fast")
class BearerAuthenticationTest {

  private final RestTestFixture fixture = new RestTestFixture();

  @AfterEach
  void close() {
    fixture.close();
  }

  @Test
  void sendsTheTokenAsBearerAuthorization() {
    fixture.connection(AuthScheme.BEARER, Map.of(), Map.of("token", "dev-token-123"));

    fixture.get("/orders");

    assertThat(fixture.server.lastRequest().header("Authorization"))
        .isEqualTo("Bearer dev-token-123");
  }

  @Test
  void replacesAnAuthorizationHeaderOfTheTaskWhateverItsCase() {
    fixture.connection(AuthScheme.BEARER, Map.of(), Map.of("token", "dev-token-123"));

    fixture.execute(
        Map.of(
            "path",
            "/orders",
            "headers",
            Map.of("authorization", "Bearer forged", "X-Trace", "t1")));

    var request = fixture.server.lastRequest();
    assertThat(request.headers().get("Authorization")).containsExactly("Bearer dev-token-123");
    assertThat(request.header("X-Trace")).isEqualTo("t1");
  }

  @Test
  void aMissingTokenIsAConfigurationError() {
    fixture.connection(AuthScheme.BEARER, Map.of(), Map.of());

    assertThatThrownBy(() -> fixture.get("/orders"))
        .isInstanceOf(ConnectorInputException.class)
        .hasMessage("connection 'orders-api' has no value for 'token' in DEVELOPMENT");
    assertThat(fixture.server.requests()).isEmpty();
  }

  @Test
  void oauth2WithoutATokenEndpointIsAConfigurationError() {
    fixture.connection(
        AuthScheme.OAUTH2, Map.of("clientId", "c1"), Map.of("clientSecret", "s3cr3t-value"));

    assertThatThrownBy(() -> fixture.get("/orders"))
        .isInstanceOf(ConnectorInputException.class)
        .hasMessage("connection 'orders-api' has no value for 'tokenEndpoint' in DEVELOPMENT");
    assertThat(fixture.server.requests()).isEmpty();
  }

  @Test
  void noAuthenticationAddsNothing() {
    fixture.connection(AuthScheme.NONE, Map.of(), Map.of());

    fixture.get("/status");

    assertThat(fixture.server.lastRequest().header("Authorization")).isNull();
  }
}
