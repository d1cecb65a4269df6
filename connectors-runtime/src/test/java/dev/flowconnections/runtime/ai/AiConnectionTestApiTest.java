package dev.flowconnections.runtime.ai;

import static dev.flowconnections.runtime.testsupport.ApiFixtures.createConnection;
import static dev.flowconnections.runtime.testsupport.ApiFixtures.createIntegration;
import static dev.flowconnections.runtime.testsupport.ApiFixtures.credentials;
import static dev.flowconnections.runtime.testsupport.ApiFixtures.tag;
import static org.assertj.core.api.Assertions.assertThat;

import dev.flowconnections.runtime.testsupport.ApiClient.Response;
import dev.flowconnections.runtime.testsupport.ApiTestBase;
import dev.flowconnections.runtime.testsupport.RecordingHttpServer;
import dev.flowconnections.runtime.testsupport.RecordingHttpServer.Reply;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/**
 * "Test connection" of an AI Provider connection through the management API, with the stored
 * credentials.
 */
class AiConnectionTestApiTest extends ApiTestBase {

  static final RecordingHttpServer OPENAI = RecordingHttpServer.start();

  @AfterAll
  static void stopServer() {
    OPENAI.close();
  }

  @Test
  void anOpenAiConnectionIsTestedByListingModelsWithItsDevelopmentKey() {
    String integration =
        createIntegration(
            admin,
            Map.of(
                "name",
                "OpenAI " + tag(),
                "type",
                "AI_PROVIDER",
                "authScheme",
                "BEARER",
                "config",
                Map.of(
                    "provider", "OPENAI", "baseUrl", OPENAI.baseUrl(), "defaultModel", "gpt-4.1")));
    String id =
        createConnection(modeler, integration, "OpenAI " + tag(), "ORGANIZATION").text("/id");
    modeler.put(
        "/api/connections/" + id + "/environments/DEVELOPMENT",
        credentials(Map.of("token", "sk-api-dev-key-31")));
    modeler.put(
        "/api/connections/" + id + "/environments/PRODUCTION",
        credentials(Map.of("token", "sk-api-prod-key-32")));
    OPENAI.respond(
        Reply.json(
            200, "{\"object\":\"list\",\"data\":[{\"id\":\"gpt-4.1\",\"object\":\"model\"}]}"));

    Response result =
        modeler.post("/api/connections/" + id + "/environments/DEVELOPMENT/test", Map.of());

    assertThat(result.status()).as(result.toString()).isEqualTo(200);
    assertThat(result.json().get("ok").asBoolean()).isTrue();
    assertThat(result.json().get("message").asText())
        .isEqualTo(
            "OpenAI at "
                + OPENAI.baseUrl()
                + " accepted the credentials and lists 1 models, including the default model gpt-4.1");
    assertThat(OPENAI.lastRequest().rawPath()).isEqualTo("/v1/models");
    assertThat(OPENAI.lastRequest().header("Authorization")).isEqualTo("Bearer sk-api-dev-key-31");
    assertThat(result.body()).doesNotContain("sk-api-dev-key-31");
  }

  @Test
  void aRefusedKeyIsAFailedTestNamingConnectionAndEnvironment() {
    String integration =
        createIntegration(
            admin,
            Map.of(
                "name",
                "Claude " + tag(),
                "type",
                "AI_PROVIDER",
                "authScheme",
                "BEARER",
                "config",
                Map.of("provider", "ANTHROPIC", "baseUrl", OPENAI.baseUrl())));
    Response connection = createConnection(modeler, integration, "Claude " + tag(), "ORGANIZATION");
    String id = connection.text("/id");
    modeler.put(
        "/api/connections/" + id + "/environments/DEVELOPMENT",
        credentials(Map.of("token", "sk-ant-revoked-33")));
    OPENAI.respond(
        Reply.json(
            401,
            "{\"type\":\"error\",\"error\":{\"type\":\"authentication_error\","
                + "\"message\":\"invalid x-api-key sk-ant-revoked-33\"}}"));

    Response result =
        modeler.post("/api/connections/" + id + "/environments/DEVELOPMENT/test", Map.of());

    assertThat(result.json().get("ok").asBoolean()).isFalse();
    assertThat(result.json().get("message").asText())
        .isEqualTo(
            "Anthropic at "
                + OPENAI.baseUrl()
                + " rejected the credentials of connection '"
                + connection.text("/key")
                + "' in DEVELOPMENT"
                + " (HTTP 401: invalid x-api-key ****)");
    assertThat(OPENAI.lastRequest().header("x-api-key")).isEqualTo("sk-ant-revoked-33");
    assertThat(result.body()).doesNotContain("sk-ant-revoked-33");
  }
}
