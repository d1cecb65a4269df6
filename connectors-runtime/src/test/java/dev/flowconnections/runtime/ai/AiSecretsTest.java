package dev.flowconnections.runtime.ai;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.fasterxml.jackson.databind.JsonNode;
import dev.flowconnections.fields.FieldCatalog;
import dev.flowconnections.integration.AuthScheme;
import dev.flowconnections.runtime.connectiontest.TestOutcome;
import dev.flowconnections.runtime.testsupport.RecordingHttpServer;
import dev.flowconnections.runtime.testsupport.RecordingHttpServer.Reply;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/**
 * No key of an AI Provider connection reaches a result, an incident or a test outcome, even when
 * the provider (or a proxy in front of it) quotes the request back, and none is sent to a tool.
 */
@Tag("fast")
class AiSecretsTest {

  static final String API_KEY = "sk-Secret-AI-Key-0042";

  private final RecordingHttpServer server = RecordingHttpServer.start();
  private final AiTestFixture fixture =
      new AiTestFixture().provider("OPENAI", server.baseUrl(), API_KEY);

  @AfterEach
  void stop() {
    server.close();
  }

  @Test
  void anAnswerQuotingTheKeyIsMaskedInTextStructuredAndToolArguments() {
    RecordingTools tools = new RecordingTools();
    fixture.tools = tools;
    server.respond(
        AiTestFixture.inOrder(
            AiToolLoopTest.toolCall("call_1", "get_order", API_KEY),
            OpenAiChatTest.completion("{\"note\":\"your key is " + API_KEY + "\"}")));

    AiResult result =
        fixture.ask(Map.of("outputSchema", "{\"type\":\"object\"}", "mcpConnection", "orders-mcp"));

    assertThat(result.text()).isEqualTo("{\"note\":\"your key is ****\"}");
    assertThat(result.structured()).isEqualTo(Map.of("note", "your key is ****"));
    assertThat(result.toolCalls().getFirst().arguments()).isEqualTo(Map.of("orderId", "****"));
    assertThat(result.toString()).doesNotContain(API_KEY);
  }

  @Test
  void aToolResultQuotingTheKeyIsMaskedBeforeItGoesBackToTheModel() {
    fixture.tools =
        new RecordingTools() {
          @Override
          public ToolOutcome call(String name, JsonNode arguments) {
            return ToolOutcome.success("leaked " + API_KEY);
          }
        };
    server.respond(
        AiTestFixture.inOrder(
            AiToolLoopTest.toolCall("call_1", "get_order", "A-1"),
            OpenAiChatTest.completion("ok")));

    fixture.ask(Map.of("mcpConnection", "orders-mcp"));

    assertThat(server.requests().get(1).body()).contains("leaked ****").doesNotContain(API_KEY);
  }

  @Test
  void aProviderEchoingTheAuthorizationHeaderInAnErrorIsMasked() {
    server.respond(
        request ->
            Reply.json(
                400,
                "{\"error\":{\"message\":\"bad header "
                    + request.header("Authorization")
                    + "\"}}"));

    assertThatThrownBy(() -> fixture.ask(Map.of()))
        .hasMessageEndingWith("answered HTTP 400: bad header Bearer ****")
        .satisfies(e -> assertThat(e.getMessage()).doesNotContain(API_KEY));
  }

  @Test
  void aRefusedKeyIsNeverQuotedInTheIncident() {
    server.respond(
        Reply.json(
            401, "{\"error\":{\"message\":\"Incorrect API key provided: " + API_KEY + "\"}}"));

    assertThatThrownBy(() -> fixture.ask(Map.of()))
        .hasMessageEndingWith("(HTTP 401: Incorrect API key provided: ****)");
  }

  @Test
  void customHeaderValuesAreMaskedToo() {
    fixture.provider(
        "OPENAI",
        server.baseUrl(),
        AuthScheme.CUSTOM_HEADERS,
        Map.of(FieldCatalog.HEADERS, Map.of("api-key", "azure-Secret-Header-77")));
    server.respond(
        request ->
            Reply.json(500, "{\"error\":{\"message\":\"got " + request.header("api-key") + "\"}}"));

    assertThatThrownBy(() -> fixture.ask(Map.of())).hasMessageContaining("got ****");
    assertThat(server.lastRequest().header("api-key")).isEqualTo("azure-Secret-Header-77");
    assertThat(server.lastRequest().header("Authorization")).isNull();
  }

  @Test
  void connectionTestOutcomesAreMasked() {
    server.respond(
        request ->
            Reply.json(
                500, "{\"error\":{\"message\":\"" + request.header("Authorization") + "\"}}"));

    TestOutcome outcome = fixture.tester().test(fixture.resolver.current());

    assertThat(outcome.ok()).isFalse();
    assertThat(outcome.message())
        .endsWith("answered HTTP 500: Bearer ****")
        .doesNotContain(API_KEY);
  }

  @Test
  void nothingTheWorkerLogsContainsTheKey() {
    Logger logger = (Logger) LoggerFactory.getLogger("dev.flowconnections.runtime.ai");
    Level level = logger.getLevel();
    ListAppender<ILoggingEvent> logs = new ListAppender<>();
    logs.start();
    logger.addAppender(logs);
    logger.setLevel(Level.TRACE);
    try {
      fixture.tools = new RecordingTools();
      server.respond(
          AiTestFixture.inOrder(
              AiToolLoopTest.toolCall("call_1", "get_order", API_KEY),
              Reply.json(500, "{\"error\":{\"message\":\"echo " + API_KEY + "\"}}")));
      assertThatThrownBy(() -> fixture.ask(Map.of("mcpConnection", "orders-mcp")));
    } finally {
      logger.detachAppender(logs);
      logger.setLevel(level);
    }
    assertThat(logs.list)
        .isNotEmpty()
        .allSatisfy(event -> assertThat(event.getFormattedMessage()).doesNotContain(API_KEY));
  }

  @Test
  void theAccountNeverPrintsItsKey() {
    assertThat(AiAccount.of(fixture.resolver.current()).toString())
        .doesNotContain(API_KEY)
        .contains("Authorization");
  }
}
