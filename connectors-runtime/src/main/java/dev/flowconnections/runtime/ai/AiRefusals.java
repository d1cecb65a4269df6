package dev.flowconnections.runtime.ai;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.flowconnections.resolution.ResolvedConnection;
import dev.flowconnections.runtime.worker.JobFailures;
import dev.flowconnections.runtime.worker.SecretMasker;
import java.net.http.HttpHeaders;
import java.util.Optional;

/**
 * What an AI provider's answer other than 2xx means, for every client of its APIs (chat, speech,
 * transcription): refused credentials are an incident at once, 429/5xx are retried after {@code
 * Retry-After}, anything else is a coded answer carrying the status. The provider's own message is
 * quoted, masked.
 */
public final class AiRefusals {

  private static final ObjectMapper JSON = new ObjectMapper();

  private AiRefusals() {}

  public static RuntimeException of(
      AiAccount account,
      int status,
      String body,
      HttpHeaders headers,
      ResolvedConnection connection,
      SecretMasker masker) {
    String detail = "HTTP " + status + errorMessage(body).map(m -> ": " + m).orElse("");
    if (status == 401 || status == 403) {
      return JobFailures.credentialsRejected(account.describe(), connection, detail, masker);
    }
    if (JobFailures.isUnavailable(status)) {
      return JobFailures.unavailable(
          status,
          account.describe() + " answered " + detail,
          headers.firstValue("Retry-After"),
          masker);
    }
    return JobFailures.rejected(
        String.valueOf(status), account.describe() + " answered " + detail, masker);
  }

  /**
   * The provider's own message: {@code error.message} (OpenAI, Anthropic, Gemini) or {@code error}
   * (Ollama).
   */
  private static Optional<String> errorMessage(String body) {
    try {
      JsonNode node = JSON.readTree(body == null || body.isBlank() ? "{}" : body);
      JsonNode error = node.path("error");
      String message =
          error.isTextual()
              ? error.asText()
              : error.path("message").asText(node.path("message").asText(""));
      return message.isBlank() ? Optional.empty() : Optional.of(message);
    } catch (JsonProcessingException e) {
      return Optional.empty();
    }
  }
}
