package dev.flowconnections.runtime.rest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.camunda.connector.api.error.ConnectorInputException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** How a task's path and query join the connection's base URL, and what may never leave it. */
@Tag("fast")
class RestUrlTest {

  @Test
  void thePathJoinsTheBasePathAndIsEncoded() {
    assertThat(RestUrl.resolve("https://api.example.com/v1/", "/orders/a b", Map.of()).toString())
        .isEqualTo("https://api.example.com/v1/orders/a%20b");
    assertThat(RestUrl.resolve("https://api.example.com/v1", "", Map.of()).toString())
        .isEqualTo("https://api.example.com/v1");
  }

  @Test
  void queryParametersFollowTheBasesOwnAndAreEncoded() {
    Map<String, String> query = new LinkedHashMap<>();
    query.put("q", "a&b=c");
    query.put("page", "2");

    assertThat(RestUrl.resolve("https://api.example.com/v1?tenant=7", "/search", query).toString())
        .isEqualTo("https://api.example.com/v1/search?tenant=7&q=a%26b%3Dc&page=2");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "https://evil.example/x",
        "//evil.example/x",
        "../admin",
        "a/../../admin",
        "x?y=1",
        "x#frag",
        "a\nb",
        "%2e%2e/admin"
      })
  void aPathThatCouldLeaveTheBaseUrlIsRefused(String path) {
    assertThatThrownBy(() -> RestUrl.resolve("https://api.example.com/v1", path, Map.of()))
        .isInstanceOf(ConnectorInputException.class);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {"ftp://files.example.com", "api.example.com", "https:///nohost", "not a url"})
  void aBaseUrlThatIsNotAbsoluteHttpIsRefused(String baseUrl) {
    assertThatThrownBy(() -> RestUrl.resolve(baseUrl, "/x", Map.of()))
        .isInstanceOf(ConnectorInputException.class)
        .hasMessageContaining("base URL");
  }
}
