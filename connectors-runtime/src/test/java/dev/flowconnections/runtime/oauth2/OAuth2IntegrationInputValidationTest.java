package dev.flowconnections.runtime.oauth2;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flowconnections.runtime.testsupport.ApiClient;
import dev.flowconnections.runtime.testsupport.ApiFixtures;
import dev.flowconnections.runtime.testsupport.ApiTestBase;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The OAuth2 settings of an integration: defaults, choices and what the grant type requires. */
class OAuth2IntegrationInputValidationTest extends ApiTestBase {

  private ApiClient.Response create(Map<String, Object> config) {
    Map<String, Object> all = new LinkedHashMap<>();
    all.put("baseUrl", "https://api.example.test");
    all.putAll(config);
    return admin.post(
        "/api/integrations",
        Map.of(
            "name",
            "OAuth " + ApiFixtures.tag(),
            "type",
            "REST_API",
            "authScheme",
            "OAUTH2",
            "config",
            all));
  }

  @Test
  void clientCredentialsAndClientSecretBasicAreTheDefaults() {
    ApiClient.Response created =
        create(Map.of("tokenEndpoint", "https://login.example.test/token"));

    assertThat(created.status()).as(created.toString()).isEqualTo(201);
    assertThat(created.text("/config/grantType")).isEqualTo("CLIENT_CREDENTIALS");
    assertThat(created.text("/config/clientAuthentication")).isEqualTo("CLIENT_SECRET_BASIC");
  }

  @Test
  void theFieldSchemaListsGrantClientAuthenticationAudienceAndResource() {
    String id = create(Map.of("tokenEndpoint", "https://login.example.test/token")).text("/id");

    ApiClient.Response fields = admin.get("/api/integrations/" + id + "/fields");

    assertThat(fields.json().get("integrationFields").findValuesAsText("name"))
        .contains(
            "grantType",
            "authorizationEndpoint",
            "tokenEndpoint",
            "scopes",
            "clientAuthentication",
            "audience",
            "resource");
    assertThat(fields.json().get("connectionFields").findValuesAsText("name"))
        .containsExactly("clientId", "clientSecret");
  }

  @Test
  void anUnknownGrantTypeIsNamed() {
    OAuth2ConnectApiTest.problem(
        create(
            Map.of("tokenEndpoint", "https://login.example.test/token", "grantType", "PASSWORD")),
        400,
        "config.grantType",
        "must be one of [CLIENT_CREDENTIALS, AUTHORIZATION_CODE]");
  }

  @Test
  void anUnknownClientAuthenticationIsNamed() {
    OAuth2ConnectApiTest.problem(
        create(
            Map.of(
                "tokenEndpoint",
                "https://login.example.test/token",
                "clientAuthentication",
                "PRIVATE_KEY_JWT")),
        400,
        "config.clientAuthentication",
        "must be one of [CLIENT_SECRET_BASIC, CLIENT_SECRET_POST]");
  }

  @Test
  void theAuthorizationCodeGrantNeedsAnAuthorizationEndpoint() {
    OAuth2ConnectApiTest.problem(
        create(
            Map.of(
                "tokenEndpoint",
                "https://login.example.test/token",
                "grantType",
                "AUTHORIZATION_CODE")),
        400,
        "config.authorizationEndpoint",
        "is required");
  }

  @Test
  void theResourceMustBeAnAbsoluteUrl() {
    OAuth2ConnectApiTest.problem(
        create(Map.of("tokenEndpoint", "https://login.example.test/token", "resource", "orders")),
        400,
        "config.resource",
        "must be an absolute http or https URL");
  }
}
