package dev.flowconnections.runtime.ai;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.flowconnections.resolution.ResolvedConnection;
import dev.flowconnections.runtime.worker.JobFailures;
import dev.flowconnections.runtime.worker.ProviderHttp;
import dev.flowconnections.runtime.worker.SecretMasker;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.time.Duration;

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
    account.authorize(request, connection);
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
    throw AiRefusals.of(account, status, response.body(), response.headers(), connection, masker);
  }
}
