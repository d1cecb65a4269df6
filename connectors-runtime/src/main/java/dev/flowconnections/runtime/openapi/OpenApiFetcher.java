package dev.flowconnections.runtime.openapi;

import dev.flowconnections.errors.ValidationException;
import dev.flowconnections.runtime.network.AddressNotAllowedException;
import dev.flowconnections.runtime.network.OutboundAddressPolicy;
import dev.flowconnections.runtime.network.OutboundHttpClients;
import dev.flowconnections.runtime.rest.LimitedBody;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.util.Locale;

/**
 * Fetches an OpenAPI document from a URL an admin gives. The runtime makes this request, so it is a
 * way to reach the runtime's network: the address goes through the runtime's outbound policy before
 * any connection, redirects are not followed (a redirect could lead past the check), and the answer
 * is limited in size and time. Messages say what failed, never what answered.
 */
final class OpenApiFetcher {

  static final String FIELD = "url";

  private final OpenApiLimits limits;

  OpenApiFetcher(OpenApiLimits limits) {
    this.limits = limits;
  }

  String fetch(String url) {
    URI uri = parse(url);
    try {
      OutboundAddressPolicy.current().check(uri); // before any connection is attempted
    } catch (AddressNotAllowedException e) {
      throw new ValidationException(FIELD, OutboundAddressPolicy.REFUSAL);
    }
    HttpRequest request =
        HttpRequest.newBuilder(uri)
            .timeout(limits.fetchTimeout())
            .header("Accept", "application/json, application/yaml, text/yaml, */*")
            .GET()
            .build();
    try {
      HttpResponse<InputStream> response =
          OutboundHttpClients.shared(limits.fetchTimeout())
              .send(request, HttpResponse.BodyHandlers.ofInputStream());
      if (response.statusCode() != 200) {
        response.body().close();
        throw new ValidationException(
            FIELD, "answered HTTP " + response.statusCode() + " instead of a document");
      }
      return LimitedBody.read(
          response.body(), response.headers(), limits.maxDocumentSize().toBytes());
    } catch (LimitedBody.TooLarge e) {
      throw tooLarge(limits);
    } catch (HttpTimeoutException e) {
      throw new ValidationException(
          FIELD, "did not answer within " + limits.fetchTimeout().toSeconds() + " s");
    } catch (IOException e) {
      throw new ValidationException(FIELD, "could not be fetched: no answer");
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new ValidationException(FIELD, "could not be fetched: interrupted");
    }
  }

  static ValidationException tooLarge(OpenApiLimits limits) {
    return new ValidationException(
        OpenApiDocuments.FIELD,
        "is larger than " + limits.maxDocumentSize().toKilobytes() + " KB, the runtime's limit");
  }

  private static URI parse(String url) {
    if (url == null || url.isBlank()) {
      throw new ValidationException(FIELD, "is required");
    }
    try {
      URI uri = new URI(url.trim());
      String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
      if (!(scheme.equals("http") || scheme.equals("https")) || uri.getHost() == null) {
        throw new ValidationException(FIELD, "must be an absolute http(s) URL");
      }
      if (uri.getRawUserInfo() != null) {
        throw new ValidationException(FIELD, "must not carry a user name or password");
      }
      return uri;
    } catch (URISyntaxException e) {
      throw new ValidationException(FIELD, "is not a valid URL");
    }
  }
}
