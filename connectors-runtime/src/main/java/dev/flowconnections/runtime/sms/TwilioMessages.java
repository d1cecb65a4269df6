package dev.flowconnections.runtime.sms;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.flowconnections.resolution.ResolvedConnection;
import dev.flowconnections.runtime.worker.JobFailures;
import dev.flowconnections.runtime.worker.ProviderHttp;
import dev.flowconnections.runtime.worker.SecretMasker;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Sends SMS through Twilio's Messages API ({@code POST .../Accounts/{sid}/Messages.json}, form
 * encoded, HTTP Basic with SID and auth token) and checks credentials by reading the account. A
 * refused login is an incident at once; other refusals are coded with the HTTP status and carry
 * Twilio's message and error code (e.g. 21211 for an invalid 'To' number). Other workers on a
 * Twilio account (Voice Call) call its REST API through {@link #postForm} and {@link #get}, so
 * every Twilio answer means the same everywhere.
 */
public final class TwilioMessages {

  static final String PROVIDER = "Twilio";

  private final ProviderHttp http;
  private final ObjectMapper json;

  public TwilioMessages(ProviderHttp http, ObjectMapper json) {
    this.http = http;
    this.json = json;
  }

  SmsResult send(
      TwilioAccount account,
      String to,
      String from,
      String message,
      ResolvedConnection connection,
      SecretMasker masker) {
    Map<String, String> form = new LinkedHashMap<>();
    form.put("To", to);
    form.put("From", from);
    form.put("Body", message);
    JsonNode body = postForm(account, "/Messages.json", form, connection, masker);
    return new SmsResult(SmsProvider.TWILIO.name(), text(body, "sid"), text(body, "status"));
  }

  /**
   * POSTs {@code form} (form encoded, in its order) to {@code path} under the account's resource,
   * e.g. {@code /Calls.json}; Twilio's JSON answer, or the failure it means.
   */
  public JsonNode postForm(
      TwilioAccount account,
      String path,
      Map<String, String> form,
      ResolvedConnection connection,
      SecretMasker masker) {
    URI uri = URI.create(account.accountUrl() + path);
    HttpResponse<String> response =
        http.send(
            ProviderHttp.request(uri)
                .header("Authorization", account.authorization())
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(BodyPublishers.ofString(formEncode(form)))
                .build(),
            "POST " + uri,
            masker);
    return checked(response, connection, masker);
  }

  /** GETs {@code path} under the account's resource, e.g. {@code /Calls/CA123.json}. */
  public JsonNode get(
      TwilioAccount account, String path, ResolvedConnection connection, SecretMasker masker) {
    URI uri = URI.create(account.accountUrl() + path);
    return checked(
        http.send(
            ProviderHttp.request(uri)
                .header("Authorization", account.authorization())
                .GET()
                .build(),
            "GET " + uri,
            masker),
        connection,
        masker);
  }

  /**
   * GETs a media file under the account's resource (a recording's {@code .wav}), at most {@code
   * maxBytes}. Twilio may answer with a redirect to its media storage: that one is followed once,
   * without the account's credentials.
   */
  public byte[] media(
      TwilioAccount account,
      String path,
      long maxBytes,
      ResolvedConnection connection,
      SecretMasker masker) {
    URI uri = URI.create(account.accountUrl() + path);
    HttpResponse<byte[]> response =
        http.sendForBytes(
            ProviderHttp.request(uri)
                .header("Authorization", account.authorization())
                .GET()
                .build(),
            "GET " + uri,
            maxBytes,
            masker);
    if (response.statusCode() >= 300 && response.statusCode() < 400) {
      URI location =
          response
              .headers()
              .firstValue("Location")
              .map(uri::resolve)
              .orElseThrow(
                  () ->
                      JobFailures.rejected(
                          "INVALID_RESPONSE",
                          PROVIDER + " redirected GET " + uri + " without a Location",
                          masker));
      response =
          http.sendForBytes(
              ProviderHttp.request(location).GET().build(),
              "GET media of " + uri,
              maxBytes,
              masker);
    }
    if (response.statusCode() >= 200 && response.statusCode() < 300) {
      return response.body();
    }
    checked(
        response.statusCode(),
        new String(response.body(), StandardCharsets.UTF_8),
        response.headers().firstValue("Retry-After"),
        connection,
        masker);
    throw new IllegalStateException("unreachable");
  }

  /**
   * GET the account resource: needs nothing but valid credentials, changes nothing, sends nothing.
   */
  void verify(TwilioAccount account, ResolvedConnection connection, SecretMasker masker) {
    URI uri = URI.create(account.accountUrl() + ".json");
    checked(
        http.send(
            ProviderHttp.request(uri, ProviderHttp.CONNECTION_TEST_TIMEOUT)
                .header("Authorization", account.authorization())
                .GET()
                .build(),
            "GET " + uri,
            masker),
        connection,
        masker);
  }

  private JsonNode checked(
      HttpResponse<String> response, ResolvedConnection connection, SecretMasker masker) {
    return checked(
        response.statusCode(),
        response.body(),
        response.headers().firstValue("Retry-After"),
        connection,
        masker);
  }

  private JsonNode checked(
      int status,
      String text,
      Optional<String> retryAfter,
      ResolvedConnection connection,
      SecretMasker masker) {
    JsonNode body = parse(text);
    if (status >= 200 && status < 300) {
      return body;
    }
    if (status == 401 || status == 403) {
      throw JobFailures.credentialsRejected(PROVIDER, connection, "HTTP " + status, masker);
    }
    String code = body.path("code").asText("");
    String answer =
        PROVIDER
            + " answered HTTP "
            + status
            + ": "
            + body.path("message").asText("no message")
            + (code.isEmpty() ? "" : " (error " + code + ")");
    if (JobFailures.isUnavailable(status)) {
      throw JobFailures.unavailable(status, answer, retryAfter, masker);
    }
    throw JobFailures.rejected(String.valueOf(status), answer, masker);
  }

  private JsonNode parse(String body) {
    try {
      return json.readTree(body == null || body.isBlank() ? "{}" : body);
    } catch (JsonProcessingException e) {
      return json.createObjectNode();
    }
  }

  private static String text(JsonNode body, String field) {
    return body.hasNonNull(field) ? body.get(field).asText() : null;
  }

  private static String formEncode(Map<String, String> form) {
    return form.entrySet().stream()
        .map(e -> encode(e.getKey()) + "=" + encode(e.getValue()))
        .collect(Collectors.joining("&"));
  }

  private static String encode(String text) {
    return URLEncoder.encode(text, StandardCharsets.UTF_8);
  }
}
