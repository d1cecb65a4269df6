package dev.flowconnections.runtime.oauth2;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.flowconnections.runtime.network.OutboundAddressPolicy;
import dev.flowconnections.runtime.network.OutboundHttpClients;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Asks an OAuth2 provider's user info endpoint (OpenID Connect UserInfo, or a provider's own "who
 * am I") whose account a new access token belongs to, once at "Connect", so the UI can say
 * "Connected as alice@example.com". Only a display identity is taken from the answer (email,
 * preferred username, name or subject); the answer's other claims and the token are neither kept
 * nor logged. Any failure answers empty: knowing the account is a courtesy, never a condition of
 * the connect.
 */
public class UserInfoClient {

  private static final Logger LOG = LoggerFactory.getLogger(UserInfoClient.class);
  static final Duration TIMEOUT = Duration.ofSeconds(5);

  /** Larger answers are not a user info document; reading stops there. */
  static final int MAX_BYTES = 64 * 1024;

  static final int MAX_ACCOUNT_LENGTH = 200;

  /** Preferred first: what a person recognises as their account. */
  private static final List<String> CLAIMS = List.of("email", "preferred_username", "name", "sub");

  private final HttpClient http = OutboundHttpClients.shared(TIMEOUT);
  private final ObjectMapper json;

  public UserInfoClient(ObjectMapper json) {
    this.json = json;
  }

  /**
   * @param endpoint the integration's user info endpoint for the environment; null: none
   */
  public Optional<String> account(URI endpoint, String accessToken) {
    if (endpoint == null) {
      return Optional.empty();
    }
    try {
      OutboundAddressPolicy.current().check(endpoint); // before anything is sent
      HttpResponse<InputStream> response =
          http.send(
              HttpRequest.newBuilder(endpoint)
                  .timeout(TIMEOUT)
                  .header("Authorization", "Bearer " + accessToken)
                  .header("Accept", "application/json")
                  .GET()
                  .build(),
              HttpResponse.BodyHandlers.ofInputStream());
      try (InputStream body = response.body()) {
        if (response.statusCode() != 200) {
          LOG.info(
              "User info endpoint {} answered HTTP {}", describe(endpoint), response.statusCode());
          return Optional.empty();
        }
        return displayIdentity(json.readTree(body.readNBytes(MAX_BYTES)));
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return Optional.empty();
    } catch (IOException | RuntimeException e) {
      // the message of a refused address or an unreachable host holds no token
      LOG.info(
          "User info endpoint {} gave no account: {}",
          describe(endpoint),
          e.getClass().getSimpleName());
      return Optional.empty();
    }
  }

  /**
   * The first of {@link #CLAIMS} that is a non-blank text, printable and at most 200 characters.
   */
  static Optional<String> displayIdentity(JsonNode document) {
    if (document == null || !document.isObject()) {
      return Optional.empty();
    }
    for (String claim : CLAIMS) {
      JsonNode value = document.get(claim);
      if (value != null && value.isTextual()) {
        String text = value.asText().replaceAll("\\p{Cntrl}", " ").strip();
        if (!text.isEmpty()) {
          return Optional.of(
              text.length() > MAX_ACCOUNT_LENGTH ? text.substring(0, MAX_ACCOUNT_LENGTH) : text);
        }
      }
    }
    return Optional.empty();
  }

  /** Scheme, host and port only: a path or query could carry anything. */
  private static String describe(URI endpoint) {
    return endpoint.getScheme()
        + "://"
        + endpoint.getHost()
        + (endpoint.getPort() < 0 ? "" : ":" + endpoint.getPort());
  }
}
