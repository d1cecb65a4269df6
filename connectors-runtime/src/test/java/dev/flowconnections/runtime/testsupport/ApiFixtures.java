package dev.flowconnections.runtime.testsupport;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * Request bodies and one-line setups for API tests. Test classes share one database schema per JVM,
 * so names carry a random tag and assertions filter by it.
 */
public final class ApiFixtures {

  private ApiFixtures() {}

  /** A short random tag, lowercase so it survives into derived connection keys. */
  public static String tag() {
    return UUID.randomUUID().toString().substring(0, 8);
  }

  /** A REST API integration with HTTP Basic auth: connections supply username and password. */
  public static Map<String, Object> basicRestIntegration(String name) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("name", name);
    body.put("description", "test integration");
    body.put("type", "REST_API");
    body.put("authScheme", "BASIC");
    body.put("config", Map.of("baseUrl", "https://api.example.test"));
    return body;
  }

  public static String createIntegration(ApiClient admin, Map<String, Object> body) {
    ApiClient.Response created = admin.post("/api/integrations", body);
    assertThat(created.status()).as(created.toString()).isEqualTo(201);
    return created.text("/id");
  }

  public static String createBasicRestIntegration(ApiClient admin, String name) {
    return createIntegration(admin, basicRestIntegration(name));
  }

  /** POSTs a new connection; the response, whatever its status. */
  public static ApiClient.Response postConnection(
      ApiClient user, String integrationId, String name, String visibility) {
    return user.post(
        "/api/connections",
        Map.of("integrationId", integrationId, "name", name, "visibility", visibility));
  }

  /** POSTs a new connection with an explicit key; the response, whatever its status. */
  public static ApiClient.Response postKeyedConnection(
      ApiClient user, String integrationId, String name, String key, String visibility) {
    return user.post(
        "/api/connections",
        Map.of("integrationId", integrationId, "name", name, "key", key, "visibility", visibility));
  }

  public static ApiClient.Response createConnection(
      ApiClient user, String integrationId, String name, String visibility) {
    ApiClient.Response created = postConnection(user, integrationId, name, visibility);
    assertThat(created.status()).as(created.toString()).isEqualTo(201);
    return created;
  }

  public static Map<String, Object> credentials(Map<String, Object> fields) {
    return Map.of("fields", fields);
  }

  /** The body of a GET that must succeed, for comparing state before and after a refused change. */
  public static String read(ApiClient client, String path) {
    ApiClient.Response response = client.get(path);
    assertThat(response.status()).as(response.toString()).isEqualTo(200);
    return response.body();
  }

  /**
   * {@code page} opened with its search box filled in: lists page, so a test finds its own items.
   */
  public static String searching(String page, String text) {
    return page
        + "?search="
        + java.net.URLEncoder.encode(text, java.nio.charset.StandardCharsets.UTF_8)
            .replace("+", "%20");
  }

  /** The number of entries a list endpoint has on all its pages (X-Total-Count where it pages). */
  public static int count(ApiClient client, String listPath) {
    ApiClient.Response response = client.get(listPath);
    assertThat(response.status()).as(response.toString()).isEqualTo(200);
    String total = response.header("X-Total-Count");
    return total.isEmpty() ? response.json().size() : Integer.parseInt(total);
  }
}
