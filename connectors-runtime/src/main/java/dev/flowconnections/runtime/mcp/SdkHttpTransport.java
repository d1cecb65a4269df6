package dev.flowconnections.runtime.mcp;

import dev.flowconnections.runtime.worker.JobFailures;
import io.modelcontextprotocol.json.TypeRef;
import io.modelcontextprotocol.spec.McpClientTransport;
import io.modelcontextprotocol.spec.McpSchema;
import java.io.IOException;
import java.net.Authenticator;
import java.net.CookieHandler;
import java.net.ProxySelector;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import java.util.function.Function;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import reactor.core.publisher.Mono;

/**
 * One of the SDK's HTTP transports (Streamable HTTP, SSE) with what a job worker needs around it:
 *
 * <ul>
 *   <li>the {@link HttpClient} the SDK builds per transport is shut down with the session (the SDK
 *       never closes it, which left five threads per job until the garbage collector came);
 *   <li>an HTTP 401/403 on any request is remembered, so a refused event stream (which the SDK's
 *       SSE transport only logs) is reported as rejected credentials; a 404/405 likewise, so a URL
 *       that points next to the MCP endpoint is reported as such; a 429 or 5xx with its {@code
 *       Retry-After}, so an overloaded server is retried like any other provider (the SDK keeps
 *       only the status, in a message);
 *   <li>a failed connect fails the waiting requests at once instead of after their timeout.
 * </ul>
 */
final class SdkHttpTransport implements McpClientTransport {

  private final McpClientTransport delegate;
  private final Builder clientBuilder;
  private final PendingRequests pending = new PendingRequests();

  SdkHttpTransport(McpClientTransport delegate, Builder clientBuilder) {
    this.delegate = delegate;
    this.clientBuilder = clientBuilder;
  }

  /** The 401 or 403 a request of this session got, if any. */
  Optional<Integer> credentialsRefusedWith() {
    return Optional.ofNullable(clientBuilder.refusedStatus);
  }

  /** The 404 or 405 a request of this session got: no MCP endpoint where the URL points. */
  Optional<Integer> noEndpointWith() {
    return Optional.ofNullable(clientBuilder.noEndpointStatus);
  }

  /** The last 429 or 5xx a request of this session got: the server is overloaded or failing. */
  Optional<Unavailable> unavailableWith() {
    return Optional.ofNullable(clientBuilder.unavailable);
  }

  /**
   * An answer {@link JobFailures#isUnavailable}, with the server's {@code Retry-After} if it sent
   * one.
   */
  record Unavailable(int status, Optional<String> retryAfter) {}

  @Override
  public Mono<Void> connect(
      Function<Mono<McpSchema.JSONRPCMessage>, Mono<McpSchema.JSONRPCMessage>> handler) {
    return delegate
        .connect(pending.track(handler))
        .doOnError(
            e ->
                pending.serverGone(
                    "the connection to the MCP server failed"
                        + credentialsRefusedWith()
                            .map(status -> " with HTTP " + status)
                            .orElse("")));
  }

  @Override
  public Mono<Void> sendMessage(McpSchema.JSONRPCMessage message) {
    return pending.send(message, delegate::sendMessage);
  }

  @Override
  public Mono<Void> closeGracefully() {
    return delegate
        .closeGracefully()
        .onErrorResume(e -> Mono.empty())
        .then(Mono.fromRunnable(clientBuilder::shutdownBuiltClients));
  }

  @Override
  public void setExceptionHandler(Consumer<Throwable> handler) {
    delegate.setExceptionHandler(handler);
  }

  @Override
  public <T> T unmarshalFrom(Object data, TypeRef<T> typeRef) {
    return delegate.unmarshalFrom(data, typeRef);
  }

  @Override
  public List<String> protocolVersions() {
    return delegate.protocolVersions();
  }

  /**
   * An {@link HttpClient.Builder} whose clients report refused credentials and can be shut down.
   */
  static final class Builder implements HttpClient.Builder {
    private final HttpClient.Builder delegate;
    private final List<HttpClient> built = new CopyOnWriteArrayList<>();
    private volatile Integer refusedStatus;
    private volatile Integer noEndpointStatus;
    private volatile Unavailable unavailable;

    Builder(HttpClient.Builder delegate) {
      this.delegate = delegate;
    }

    void shutdownBuiltClients() {
      built.forEach(HttpClient::shutdownNow);
    }

    @Override
    public HttpClient build() {
      HttpClient client = delegate.build();
      built.add(client);
      return new StatusWatchingClient(client, this);
    }

    void saw(HttpResponse.ResponseInfo response) {
      int status = response.statusCode();
      if (status == 401 || status == 403) {
        refusedStatus = status;
      } else if (status == 404 || status == 405) {
        noEndpointStatus = status;
      } else if (JobFailures.isUnavailable(status)) {
        unavailable = new Unavailable(status, response.headers().firstValue("Retry-After"));
      }
    }

    @Override
    public Builder cookieHandler(CookieHandler cookieHandler) {
      delegate.cookieHandler(cookieHandler);
      return this;
    }

    @Override
    public Builder connectTimeout(Duration duration) {
      delegate.connectTimeout(duration);
      return this;
    }

    @Override
    public Builder sslContext(SSLContext sslContext) {
      delegate.sslContext(sslContext);
      return this;
    }

    @Override
    public Builder sslParameters(SSLParameters sslParameters) {
      delegate.sslParameters(sslParameters);
      return this;
    }

    @Override
    public Builder executor(Executor executor) {
      delegate.executor(executor);
      return this;
    }

    @Override
    public Builder followRedirects(HttpClient.Redirect policy) {
      delegate.followRedirects(policy);
      return this;
    }

    @Override
    public Builder version(HttpClient.Version version) {
      delegate.version(version);
      return this;
    }

    @Override
    public Builder priority(int priority) {
      delegate.priority(priority);
      return this;
    }

    @Override
    public Builder proxy(ProxySelector proxySelector) {
      delegate.proxy(proxySelector);
      return this;
    }

    @Override
    public Builder authenticator(Authenticator authenticator) {
      delegate.authenticator(authenticator);
      return this;
    }

    @Override
    public Builder localAddress(java.net.InetAddress localAddr) {
      delegate.localAddress(localAddr);
      return this;
    }
  }

  /** Passes every call on; notes the status of each response before its body is read. */
  private static final class StatusWatchingClient extends HttpClient {
    private final HttpClient delegate;
    private final SdkHttpTransport.Builder builder;

    StatusWatchingClient(HttpClient delegate, SdkHttpTransport.Builder builder) {
      this.delegate = delegate;
      this.builder = builder;
    }

    private <T> HttpResponse.BodyHandler<T> watching(HttpResponse.BodyHandler<T> handler) {
      return info -> {
        builder.saw(info);
        return handler.apply(info);
      };
    }

    @Override
    public <T> HttpResponse<T> send(HttpRequest request, HttpResponse.BodyHandler<T> handler)
        throws IOException, InterruptedException {
      return delegate.send(request, watching(handler));
    }

    @Override
    public <T> CompletableFuture<HttpResponse<T>> sendAsync(
        HttpRequest request, HttpResponse.BodyHandler<T> handler) {
      return delegate.sendAsync(request, watching(handler));
    }

    @Override
    public <T> CompletableFuture<HttpResponse<T>> sendAsync(
        HttpRequest request,
        HttpResponse.BodyHandler<T> handler,
        HttpResponse.PushPromiseHandler<T> pushPromiseHandler) {
      return delegate.sendAsync(request, watching(handler), pushPromiseHandler);
    }

    @Override
    public Optional<CookieHandler> cookieHandler() {
      return delegate.cookieHandler();
    }

    @Override
    public Optional<Duration> connectTimeout() {
      return delegate.connectTimeout();
    }

    @Override
    public Redirect followRedirects() {
      return delegate.followRedirects();
    }

    @Override
    public Optional<ProxySelector> proxy() {
      return delegate.proxy();
    }

    @Override
    public SSLContext sslContext() {
      return delegate.sslContext();
    }

    @Override
    public SSLParameters sslParameters() {
      return delegate.sslParameters();
    }

    @Override
    public Optional<Authenticator> authenticator() {
      return delegate.authenticator();
    }

    @Override
    public Version version() {
      return delegate.version();
    }

    @Override
    public Optional<Executor> executor() {
      return delegate.executor();
    }

    @Override
    public void shutdown() {
      delegate.shutdown();
    }

    @Override
    public void shutdownNow() {
      delegate.shutdownNow();
    }

    @Override
    public boolean awaitTermination(Duration duration) throws InterruptedException {
      return delegate.awaitTermination(duration);
    }

    @Override
    public boolean isTerminated() {
      return delegate.isTerminated();
    }

    @Override
    public void close() {
      delegate.close();
    }
  }
}
