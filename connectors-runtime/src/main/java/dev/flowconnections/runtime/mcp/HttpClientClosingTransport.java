package dev.flowconnections.runtime.mcp;

import io.modelcontextprotocol.json.TypeRef;
import io.modelcontextprotocol.spec.McpClientTransport;
import io.modelcontextprotocol.spec.McpSchema;
import java.net.Authenticator;
import java.net.CookieHandler;
import java.net.ProxySelector;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import java.util.function.Function;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import reactor.core.publisher.Mono;

/**
 * One of the SDK's HTTP transports, plus the end of its {@link HttpClient}: the SDK builds a client
 * per transport and never closes it, which left five threads behind per session (one session per
 * job) until the garbage collector got to them. {@link Builder} hands the SDK our settings and
 * keeps the client it builds.
 */
final class HttpClientClosingTransport implements McpClientTransport {

  private final McpClientTransport delegate;
  private final Builder clientBuilder;

  HttpClientClosingTransport(McpClientTransport delegate, Builder clientBuilder) {
    this.delegate = delegate;
    this.clientBuilder = clientBuilder;
  }

  @Override
  public Mono<Void> connect(Function<Mono<McpSchema.JSONRPCMessage>, Mono<McpSchema.JSONRPCMessage>> handler) {
    return delegate.connect(handler);
  }

  @Override
  public Mono<Void> sendMessage(McpSchema.JSONRPCMessage message) {
    return delegate.sendMessage(message);
  }

  @Override
  public Mono<Void> closeGracefully() {
    return delegate.closeGracefully()
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

  /** An {@link HttpClient.Builder} that remembers the clients it built. */
  static final class Builder implements HttpClient.Builder {
    private final HttpClient.Builder delegate;
    private final List<HttpClient> built = new java.util.concurrent.CopyOnWriteArrayList<>();

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
      return client;
    }

    @Override public Builder cookieHandler(CookieHandler cookieHandler) { delegate.cookieHandler(cookieHandler); return this; }
    @Override public Builder connectTimeout(Duration duration) { delegate.connectTimeout(duration); return this; }
    @Override public Builder sslContext(SSLContext sslContext) { delegate.sslContext(sslContext); return this; }
    @Override public Builder sslParameters(SSLParameters sslParameters) { delegate.sslParameters(sslParameters); return this; }
    @Override public Builder executor(Executor executor) { delegate.executor(executor); return this; }
    @Override public Builder followRedirects(HttpClient.Redirect policy) { delegate.followRedirects(policy); return this; }
    @Override public Builder version(HttpClient.Version version) { delegate.version(version); return this; }
    @Override public Builder priority(int priority) { delegate.priority(priority); return this; }
    @Override public Builder proxy(ProxySelector proxySelector) { delegate.proxy(proxySelector); return this; }
    @Override public Builder authenticator(Authenticator authenticator) { delegate.authenticator(authenticator); return this; }
    @Override public Builder localAddress(java.net.InetAddress localAddr) { delegate.localAddress(localAddr); return this; }
  }
}
