package dev.flowconnections.runtime.integration;

import static dev.flowconnections.runtime.testsupport.ProblemAssert.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.flowconnections.runtime.testsupport.ApiTestBase;
import org.junit.jupiter.api.Test;

/**
 * {@code /api/integration-types}: what the New Integration form offers before an integration exists
 * — every type with its auth schemes, and the fields of a type and auth scheme.
 */
class IntegrationTypeApiTest extends ApiTestBase {

  @Test
  void listsEveryTypeWithItsLabelAndAuthSchemes() {
    JsonNode types = modeler.get("/api/integration-types").json();
    assertThat(types.findValuesAsText("type"))
        .containsExactly("REST_API", "DATABASE", "EMAIL", "SMS", "AI_PROVIDER", "MCP", "STORAGE");
    assertThat(types.get(0).get("label").asText()).isEqualTo("REST API");
    assertThat(types.get(0).get("authSchemes").toString())
        .isEqualTo("[\"NONE\",\"BEARER\",\"API_KEY\",\"BASIC\",\"OAUTH2\",\"CUSTOM_HEADERS\"]");
  }

  @Test
  void fieldsOfATypeAndAuthSchemeSplitIntoIntegrationAndConnectionFields() {
    JsonNode fields =
        modeler.get("/api/integration-types/REST_API/fields?authScheme=API_KEY").json();
    assertThat(fields.get("integrationFields").findValuesAsText("name"))
        .containsExactly("baseUrl", "healthPath", "apiKeyName", "apiKeyLocation");
    JsonNode apiKey = fields.get("connectionFields").get(0);
    assertThat(apiKey.get("name").asText()).isEqualTo("apiKey");
    assertThat(apiKey.get("secret").asBoolean()).isTrue();
  }

  @Test
  void refusesWhatTheTypeDoesNotSupportNamingTheParameter() {
    JsonNode database = modeler.get("/api/integration-types").json().get(1);
    String unsupported =
        database.get("authSchemes").toString().contains("BEARER") ? "CUSTOM_HEADERS" : "BEARER";
    assertProblem(
        modeler.get("/api/integration-types/DATABASE/fields?authScheme=" + unsupported),
        400,
        "authScheme");
    assertProblem(modeler.get("/api/integration-types/FAX/fields?authScheme=NONE"), 400, "type");
    assertProblem(modeler.get("/api/integration-types/REST_API/fields"), 400, "authScheme");
    assertProblem(api.anonymous().get("/api/integration-types"), 401);
  }
}
