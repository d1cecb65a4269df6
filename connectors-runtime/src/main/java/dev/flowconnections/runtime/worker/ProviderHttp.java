package dev.flowconnections.runtime.worker;

import dev.flowconnections.runtime.network.OutboundAddressPolicy;
import dev.flowconnections.runtime.network.OutboundHttpClients;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandler;
import java.net.http.HttpResponse.BodyHandlers;
import java.net.http.HttpTimeoutException;
import java.time.Duration;

/**
 * Calls a provider's HTTP API (SendGrid, Twilio) with the JDK client. Redirects are not followed: a
 * redirect to another host would carry the connection's credentials there. Failures to get any
 * answer become {@link JobFailures}; what the answer means is up to the caller.
 */
public final class ProviderHttp {

  public static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(20);

  /** Below the job workers' default job timeout (5 minutes), so a slow call never runs twice. */
  public static final Duration READ_TIMEOUT = Duration.ofSeconds(60);

  /** Connection tests answer a waiting user, within the test endpoint's limit (15 s by default). */
  public static final Duration CONNECTION_TEST_TIMEOUT = Duration.ofSeconds(10);

  public static final String RESPONSE_TOO_LARGE = "RESPONSE_TOO_LARGE";

  private final HttpClient client = OutboundHttpClients.shared(CONNECT_TIMEOUT);

  /** A request to {@code url} that gives up after {@link #READ_TIMEOUT}. */
  public static HttpRequest.Builder request(URI url) {
    return request(url, READ_TIMEOUT);
  }

  public static HttpRequest.Builder request(URI url, Duration timeout) {
    return HttpRequest.newBuilder(url).timeout(timeout);
  }

  /**
   * As {@link #send}, for a binary answer (audio, media) of at most {@code maxBytes}: a larger one
   * is refused as {@value #RESPONSE_TOO_LARGE} before more of it is read.
   */
  public HttpResponse<byte[]> sendForBytes(
      HttpRequest request, String what, long maxBytes, SecretMasker masker) {
    HttpResponse<InputStream> response =
        exchange(request, BodyHandlers.ofInputStream(), what, masker);
    byte[] body;
    try (InputStream in = response.body()) {
      body = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, maxBytes + 1));
    } catch (HttpTimeoutException e) {
      throw JobFailures.timeout(what, masker);
    } catch (IOException e) {
      throw JobFailures.unreachable(what, e, masker);
    }
    if (body.length > maxBytes) {
      throw JobFailures.rejected(
          RESPONSE_TOO_LARGE,
          "the answer to " + what + " is larger than " + maxBytes + " bytes",
          masker);
    }
    return new BytesResponse(response, body);
  }

  /**
   * @param what how messages name the call, e.g. "POST https://api.twilio.com/..." without secrets
   */
  public HttpResponse<String> send(HttpRequest request, String what, SecretMasker masker) {
    return exchange(request, BodyHandlers.ofString(), what, masker);
  }

  /** Sends after the network policy allowed the address; no answer is a retryable failure. */
  private <T> HttpResponse<T> exchange(
      HttpRequest request, BodyHandler<T> body, String what, SecretMasker masker) {
    OutboundAddressPolicy.current().check(request.uri()); // before any connection is attempted
    try {
      return client.send(request, body);
    } catch (HttpTimeoutException e) {
      throw JobFailures.timeout(what, masker);
    } catch (IOException e) {
      throw JobFailures.unreachable(what, e, masker);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw JobFailures.unreachable(what, e, masker);
    }
  }

  /** A response whose body was read into memory, within its limit. */
  private record BytesResponse(HttpResponse<InputStream> response, byte[] body)
      implements HttpResponse<byte[]> {

    @Override
    public int statusCode() {
      return response.statusCode();
    }

    @Override
    public HttpRequest request() {
      return response.request();
    }

    @Override
    public java.util.Optional<HttpResponse<byte[]>> previousResponse() {
      return java.util.Optional.empty();
    }

    @Override
    public java.net.http.HttpHeaders headers() {
      return response.headers();
    }

    @Override
    public java.util.Optional<javax.net.ssl.SSLSession> sslSession() {
      return response.sslSession();
    }

    @Override
    public URI uri() {
      return response.uri();
    }

    @Override
    public HttpClient.Version version() {
      return response.version();
    }
  }
}
