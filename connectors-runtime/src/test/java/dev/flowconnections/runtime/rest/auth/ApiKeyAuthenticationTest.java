package dev.flowconnections.runtime.rest.auth;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flowconnections.integration.AuthScheme;
import dev.flowconnections.runtime.rest.RestTestFixture;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

@Tag("fast")
class ApiKeyAuthenticationTest {

  private final RestTestFixture fixture = new RestTestFixture();

  @AfterEach
  void close() {
    fixture.close();
  }

  @Test
  void sendsTheKeyInTheNamedHeader() {
    fixture.connection(
        AuthScheme.API_KEY,
        Map.of("apiKeyName", "X-API-Key", "apiKeyLocation", "HEADER"),
        Map.of("apiKey", "key-12345"));

    fixture.execute(Map.of("path", "/orders", "headers", Map.of("x-api-key", "forged")));

    var request = fixture.server.lastRequest();
    assertThat(request.headers().get("X-API-Key")).containsExactly("key-12345");
    assertThat(request.rawQuery()).isNull();
  }

  @Test
  void headerIsTheDefaultLocation() {
    fixture.connection(
        AuthScheme.API_KEY, Map.of("apiKeyName", "X-API-Key"), Map.of("apiKey", "key-12345"));

    fixture.get("/orders");

    assertThat(fixture.server.lastRequest().header("X-API-Key")).isEqualTo("key-12345");
  }

  @Test
  void sendsTheKeyAsEncodedQueryParameterNextToTheTasksOwn() {
    fixture.connection(
        AuthScheme.API_KEY,
        Map.of("apiKeyName", "api_key", "apiKeyLocation", "QUERY"),
        Map.of("apiKey", "k&y=1 2+3"));

    fixture.execute(
        Map.of(
            "path", "/orders", "queryParameters", Map.of("status", "open", "api_key", "forged")));

    var request = fixture.server.lastRequest();
    assertThat(request.query())
        .containsExactlyInAnyOrderEntriesOf(Map.of("status", "open", "api_key", "k&y=1 2+3"));
    assertThat(request.rawQuery()).contains("api_key=k%26y%3D1%202%2B3");
    assertThat(request.header("api_key")).isNull();
  }
}
