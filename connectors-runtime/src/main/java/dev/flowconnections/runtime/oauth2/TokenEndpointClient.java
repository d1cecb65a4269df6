package dev.flowconnections.runtime.oauth2;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.flowconnections.runtime.network.OutboundAddressPolicy;
import dev.flowconnections.runtime.network.OutboundHttpClients;
import dev.flowconnections.runtime.worker.SecretMasker;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.composite.CompositeMeterRegistry;
import java.io.IOException;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Talks to an OAuth2 token endpoint (RFC 6749 §3.2): client credentials, authorization code with
 * PKCE verifier, refresh. The client authenticates with HTTP Basic (client_secret_basic, the id and
 * secret form-encoded first as §2.3.1 requires) or with form parameters (client_secret_post); the
 * integration's audience and resource go along as extra parameters. Redirects are not followed, so
 * the client secret never travels to another host.
 */
public class TokenEndpointClient {

  static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(10);
  static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(20);
  private static final int MAX_DESCRIPTION = 300;

  private final HttpClient http = OutboundHttpClients.shared(CONNECT_TIMEOUT);
  private final ObjectMapper json;
  private final MeterRegistry meters;

  public TokenEndpointClient(ObjectMapper json) {
    this(json, new CompositeMeterRegistry()); // counts nowhere
  }

  /**
   * Counts every token request by grant and outcome ({@value #REQUESTS}, docs/deploy.md, Metrics).
   */
  public TokenEndpointClient(ObjectMapper json, MeterRegistry meters) {
    this.json = json;
    this.meters = meters;
  }

  public static final String REQUESTS = "flow.connections.oauth2.token.requests";

  public TokenResponse clientCredentials(OAuth2Settings settings) {
    Map<String, String> form = new LinkedHashMap<>();
    form.put("grant_type", "client_credentials");
    putIfSet(form, "scope", settings.scopes());
    return post(settings, form, List.of());
  }

  public TokenResponse authorizationCode(
      OAuth2Settings settings, String code, String redirectUri, String codeVerifier) {
    Map<String, String> form = new LinkedHashMap<>();
    form.put("grant_type", "authorization_code");
    form.put("code", code);
    form.put("redirect_uri", redirectUri);
    form.put("code_verifier", codeVerifier);
    return post(settings, form, List.of(code, codeVerifier));
  }

  public TokenResponse refresh(OAuth2Settings settings, String refreshToken) {
    Map<String, String> form = new LinkedHashMap<>();
    form.put("grant_type", "refresh_token");
    form.put("refresh_token", refreshToken);
    return post(settings, form, List.of(refreshToken));
  }

  private TokenResponse post(
      OAuth2Settings settings, Map<String, String> form, List<String> sentSecrets) {
    String outcome = "error";
    try {
      TokenResponse response = send(settings, form, sentSecrets);
      outcome = "ok";
      return response;
    } catch (TokenEndpointException e) {
      outcome = e.kind().name().toLowerCase(java.util.Locale.ROOT);
      throw e;
    } finally {
      // the grant type is one of three fixed names; never the endpoint or the client id
      Counter.builder(REQUESTS)
          .description("Requests to OAuth2 token endpoints by grant type and outcome")
          .tag("grant", form.get("grant_type"))
          .tag("outcome", outcome)
          .register(meters)
          .increment();
    }
  }

  private TokenResponse send(
      OAuth2Settings settings, Map<String, String> form, List<String> sentSecrets) {
    putIfSet(form, "audience", settings.audience());
    putIfSet(form, "resource", settings.resource());
    HttpRequest.Builder request =
        HttpRequest.newBuilder(settings.tokenEndpoint())
            .timeout(REQUEST_TIMEOUT)
            .header("Content-Type", "application/x-www-form-urlencoded")
            .header("Accept", "application/json");
    List<String> secrets = new ArrayList<>(sentSecrets);
    secrets.add(settings.clientSecret());
    if (settings.clientAuthentication() == OAuth2Settings.ClientAuthentication.CLIENT_SECRET_POST) {
      form.put("client_id", settings.clientId());
      form.put("client_secret", settings.clientSecret());
    } else {
      String basic =
          Base64.getEncoder()
              .encodeToString(
                  (encode(settings.clientId()) + ":" + encode(settings.clientSecret()))
                      .getBytes(StandardCharsets.UTF_8));
      request.header("Authorization", "Basic " + basic);
      secrets.add(basic);
    }
    SecretMasker masker = SecretMasker.of(secrets);
    HttpResponse<String> response;
    OutboundAddressPolicy.current()
        .check(settings.tokenEndpoint()); // before any connection is attempted
    try {
      response =
          http.send(
              request.POST(HttpRequest.BodyPublishers.ofString(formBody(form))).build(),
              HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw unavailable(settings, "unreachable (" + e.getClass().getSimpleName() + ")");
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw unavailable(settings, "interrupted");
    }
    return read(settings, response, masker);
  }

  private TokenResponse read(
      OAuth2Settings settings, HttpResponse<String> response, SecretMasker masker) {
    int status = response.statusCode();
    JsonNode body = parse(response.body());
    if (status == 200 && body != null && body.hasNonNull("access_token")) {
      return new TokenResponse(
          body.get("access_token").asText(),
          expiresIn(body.get("expires_in")),
          body.hasNonNull("refresh_token") ? body.get("refresh_token").asText() : null);
    }
    if ((status == 400 || status == 401 || status == 403)
        && body != null
        && body.hasNonNull("error")) {
      String description =
          body.hasNonNull("error_description")
              ? masker.mask(body.get("error_description").asText())
              : "";
      throw rejected(
          settings, masker.mask(shorten(body.get("error").asText())), status, shorten(description));
    }
    throw unavailable(
        settings, status == 200 ? "HTTP 200 without an access_token" : "HTTP " + status);
  }

  /** The server's own words, masked and kept short: they end up in an incident. */
  private static String shorten(String text) {
    String printable = text.replaceAll("\\p{Cntrl}", " ");
    return printable.length() > MAX_DESCRIPTION
        ? printable.substring(0, MAX_DESCRIPTION) + "..."
        : printable;
  }

  private static TokenEndpointException rejected(
      OAuth2Settings settings, String error, int status, String description) {
    return new TokenEndpointException(
        TokenEndpointException.Kind.REJECTED,
        error,
        "the token endpoint of "
            + settings.describe()
            + " refused the request: "
            + error
            + (description.isBlank() ? "" : " (" + description + ")")
            + " [HTTP "
            + status
            + "]");
  }

  private static TokenEndpointException unavailable(OAuth2Settings settings, String why) {
    return new TokenEndpointException(
        TokenEndpointException.Kind.UNAVAILABLE,
        null,
        "the token endpoint of " + settings.describe() + " gave no token: " + why);
  }

  private JsonNode parse(String body) {
    try {
      JsonNode node = body == null || body.isBlank() ? null : json.readTree(body);
      return node != null && node.isObject() ? node : null;
    } catch (IOException e) {
      return null;
    }
  }

  /**
   * {@code expires_in} in seconds, as a number or (some servers) a string; null when absent or not
   * positive.
   */
  private static Duration expiresIn(JsonNode value) {
    if (value == null || value.isNull()) {
      return null;
    }
    try {
      long seconds = value.isNumber() ? value.asLong() : Long.parseLong(value.asText().trim());
      return seconds > 0 ? Duration.ofSeconds(seconds) : null;
    } catch (NumberFormatException e) {
      return null;
    }
  }

  private static void putIfSet(Map<String, String> form, String name, String value) {
    if (value != null && !value.isBlank()) {
      form.put(name, value);
    }
  }

  private static String formBody(Map<String, String> form) {
    return form.entrySet().stream()
        .map(e -> encode(e.getKey()) + "=" + encode(e.getValue()))
        .collect(Collectors.joining("&"));
  }

  private static String encode(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }
}
