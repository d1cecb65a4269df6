package dev.flowconnections.runtime.ai;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.flowconnections.resolution.ResolvedConnection;
import dev.flowconnections.runtime.worker.ProviderSetting;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The AI providers of an AI Provider integration's {@code provider} setting: where each one's API
 * is, how it takes an API key, and which chat dialect it speaks.
 */
public enum AiProvider {
  OPENAI("OpenAI", "https://api.openai.com"),
  ANTHROPIC("Anthropic", "https://api.anthropic.com"),
  GOOGLE("Google Gemini", "https://generativelanguage.googleapis.com"),
  /** Runs where the user runs it: the integration's base URL is required. */
  OLLAMA("Ollama", null),
  /** Inference Providers, through the OpenAI-compatible router. */
  HUGGINGFACE("Hugging Face", "https://router.huggingface.co");

  private final String label;
  private final String defaultBaseUrl;

  AiProvider(String label, String defaultBaseUrl) {
    this.label = label;
    this.defaultBaseUrl = defaultBaseUrl;
  }

  static AiProvider of(ResolvedConnection connection) {
    return ProviderSetting.of(connection, AiProvider.class, OPENAI);
  }

  public String label() {
    return label;
  }

  /** Null for Ollama, whose base URL the integration must name. */
  String defaultBaseUrl() {
    return defaultBaseUrl;
  }

  /** The headers that carry an API key, as each provider documents them. */
  Map<String, String> keyHeaders(String key) {
    Map<String, String> headers = new LinkedHashMap<>();
    switch (this) {
      case ANTHROPIC -> headers.put("x-api-key", key);
      case GOOGLE -> headers.put("x-goog-api-key", key);
      // Ollama itself takes no key; one set anyway is for a proxy in front of it.
      case OPENAI, HUGGINGFACE, OLLAMA -> headers.put("Authorization", "Bearer " + key);
    }
    return headers;
  }

  /** Headers every request of the provider carries, credentials aside. */
  Map<String, String> fixedHeaders() {
    return this == ANTHROPIC ? Map.of("anthropic-version", AnthropicDialect.API_VERSION) : Map.of();
  }

  ChatDialect dialect(ObjectMapper json) {
    return switch (this) {
      case OPENAI -> new OpenAiDialect(json, "max_completion_tokens");
      case HUGGINGFACE -> new OpenAiDialect(json, "max_tokens");
      case ANTHROPIC -> new AnthropicDialect(json);
      case GOOGLE -> new GeminiDialect(json);
      case OLLAMA -> new OllamaDialect(json);
    };
  }
}
