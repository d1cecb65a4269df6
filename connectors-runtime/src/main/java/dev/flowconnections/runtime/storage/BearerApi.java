package dev.flowconnections.runtime.storage;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.flowconnections.resolution.ResolvedConnection;
import dev.flowconnections.runtime.network.OutboundAddressPolicy;
import dev.flowconnections.runtime.network.OutboundHttpClients;
import dev.flowconnections.runtime.worker.JobFailures;
import dev.flowconnections.runtime.worker.ProviderHttp;
import dev.flowconnections.runtime.worker.ProviderUrls;
import dev.flowconnections.runtime.worker.SecretMasker;
import io.camunda.connector.jackson.ConnectorsObjectMapperSupplier;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;

/**
 * Calls a storage provider's REST API (Google Drive, Microsoft Graph, Box) with the connection's
 * bearer token, streaming bodies both ways. Redirects are followed by hand and only for downloads,
 * without the token: OneDrive and Box answer a content request with a pre-authenticated link on
 * another host, which must not see the credential.
 */
final class BearerApi {

  private static final ObjectMapper JSON = ConnectorsObjectMapperSupplier.getCopy();
  private static final int ERROR_BODY_LIMIT = 4096;

  private final StorageProvider provider;
  private final ResolvedConnection connection;
  private final String token;
  private final SecretMasker masker;
  private final Duration timeout;
  private final HttpClient client = OutboundHttpClients.shared(ProviderHttp.CONNECT_TIMEOUT);

  BearerApi(
      StorageProvider provider,
      ResolvedConnection connection,
      String token,
      SecretMasker masker,
      Duration timeout) {
    this.provider = provider;
    this.connection = connection;
    this.token = token;
    this.masker = masker;
    this.timeout = timeout;
  }

  ResolvedConnection connection() {
    return connection;
  }

  SecretMasker masker() {
    return masker;
  }

  /** The integration's {@code baseUrl} override, else the provider's own. */
  String baseUrl(String providerDefault) {
    return ProviderUrls.baseUrl(connection, providerDefault);
  }

  /** The integration's root folder ({@code bucket}), else {@code fallback}. */
  String rootFolder(String fallback) {
    return connection.text("bucket").map(String::strip).filter(s -> !s.isEmpty()).orElse(fallback);
  }

  String describe() {
    return provider.label();
  }

  HttpRequest.Builder request(String url) {
    return HttpRequest.newBuilder(URI.create(url))
        .timeout(timeout)
        .header("Authorization", "Bearer " + token);
  }

  /**
   * A request to a URL the provider handed out (upload session): with the token only on the API's
   * own origin, so a session on another host never sees it.
   */
  HttpRequest.Builder requestToSession(String url, String apiBase) {
    URI target = URI.create(url);
    URI api = URI.create(apiBase);
    boolean sameOrigin =
        api.getScheme().equalsIgnoreCase(target.getScheme())
            && api.getRawAuthority().equalsIgnoreCase(String.valueOf(target.getRawAuthority()));
    return sameOrigin ? request(url) : anonymousRequest(url);
  }

  /** A request to a pre-authenticated URL (upload session, download link): no token. */
  HttpRequest.Builder anonymousRequest(String url) {
    return HttpRequest.newBuilder(URI.create(url)).timeout(timeout);
  }

  /**
   * Sends and expects a 2xx JSON answer (or none); {@code what} names the call and the file in
   * messages.
   */
  JsonNode json(HttpRequest request, String what) {
    HttpResponse<InputStream> response = send(request, what);
    try (InputStream body = response.body()) {
      failUnlessSuccessful(response, body, what);
      byte[] bytes = body.readAllBytes();
      return bytes.length == 0 ? JSON.createObjectNode() : JSON.readTree(bytes);
    } catch (IOException e) {
      throw JobFailures.unreachable(what + " at " + describe(), e, masker);
    }
  }

  /**
   * Sends a content request and hands back the open body, after following at most one redirect
   * (without the token). The caller closes the stream.
   */
  HttpResponse<InputStream> content(HttpRequest request, String what) {
    HttpResponse<InputStream> response = send(request, what);
    int status = response.statusCode();
    if (status == 301 || status == 302 || status == 303 || status == 307) {
      close(response.body());
      Optional<String> location = response.headers().firstValue("Location");
      if (location.isEmpty()) {
        throw JobFailures.rejected(
            String.valueOf(status),
            describe() + " redirected " + what + " without a location",
            masker);
      }
      URI target = request.uri().resolve(location.get());
      response = send(anonymousRequest(target.toString()).GET().build(), what);
      status = response.statusCode();
    }
    if (status / 100 != 2) {
      try (InputStream body = response.body()) {
        failUnlessSuccessful(response, body, what);
      } catch (IOException e) {
        throw JobFailures.unreachable(what + " at " + describe(), e, masker);
      }
    }
    return response;
  }

  private HttpResponse<InputStream> send(HttpRequest request, String what) {
    OutboundAddressPolicy.current().check(request.uri());
    try {
      return client.send(request, HttpResponse.BodyHandlers.ofInputStream());
    } catch (HttpTimeoutException e) {
      throw JobFailures.timeout(what + " at " + describe(), masker);
    } catch (IOException e) {
      throw JobFailures.unreachable(what + " at " + describe(), e, masker);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw JobFailures.unreachable(what + " at " + describe(), e, masker);
    }
  }

  private void failUnlessSuccessful(HttpResponse<?> response, InputStream body, String what)
      throws IOException {
    int status = response.statusCode();
    if (status / 100 == 2) {
      return;
    }
    String detail = "HTTP " + status + errorMessage(body.readNBytes(ERROR_BODY_LIMIT));
    if (status == 401) {
      throw JobFailures.credentialsRejected(describe(), connection, detail, masker);
    }
    if (JobFailures.isUnavailable(status)) {
      throw JobFailures.unavailable(
          status,
          describe() + " answered " + what + " with " + detail,
          response.headers().firstValue("Retry-After"),
          masker);
    }
    if (status == 404) {
      throw JobFailures.rejected(
          FileStore.NOT_FOUND,
          describe() + " found nothing for " + what + " (" + detail + ")",
          masker);
    }
    throw JobFailures.rejected(
        String.valueOf(status), describe() + " refused " + what + " (" + detail + ")", masker);
  }

  /** The provider's own error text: Google's and Graph's error.message, Box's message. */
  private static String errorMessage(byte[] body) {
    try {
      JsonNode error = JSON.readTree(body);
      JsonNode message = error.path("error").path("message");
      if (message.isMissingNode()) {
        message = error.path("message");
      }
      if (message.isMissingNode() && error.path("error").isTextual()) {
        message =
            error.path("error_description").isTextual()
                ? error.path("error_description")
                : error.path("error");
      }
      return message.isTextual() ? ": " + message.asText() : "";
    } catch (IOException | RuntimeException e) {
      return "";
    }
  }

  static String encode(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
  }

  /** Path segments encoded one by one, slashes kept. */
  static String encodePath(String path) {
    StringBuilder result = new StringBuilder();
    for (String segment : path.split("/", -1)) {
      if (!result.isEmpty()) {
        result.append('/');
      }
      result.append(encode(segment));
    }
    return result.toString();
  }

  static String toJson(Object value) {
    try {
      return JSON.writeValueAsString(value);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  private static void close(InputStream body) {
    try {
      body.close();
    } catch (IOException e) {
      // the redirect's body is not needed
    }
  }
}
