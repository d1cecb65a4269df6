package dev.flowconnections.runtime.ai;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.flowconnections.resolution.ResolvedConnection;
import dev.flowconnections.runtime.worker.JobFailures;
import dev.flowconnections.runtime.worker.ProviderHttp;
import dev.flowconnections.runtime.worker.SecretMasker;
import io.camunda.connector.api.error.ConnectorInputException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Optional;

/**
 * Calls an AI provider's HTTP API with the account's headers and turns its answer into JSON or into
 * the worker's failure kinds: refused credentials (401, 403) are an incident at once naming
 * connection and environment; rate limits (429) and server errors (5xx) are retried, after the
 * provider's {@code Retry-After} when it sends seconds; any other refusal is coded with the status.
 */
final class ModelClient {

  /**
   * A Retry-After beyond this is not waited for inside the engine's backoff; the job's own backoff
   * applies.
   */
  private final ProviderHttp http;

  private final ObjectMapper json;

  ModelClient(ProviderHttp http, ObjectMapper json) {
    this.http = http;
    this.json = json;
  }

  JsonNode post(
      AiAccount account,
      String path,
      JsonNode body,
      Duration timeout,
      ResolvedConnection connection,
      SecretMasker masker) {
    URI uri = URI.create(account.baseUrl() + path);
    HttpRequest.Builder request =
        ProviderHttp.request(uri, timeout)
            .header("Content-Type", "application/json")
            .POST(BodyPublishers.ofString(body.toString()));
    return send(account, request, "POST " + uri, connection, masker);
  }

  JsonNode get(
      AiAccount account,
      String path,
      Duration timeout,
      ResolvedConnection connection,
      SecretMasker masker) {
    URI uri = URI.create(account.baseUrl() + path);
    return send(
        account, ProviderHttp.request(uri, timeout).GET(), "GET " + uri, connection, masker);
  }

  private JsonNode send(
      AiAccount account,
      HttpRequest.Builder request,
      String what,
      ResolvedConnection connection,
      SecretMasker masker) {
    request.header("Accept", "application/json");
    account
        .headers()
        .forEach(
            (name, value) -> {
              try {
                request.setHeader(name, value);
              } catch (
                  IllegalArgumentException
                      e) { // a header the HTTP client reserves (Host, Connection, ...)
                throw new ConnectorInputException(
                    "connection '"
                        + connection.key()
                        + "' sets the header '"
                        + name
                        + "' in "
                        + connection.environment()
                        + ", which cannot be sent");
              }
            });
    HttpResponse<String> response = http.send(request.build(), what, masker);
    int status = response.statusCode();
    if (status >= 200 && status < 300) {
      try {
        return json.readTree(
            response.body() == null || response.body().isBlank() ? "{}" : response.body());
      } catch (JsonProcessingException e) {
        throw JobFailures.rejected(
            "INVALID_RESPONSE",
            account.describe() + " answered " + what + " with something that is not JSON",
            masker);
      }
    }
    String detail = "HTTP " + status + errorMessage(response.body()).map(m -> ": " + m).orElse("");
    if (status == 401 || status == 403) {
      throw JobFailures.credentialsRejected(account.describe(), connection, detail, masker);
    }
    if (JobFailures.isUnavailable(status)) {
      throw JobFailures.unavailable(
          status,
          account.describe() + " answered " + detail,
          response.headers().firstValue("Retry-After"),
          masker);
    }
    throw JobFailures.rejected(
        String.valueOf(status), account.describe() + " answered " + detail, masker);
  }

  /**
   * The provider's own message: {@code error.message} (OpenAI, Anthropic, Gemini) or {@code error}
   * (Ollama).
   */
  private Optional<String> errorMessage(String body) {
    try {
      JsonNode node = json.readTree(body == null || body.isBlank() ? "{}" : body);
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
