package dev.flowconnections.runtime.security;

import static dev.flowconnections.runtime.testsupport.ApiFixtures.createIntegration;
import static dev.flowconnections.runtime.testsupport.ApiFixtures.postConnection;
import static dev.flowconnections.runtime.testsupport.ApiFixtures.tag;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.flowconnections.environment.Environment;
import dev.flowconnections.resolution.CachingConnectionResolver;
import dev.flowconnections.runtime.testsupport.ApiClient;
import dev.flowconnections.runtime.testsupport.ApiClient.Response;
import dev.flowconnections.runtime.testsupport.ApiTestBase;
import dev.flowconnections.scope.RuntimeCaller;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/**
 * Writes secrets through every endpoint that takes one, including requests that fail, then reads
 * everything back. No response (body or header) and no log line may contain a written secret.
 */
@ExtendWith(OutputCaptureExtension.class)
class SecretsNeverReturnedTest extends ApiTestBase {

  @Autowired CachingConnectionResolver resolver;

  final String tag = tag();
  final List<String> secrets = new ArrayList<>();

  @Test
  void noResponseOrLogLineEverContainsAWrittenSecret(CapturedOutput output) {
    ApiClient admin = api.as("admin");
    ApiClient modeler = api.as("modeler");

    String basic =
        createIntegration(
            admin, integration("Basic", "BASIC", Map.of("baseUrl", "https://b.example.test")));
    String bearer =
        createIntegration(
            admin, integration("Bearer", "BEARER", Map.of("baseUrl", "https://t.example.test")));
    String headers =
        createIntegration(
            admin,
            integration("Headers", "CUSTOM_HEADERS", Map.of("baseUrl", "https://h.example.test")));
    String oauth =
        createIntegration(
            admin,
            integration(
                "OAuth",
                "OAUTH2",
                Map.of(
                    "baseUrl",
                    "https://o.example.test",
                    "tokenEndpoint",
                    "https://o.example.test/token")));

    String basicConn = connection(modeler, basic, "ORGANIZATION");
    String bearerConn = connection(modeler, bearer, "PERSONAL");
    String headersConn = connection(modeler, headers, "ORGANIZATION");
    String oauthConn = connection(modeler, oauth, "ORGANIZATION");

    // successful writes, in two environments, then updates that keep or replace them
    ok(
        modeler.put(
            env(basicConn, "DEVELOPMENT"),
            fields("username", "svc", "password", secret("basic-dev"))));
    ok(
        modeler.put(
            env(basicConn, "PRODUCTION"),
            fields("username", "svc", "password", secret("basic-prod"))));
    ok(modeler.put(env(basicConn, "DEVELOPMENT"), fields("username", "svc2", "password", "")));
    ok(modeler.put(env(bearerConn, "DEVELOPMENT"), fields("token", secret("bearer-dev"))));
    ok(modeler.put(env(bearerConn, "DEVELOPMENT"), fields("token", secret("bearer-dev-rotated"))));
    ok(
        modeler.put(
            env(headersConn, "QA"), fields("headers", Map.of("X-Api-Token", secret("header-qa")))));
    ok(
        modeler.put(
            env(oauthConn, "STAGING"),
            fields("clientId", "client-1", "clientSecret", secret("oauth-staging"))));
    ok(admin.put("/api/secrets/TOKEN_" + tag, Map.of("value", secret("org-secret"))));
    ok(admin.put("/api/secrets/TOKEN_" + tag, Map.of("value", secret("org-secret-rotated"))));

    // failed writes that carry a secret
    fail(
        modeler.put(
            env(basicConn, "DEVELOPMENT"),
            fields("username", "svc", "pasword", secret("typo-field"))));
    fail(
        modeler.put(
            env(basicConn, "PROD"), fields("username", "svc", "password", secret("bad-env"))));
    fail(
        modeler.put(
            env(basicConn, "DEVELOPMENT"),
            Map.of("fields", Map.of("password", secret("stale")), "version", 1)));
    fail(
        modeler.put(
            env(basicConn, "DEVELOPMENT"),
            fields("password", Map.of("nested", secret("wrong-shape")))));
    fail(
        modeler.put(
            env(headersConn, "QA"), fields("headers", Map.of("Bad Header", secret("bad-header")))));
    fail(
        modeler.send(
            "PUT",
            env(basicConn, "QA"),
            "{\"fields\": {\"password\": " + secret("unquoted") + "}}"));
    fail(
        modeler.send(
            "PUT", env(basicConn, "QA"), "{\"fields\": {\"password\": \"" + secret("truncated")));
    fail(
        modeler.send(
            "PUT",
            env(basicConn, "QA"),
            "{\"fields\": {\"password\": \"" + secret("trailing") + "\"}} x"));
    fail(
        modeler.put(
            env(basicConn, "QA"),
            Map.of(
                "fields",
                Map.of("password", secret("unknown-prop")),
                "password",
                secret("top-level"))));
    fail(admin.put("/api/secrets/connections.x", Map.of("value", secret("reserved-key"))));
    fail(admin.put("/api/secrets/OK_" + tag, Map.of("value", Map.of("v", secret("secret-shape")))));
    fail(
        admin.send(
            "PUT", "/api/secrets/OK_" + tag, "{\"value\": " + secret("secret-unquoted") + "}"));
    fail(modeler.put("/api/secrets/USER_" + tag, Map.of("value", secret("forbidden"))));
    fail(api.anonymous().put("/api/secrets/ANON_" + tag, Map.of("value", secret("anonymous"))));
    fail(api.as("modeler", secret("wrong-password")).get("/api/connections"));

    // the secrets really are stored
    assertThat(
            resolver
                .resolve(
                    "default",
                    key(modeler, basicConn),
                    Environment.DEVELOPMENT,
                    RuntimeCaller.PERSON)
                .secrets()
                .text("password"))
        .contains(secretNamed("basic-dev"));
    assertThat(
            resolver
                .resolve(
                    "default", key(modeler, oauthConn), Environment.STAGING, RuntimeCaller.PERSON)
                .secrets()
                .text("clientSecret"))
        .contains(secretNamed("oauth-staging"));

    // read everything back, every way there is
    for (String id : List.of(basicConn, bearerConn, headersConn, oauthConn)) {
      ok(modeler.get("/api/connections/" + id));
    }
    for (String id : List.of(basic, bearer, headers, oauth)) {
      ok(admin.get("/api/integrations/" + id));
      ok(admin.get("/api/integrations/" + id + "/fields"));
      ok(admin.get("/api/integrations/" + id + "/impact"));
    }
    ok(modeler.get("/api/connections"));
    ok(modeler.get("/api/connections?search=" + tag));
    ok(admin.get("/api/integrations"));
    ok(admin.get("/api/secrets"));
    long version = modeler.get("/api/connections/" + basicConn).json().get("version").asLong();
    ok(
        modeler.put(
            "/api/connections/" + basicConn,
            Map.of("name", "Renamed " + tag, "visibility", "ORGANIZATION", "version", version)));
    ok(modeler.delete(env(basicConn, "PRODUCTION")));
    fail(admin.delete("/api/integrations/" + oauth));
    assertThat(admin.delete("/api/integrations/" + headers + "?force=true").status())
        .isEqualTo(204);

    List<String> transcript = api.transcript();
    assertThat(transcript).hasSizeGreaterThan(40);
    for (String secret : secrets) {
      assertThat(transcript).noneMatch(r -> r.contains(secret));
      assertThat(output.getAll()).as("logs").doesNotContain(secret);
    }
  }

  private Map<String, Object> integration(
      String name, String authScheme, Map<String, Object> config) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("name", name + " " + tag);
    body.put("type", "REST_API");
    body.put("authScheme", authScheme);
    body.put("config", config);
    return body;
  }

  private String connection(ApiClient user, String integrationId, String visibility) {
    Response created = postConnection(user, integrationId, "Conn " + tag(), visibility);
    ok(created);
    return created.text("/id");
  }

  private static String key(ApiClient user, String connectionId) {
    return user.get("/api/connections/" + connectionId).text("/key");
  }

  private String secret(String label) {
    String secret = "s3cr3t-" + label + "-" + tag;
    secrets.add(secret);
    return secret;
  }

  private String secretNamed(String label) {
    return "s3cr3t-" + label + "-" + tag;
  }

  private static Map<String, Object> fields(Object... nameValues) {
    Map<String, Object> fields = new LinkedHashMap<>();
    for (int i = 0; i < nameValues.length; i += 2) {
      fields.put((String) nameValues[i], nameValues[i + 1]);
    }
    return Map.of("fields", fields);
  }

  private static String env(String connectionId, String environment) {
    return "/api/connections/" + connectionId + "/environments/" + environment;
  }

  private static void ok(Response response) {
    assertThat(response.status()).as(response.toString()).isBetween(200, 299);
  }

  private static void fail(Response response) {
    assertThat(response.status()).as(response.toString()).isBetween(400, 499);
    assertThat(response.isProblem()).as(response.toString()).isTrue();
    JsonNode problem = response.json();
    assertThat(problem.path("detail").asText()).isNotBlank();
  }
}
