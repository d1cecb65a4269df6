package dev.flowconnections.templates.webmodeler;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
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
 * An access token from the OAuth2 client-credentials grant, reused until shortly before it expires.
 * Messages of its failures name the token URL and status, never the client secret or a token.
 */
class ClientCredentialsToken {

  private static final Duration EARLY = Duration.ofSeconds(30);

  private final HttpClient http;
  private final WebModelerProperties properties;
  private final ObjectMapper json;
  private final Clock clock;
  private String token;
  private Instant expiresAt = Instant.MIN;

  ClientCredentialsToken(HttpClient http, WebModelerProperties properties, ObjectMapper json, Clock clock) {
    this.http = http;
    this.properties = properties;
    this.json = json;
    this.clock = clock;
  }

  synchronized String get() throws IOException, InterruptedException {
    if (token == null || clock.instant().isAfter(expiresAt.minus(EARLY))) {
      fetch();
    }
    return token;
  }

  /** Forgets the token, e.g. after the API answered 401 to it. */
  synchronized void invalidate() {
    token = null;
  }

  private void fetch() throws IOException, InterruptedException {
    Map<String, String> form = new LinkedHashMap<>();
    form.put("grant_type", "client_credentials");
    form.put("client_id", properties.getClientId());
    form.put("client_secret", properties.getClientSecret());
    form.put("audience", properties.getAudience());
    HttpRequest request = HttpRequest.newBuilder(properties.getTokenUrl())
        .timeout(properties.getTimeout())
        .header("Content-Type", "application/x-www-form-urlencoded")
        .header("Accept", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(encode(form)))
        .build();
    HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
    if (response.statusCode() != 200) {
      throw new IOException("token request to " + properties.getTokenUrl() + " answered HTTP " + response.statusCode());
    }
    JsonNode body = json.readTree(response.body());
    if (!body.hasNonNull("access_token")) {
      throw new IOException("token response of " + properties.getTokenUrl() + " has no access_token");
    }
    token = body.get("access_token").asText();
    expiresAt = clock.instant().plusSeconds(body.path("expires_in").asLong(300));
  }

  private static String encode(Map<String, String> form) {
    return form.entrySet().stream()
        .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
        .collect(Collectors.joining("&"));
  }
}
