package dev.flowconnections.runtime.email;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.flowconnections.resolution.ResolvedConnection;
import dev.flowconnections.runtime.worker.JobFailures;
import dev.flowconnections.runtime.worker.ProviderHttp;
import dev.flowconnections.runtime.worker.SecretMasker;
import java.net.URI;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;

/**
 * Sends mail through SendGrid's v3 HTTP API and checks API keys with an authenticated read-only
 * call. A refused key (401/403) is an incident at once; any other refusal is coded with the HTTP
 * status (e.g. "400") and carries SendGrid's error messages.
 */
final class SendGridMailer {

  static final String SEND_PATH = "/v3/mail/send";

  /** Lists the key's permissions: needs nothing but a valid key, changes nothing. */
  static final String CHECK_PATH = "/v3/scopes";

  private static final int MAX_DETAIL_CHARS = 500;

  private final ProviderHttp http;
  private final ObjectMapper json;

  SendGridMailer(ProviderHttp http, ObjectMapper json) {
    this.http = http;
    this.json = json;
  }

  EmailResult send(
      SendGridAccount account,
      OutgoingEmail email,
      ResolvedConnection connection,
      SecretMasker masker) {
    URI uri = URI.create(account.baseUrl() + SEND_PATH);
    String body;
    try {
      body = json.writeValueAsString(SendGridPayload.of(email, json));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(
          "SendGrid payload cannot be written", e); // plain strings: cannot happen
    }
    HttpResponse<String> response =
        http.send(
            ProviderHttp.request(uri)
                .header("Authorization", account.bearer())
                .header("Content-Type", "application/json")
                .POST(BodyPublishers.ofString(body))
                .build(),
            "POST " + uri,
            masker);
    checkStatus(response, connection, masker);
    return new EmailResult(
        EmailProvider.SENDGRID.name(), response.headers().firstValue("X-Message-Id").orElse(null));
  }

  /** GET {@value #CHECK_PATH}; throws as {@link #send} does when SendGrid refuses. */
  void verify(SendGridAccount account, ResolvedConnection connection, SecretMasker masker) {
    URI uri = URI.create(account.baseUrl() + CHECK_PATH);
    HttpResponse<String> response =
        http.send(
            ProviderHttp.request(uri, ProviderHttp.CONNECTION_TEST_TIMEOUT)
                .header("Authorization", account.bearer())
                .GET()
                .build(),
            "GET " + uri,
            masker);
    checkStatus(response, connection, masker);
  }

  private void checkStatus(
      HttpResponse<String> response, ResolvedConnection connection, SecretMasker masker) {
    int status = response.statusCode();
    if (status >= 200 && status < 300) {
      return;
    }
    if (status == 401 || status == 403) {
      throw JobFailures.credentialsRejected("SendGrid", connection, "HTTP " + status, masker);
    }
    String answer = "SendGrid answered HTTP " + status + ": " + errorDetail(response.body());
    if (JobFailures.isUnavailable(status)) {
      throw JobFailures.unavailable(
          status, answer, response.headers().firstValue("Retry-After"), masker);
    }
    throw JobFailures.rejected(String.valueOf(status), answer, masker);
  }

  /** SendGrid's {@code {"errors": [{"message", "field"}]}} as one line; other bodies shortened. */
  private String errorDetail(String body) {
    List<String> messages = new ArrayList<>();
    try {
      for (JsonNode error : json.readTree(body == null ? "" : body).path("errors")) {
        String field = error.path("field").asText("");
        messages.add(
            error.path("message").asText("") + (field.isEmpty() ? "" : " (" + field + ")"));
      }
    } catch (JsonProcessingException e) {
      // not JSON: the text itself below
    }
    String detail =
        messages.isEmpty() ? (body == null ? "" : body.strip()) : String.join("; ", messages);
    return detail.length() > MAX_DETAIL_CHARS
        ? detail.substring(0, MAX_DETAIL_CHARS) + "…"
        : detail;
  }
}
