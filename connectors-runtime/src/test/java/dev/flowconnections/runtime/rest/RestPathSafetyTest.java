package dev.flowconnections.runtime.rest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.flowconnections.integration.AuthScheme;
import io.camunda.connector.api.error.ConnectorInputException;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The path can only point below the connection's base URL, so credentials stay with their server.
 */
@Tag("fast")
class RestPathSafetyTest {

  private final RestTestFixture fixture = new RestTestFixture();

  @AfterEach
  void close() {
    fixture.close();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "http://evil.example/steal",
        "https://evil.example",
        "//evil.example/steal",
        "///evil.example",
        "\\\\evil.example\\steal",
        "/a\\..\\..\\admin",
        "file:/etc/passwd",
        "javascript:alert(1)",
        "../admin",
        "/v1/../../admin",
        "/v1/./x",
        "/%2e%2e/admin",
        "/%2E%2e%2fadmin",
        "/v1/..%2F..%2Fadmin",
        "/orders?admin=true",
        "/orders#frag",
        "/orders\r\nX-Injected: 1"
      })
  void rejectsPathsThatCouldLeaveTheBaseUrl(String path) {
    fixture.connection(
        AuthScheme.BEARER,
        Map.of("baseUrl", fixture.server.baseUrl() + "/api/v1"),
        Map.of("token", "tok-1234"));

    assertThatThrownBy(() -> fixture.get(path))
        .isInstanceOf(ConnectorInputException.class)
        .hasMessageStartingWith("path must")
        .hasMessageNotContaining("evil");
    assertThat(fixture.server.requests()).isEmpty();
  }

  @Test
  void appendsThePathToTheBasePathWithOrWithoutSlashes() {
    fixture.connection(
        AuthScheme.NONE, Map.of("baseUrl", fixture.server.baseUrl() + "/api/v1/"), Map.of());

    fixture.get("/orders/1");
    fixture.get("orders/2");
    fixture.get("");

    assertThat(fixture.server.requests())
        .extracting(r -> r.rawPath())
        .containsExactly("/api/v1/orders/1", "/api/v1/orders/2", "/api/v1/");
  }

  @Test
  void encodesWhatAPathCannotHoldAndKeepsExistingEscapes() {
    fixture.connection(AuthScheme.NONE, Map.of(), Map.of());

    fixture.get("/files/my report ä.pdf");
    fixture.get("/projects/group%2Fproject:archive");
    fixture.get("/100%");

    assertThat(fixture.server.requests())
        .extracting(r -> r.rawPath())
        .containsExactly(
            "/files/my%20report%20%C3%A4.pdf", "/projects/group%2Fproject:archive", "/100%25");
  }

  @Test
  void encodesQueryParametersAndKeepsTheBaseUrlsOwnQuery() {
    fixture.connection(
        AuthScheme.NONE, Map.of("baseUrl", fixture.server.baseUrl() + "/api?version=2"), Map.of());

    fixture.execute(Map.of("path", "/search", "queryParameters", Map.of("q", "a&b=c d", "ä", "ü")));

    var request = fixture.server.lastRequest();
    assertThat(request.rawPath()).isEqualTo("/api/search");
    assertThat(request.rawQuery()).startsWith("version=2&");
    assertThat(request.query())
        .containsExactlyInAnyOrderEntriesOf(Map.of("version", "2", "q", "a&b=c d", "ä", "ü"));
  }
}
