package dev.flowconnections.runtime.ai;

import static dev.flowconnections.runtime.ai.AiTestFixture.body;
import static dev.flowconnections.runtime.ai.AiTestFixture.json;
import static org.assertj.core.api.Assertions.assertThat;

import dev.flowconnections.fields.FieldCatalog;
import dev.flowconnections.integration.AuthScheme;
import dev.flowconnections.runtime.testsupport.RecordingHttpServer;
import dev.flowconnections.runtime.testsupport.RecordingHttpServer.RecordedRequest;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The AI Agent against a local server speaking the Hugging Face Inference Providers router, which
 * is OpenAI Chat Completions with a Hugging Face token as Bearer and {@code max_tokens}.
 */
@Tag("fast")
class HuggingFaceChatTest {

  static final String HF_TOKEN = "hf_huggingFaceToken3456";

  @AutoClose private final RecordingHttpServer server = RecordingHttpServer.start();
  private final AiTestFixture fixture =
      new AiTestFixture()
          .provider(
              "HUGGINGFACE",
              server.baseUrl(),
              AuthScheme.BEARER,
              Map.of(FieldCatalog.TOKEN, HF_TOKEN));

  @Test
  void postsTheRoutersChatCompletionsWithTheTokenAsBearer() {
    server.respond(OpenAiChatTest.completion("HARDWARE"));

    AiResult result =
        fixture.ask(Map.of("model", "meta-llama/Llama-3.1-8B-Instruct:novita", "maxTokens", 50));

    RecordedRequest request = server.lastRequest();
    assertThat(request.rawPath()).isEqualTo("/v1/chat/completions");
    assertThat(request.header("Authorization")).isEqualTo("Bearer " + HF_TOKEN);
    assertThat(body(request))
        .isEqualTo(
            json(
                """
        {"model":"meta-llama/Llama-3.1-8B-Instruct:novita",
         "messages":[{"role":"system","content":"You sort support tickets."},
                     {"role":"user","content":"Printer on fire, please help"}],
         "max_tokens":50}"""));
    assertThat(result)
        .isEqualTo(
            new AiResult(
                "HUGGINGFACE",
                "meta-llama/Llama-3.1-8B-Instruct:novita",
                "HARDWARE",
                null,
                new TokenUsage(19, 10, 29),
                "stop",
                List.of()));
  }
}
