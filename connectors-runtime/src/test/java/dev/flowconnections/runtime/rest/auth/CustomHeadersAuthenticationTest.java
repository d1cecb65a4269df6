package dev.flowconnections.runtime.rest.auth;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flowconnections.integration.AuthScheme;
import dev.flowconnections.runtime.rest.RestTestFixture;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

@Tag("fast")
class CustomHeadersAuthenticationTest {

  private final RestTestFixture fixture = new RestTestFixture();

  @AfterEach
  void close() {
    fixture.close();
  }

  @Test
  void sendsEveryStoredHeaderAndOverridesTheTasksOfTheSameName() {
    fixture.connection(
        AuthScheme.CUSTOM_HEADERS,
        Map.of(),
        Map.of("headers", Map.of("X-Tenant", "acme", "X-Signature", "sig-98765")));

    fixture.execute(
        Map.of(
            "path",
            "/orders",
            "headers",
            Map.of("x-tenant", "other", "Accept", "application/json")));

    var request = fixture.server.lastRequest();
    assertThat(request.headers().get("X-Tenant")).containsExactly("acme");
    assertThat(request.header("X-Signature")).isEqualTo("sig-98765");
    assertThat(request.header("Accept")).isEqualTo("application/json");
  }
}
