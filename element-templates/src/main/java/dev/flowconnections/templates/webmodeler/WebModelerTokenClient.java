package dev.flowconnections.templates.webmodeler;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Access tokens for the Web Modeler API by the OAuth2 client-credentials grant. A token is reused
 * until shortly before it expires, so pushing all templates costs one token request, not one per
 * call; {@link #invalidate} drops a token the API rejected (revoked, or expired early).
 */
public class WebModelerTokenClient {

  /**
   * Renew this long before expiry, so a token does not run out between being handed out and used.
   */
  static final Duration RENEW_BEFORE_EXPIRY = Duration.ofSeconds(30);

  /** {@code expires_in} is only RECOMMENDED by RFC 6749; without it, assume a short life. */
  static final Duration LIFETIME_IF_UNSAID = Duration.ofSeconds(60);

  private static final String MASK = "****";

  private final HttpClient http;
  private final URI tokenUrl;
  private final String form;
  private final String clientSecret;
  private final Duration timeout;
  private final ObjectMapper json;
  private final Clock clock;

  private String token;
  private Instant renewAt = Instant.MIN;

  /** Kept only to mask it too, should a late error message quote it. */
  private String previousToken;

  public WebModelerTokenClient(
      HttpClient http,
      URI tokenUrl,
      String clientId,
      String clientSecret,
      String audience,
      Duration timeout,
      ObjectMapper json,
      Clock clock) {
    this.http = http;
    this.tokenUrl = tokenUrl;
    this.clientSecret = clientSecret;
    this.timeout = timeout;
    this.json = json;
    this.clock = clock;
    Map<String, String> fields = new LinkedHashMap<>();
    fields.put("grant_type", "client_credentials");
    fields.put("client_id", clientId);
    fields.put("client_secret", clientSecret);
    if (audience != null && !audience.isBlank()) {
      fields.put("audience", audience);
    }
    this.form =
        fields.entrySet().stream()
            .map(
                e ->
                    URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8)
                        + "="
                        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
            .collect(Collectors.joining("&"));
  }

  /** A valid token, from the cache or freshly requested. */
  public synchronized String token() throws WebModelerException {
    if (token == null || !clock.instant().isBefore(renewAt)) {
      fetch();
    }
    return token;
  }

  /**
   * Forgets {@code rejected} if it is still the cached token; when another caller already replaced
   * it, the newer token stays.
   */
  public synchronized void invalidate(String rejected) {
    if (rejected != null && rejected.equals(token)) {
      previousToken = token;
      token = null;
    }
  }

  /** {@code text} with the client secret and any token of this client masked, for log lines. */
  public synchronized String redact(String text) {
    String redacted = text == null ? "" : text;
    for (String secret : new String[] {clientSecret, token, previousToken}) {
      if (secret != null && !secret.isEmpty()) {
        redacted = redacted.replace(secret, MASK);
      }
    }
    return redacted;
  }

  private void fetch() throws WebModelerException {
    HttpRequest request =
        HttpRequest.newBuilder(tokenUrl)
            .timeout(timeout)
            .header("Content-Type", "application/x-www-form-urlencoded")
            .header("Accept", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(form))
            .build();
    Instant requestedAt = clock.instant();
    HttpResponse<String> response = HttpCalls.send(http, request, "token request");
    if (response.statusCode() / 100 != 2) {
      throw WebModelerException.tokenRefused(
          response.statusCode(),
          redact(HttpCalls.errorDetail(json, response.body(), "error_description", "error")));
    }
    JsonNode answer;
    try {
      answer = json.readTree(response.body());
    } catch (IOException e) {
      throw WebModelerException.tokenUnusable("not JSON");
    }
    String accessToken = answer.path("access_token").asText("");
    if (accessToken.isBlank()) {
      throw WebModelerException.tokenUnusable("no access_token");
    }
    Duration lifetime =
        answer.hasNonNull("expires_in")
            ? Duration.ofSeconds(answer.get("expires_in").asLong())
            : LIFETIME_IF_UNSAID;
    // At most half the lifetime early, so a token that lives under a minute is still reused.
    Duration half = lifetime.dividedBy(2);
    Duration margin = half.compareTo(RENEW_BEFORE_EXPIRY) < 0 ? half : RENEW_BEFORE_EXPIRY;
    if (token != null) {
      previousToken = token; // after invalidate() it already holds the rejected one
    }
    token = accessToken;
    // Counted from the request, not the answer: the token's lifetime started no later than that.
    renewAt = requestedAt.plus(lifetime).minus(margin);
  }
}
