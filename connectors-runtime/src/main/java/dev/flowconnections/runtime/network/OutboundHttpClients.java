package dev.flowconnections.runtime.network;

import java.net.http.HttpClient;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The one place the JDK HTTP clients of outbound calls are made: workers, connection tests, OAuth2
 * token endpoints, MCP transports. Every client refuses to follow redirects, because a credential
 * header (or a query API key) would follow a redirect to whatever host it names; a 3xx reaches the
 * caller as an answer instead. Addresses are checked per request by {@link OutboundAddressPolicy}.
 */
public final class OutboundHttpClients {

  /**
   * Shared per connect timeout (a client-wide setting): a JDK client owns a selector thread and a
   * connection pool, so one per job would cost a thread per job and reuse no connection.
   */
  private static final Map<Duration, HttpClient> SHARED = new ConcurrentHashMap<>();

  private OutboundHttpClients() {}

  /** A long-lived client for request/response calls; never close it. */
  public static HttpClient shared(Duration connectTimeout) {
    return SHARED.computeIfAbsent(connectTimeout, timeout -> builder(timeout).build());
  }

  /**
   * A builder with the same rules, for a caller that owns its client (a WebSocket session closes
   * its client with the session) or hands a builder to a library (the MCP SDK's transports).
   */
  public static HttpClient.Builder builder(Duration connectTimeout) {
    return HttpClient.newBuilder()
        .connectTimeout(connectTimeout)
        .followRedirects(HttpClient.Redirect.NEVER);
  }
}
