package dev.flowconnections.runtime.ai;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.flowconnections.integration.AuthScheme;
import dev.flowconnections.integration.IntegrationType;
import dev.flowconnections.runtime.testsupport.RecordingHttpServer;
import io.camunda.connector.api.error.ConnectorInputException;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Bad task input and configuration are incidents naming the field, and nothing is sent to the
 * provider.
 */
@Tag("fast")
class AiInputValidationTest {

  private final RecordingHttpServer server = RecordingHttpServer.start();
  private final AiTestFixture fixture =
      new AiTestFixture().provider("OPENAI", server.baseUrl(), "sk-validation-1");

  @AfterEach
  void nothingWasSent() {
    assertThat(server.requests()).isEmpty();
    server.close();
  }

  @Test
  void aUserPromptIsRequired() {
    Map<String, Object> task = new HashMap<>();
    task.put("userPrompt", null);
    assertThatThrownBy(() -> fixture.ask(task))
        .isInstanceOf(ConnectorInputException.class)
        .hasMessageContaining("userPrompt: Validation failed");
  }

  @Test
  void temperatureIsBetweenZeroAndTwo() {
    assertThatThrownBy(() -> fixture.ask(Map.of("temperature", 2.5)))
        .isInstanceOf(ConnectorInputException.class)
        .hasMessageContaining("temperature: Validation failed");
  }

  @Test
  void maxTokensIsPositive() {
    assertThatThrownBy(() -> fixture.ask(Map.of("maxTokens", 0)))
        .isInstanceOf(ConnectorInputException.class)
        .hasMessageContaining("maxTokens: Validation failed");
  }

  @Test
  void toolIterationsHaveAHardCap() {
    assertThatThrownBy(() -> fixture.ask(Map.of("maxToolIterations", 21)))
        .isInstanceOf(ConnectorInputException.class)
        .hasMessageContaining("maxToolIterations: Validation failed");
  }

  @Test
  void anOutputSchemaMustBeJson() {
    assertThatThrownBy(() -> fixture.ask(Map.of("outputSchema", "{type: object")))
        .isInstanceOf(ConnectorInputException.class)
        .hasMessage("outputSchema: is not JSON");
  }

  @Test
  void anOutputSchemaMustBeAnObject() {
    assertThatThrownBy(() -> fixture.ask(Map.of("outputSchema", "[1]")))
        .isInstanceOf(ConnectorInputException.class)
        .hasMessageStartingWith("outputSchema: must be a JSON schema object");
  }

  @Test
  void anOutputSchemaMayNotMakeTheRuntimeFetchUrls() {
    assertThatThrownBy(
            () ->
                fixture.ask(
                    Map.of(
                        "outputSchema",
                        "{\"type\":\"object\",\"properties\":{\"a\":{\"$ref\":\"http://169.254.169.254/latest/meta-data\"}}}")))
        .isInstanceOf(ConnectorInputException.class)
        .hasMessage(
            "outputSchema: may only reference its own definitions ($ref starting with #), not"
                + " http://169.254.169.254/latest/meta-data");
  }

  @Test
  void aSchemaWithLocalDefinitionsIsFine() {
    server.respond(OpenAiChatTest.completion("{\"a\":\"x\"}"));
    AiResult result =
        fixture.ask(
            Map.of(
                "outputSchema",
                "{\"$defs\":{\"s\":{\"type\":\"string\"}},"
                    + "\"type\":\"object\",\"properties\":{\"a\":{\"$ref\":\"#/$defs/s\"}}}"));
    assertThat(result.structured()).isEqualTo(Map.of("a", "x"));
    server.reset(); // the one request here was meant
  }

  @Test
  void withoutModelOrDefaultModelNothingCanBeAsked() {
    fixture.resolver.connection(
        AiTestFixture.KEY,
        IntegrationType.AI_PROVIDER,
        AuthScheme.API_KEY,
        Map.of("provider", "OPENAI", "baseUrl", server.baseUrl()),
        Map.of("apiKey", "sk-validation-1"));
    assertThatThrownBy(() -> fixture.ask(Map.of()))
        .isInstanceOf(ConnectorInputException.class)
        .hasMessage(
            "no model: set 'model' on the task or 'defaultModel' on the integration of connection 'assistant-ai'");
  }

  @Test
  void ollamaNeedsABaseUrl() {
    fixture.resolver.connection(
        AiTestFixture.KEY,
        IntegrationType.AI_PROVIDER,
        AuthScheme.NONE,
        Map.of("provider", "OLLAMA", "defaultModel", "llama3.2"),
        Map.of());
    assertThatThrownBy(() -> fixture.ask(Map.of()))
        .isInstanceOf(ConnectorInputException.class)
        .hasMessage(
            "connection 'assistant-ai' has no 'baseUrl' in DEVELOPMENT; Ollama needs the URL of its server");
  }

  @Test
  void aConnectionOfAnotherTypeIsRefused() {
    fixture.resolver.connection(
        AiTestFixture.KEY, IntegrationType.SMS, Map.of("provider", "TWILIO"), Map.of());
    assertThatThrownBy(() -> fixture.ask(Map.of()))
        .isInstanceOf(ConnectorInputException.class)
        .hasMessageContaining("the AI Agent worker only serves");
  }

  @Test
  void anUnknownConnectionIsAnIncident() {
    assertThatThrownBy(() -> fixture.ask(Map.of("connection", "nope")))
        .isInstanceOf(ConnectorInputException.class)
        .hasMessage("connection 'nope' does not exist");
  }
}
