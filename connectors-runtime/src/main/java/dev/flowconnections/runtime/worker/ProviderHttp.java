package dev.flowconnections.runtime.worker;

import dev.flowconnections.runtime.network.OutboundAddressPolicy;
import dev.flowconnections.runtime.network.OutboundHttpClients;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
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

  private final HttpClient client = OutboundHttpClients.shared(CONNECT_TIMEOUT);

  /** A request to {@code url} that gives up after {@link #READ_TIMEOUT}. */
  public static HttpRequest.Builder request(URI url) {
    return request(url, READ_TIMEOUT);
  }

  public static HttpRequest.Builder request(URI url, Duration timeout) {
    return HttpRequest.newBuilder(url).timeout(timeout);
  }

  /**
   * @param what how messages name the call, e.g. "POST https://api.twilio.com/..." without secrets
   */
  public HttpResponse<String> send(HttpRequest request, String what, SecretMasker masker) {
    OutboundAddressPolicy.current().check(request.uri()); // before any connection is attempted
    try {
      return client.send(request, BodyHandlers.ofString());
    } catch (HttpTimeoutException e) {
      throw JobFailures.timeout(what, masker);
    } catch (IOException e) {
      throw JobFailures.unreachable(what, e, masker);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw JobFailures.unreachable(what, e, masker);
    }
  }
}
