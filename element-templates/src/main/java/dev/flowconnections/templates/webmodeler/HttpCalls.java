package dev.flowconnections.templates.webmodeler;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

/** Sending and reading answers the same way for the token endpoint and the API. */
final class HttpCalls {

  /** Error details are quoted into log lines; a long HTML error page is not useful there. */
  private static final int MAX_DETAIL = 200;

  private HttpCalls() {}

  static HttpResponse<String> send(HttpClient http, HttpRequest request, String call)
      throws WebModelerException {
    try {
      return http.send(request, HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw WebModelerException.unreachable(call, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw WebModelerException.unreachable(call, e);
    }
  }

  /**
   * The first readable field of an error answer (problem+json {@code detail}, {@code message},
   * OAuth {@code error}), shortened; never the raw body, which can be a whole HTML error page.
   */
  static String errorDetail(ObjectMapper json, String body, String... fields) {
    try {
      JsonNode answer = json.readTree(body == null || body.isBlank() ? "{}" : body);
      for (String field : fields) {
        String value = answer.path(field).asText("");
        if (!value.isBlank()) {
          return value.length() > MAX_DETAIL ? value.substring(0, MAX_DETAIL) + "…" : value;
        }
      }
    } catch (IOException e) {
      // not JSON: the status alone has to do
    }
    return "";
  }
}
