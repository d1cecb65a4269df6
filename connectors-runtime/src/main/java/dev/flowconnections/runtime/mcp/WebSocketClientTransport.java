package dev.flowconnections.runtime.mcp;

import dev.flowconnections.runtime.network.OutboundHttpClients;
import io.modelcontextprotocol.json.McpJsonMapper;
import io.modelcontextprotocol.json.TypeRef;
import io.modelcontextprotocol.spec.McpClientTransport;
import io.modelcontextprotocol.spec.McpSchema;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.net.http.WebSocketHandshakeException;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;

/**
 * MCP over WebSocket, which the SDK has no client transport for: one JSON-RPC message per text
 * message (the convention of MCP WebSocket servers, subprotocol {@code mcp}), over the JDK's {@link
 * java.net.http.WebSocket}. The connection's auth headers go with the opening handshake.
 */
final class WebSocketClientTransport implements McpClientTransport {

  private static final Logger log = LoggerFactory.getLogger(WebSocketClientTransport.class);
  static final String SUBPROTOCOL = "mcp";

  private final URI url;
  private final Map<String, String> headers;
  private final Duration connectTimeout;
  private final McpJsonMapper jsonMapper;
  private final Object sendLock = new Object();
  private volatile CompletableFuture<WebSocket> opening;
  private volatile boolean closing;
  private volatile Consumer<Throwable> exceptionHandler = e -> {};

  /** The JDK allows one outstanding send at a time: each send waits for the one before it. */
  private CompletableFuture<?> lastSend = CompletableFuture.completedFuture(null);

  private HttpClient httpClient;
  private final PendingRequests pending = new PendingRequests();

  WebSocketClientTransport(
      URI url, Map<String, String> headers, Duration connectTimeout, McpJsonMapper jsonMapper) {
    this.url = url;
    this.headers = Map.copyOf(headers);
    this.connectTimeout = connectTimeout;
    this.jsonMapper = jsonMapper;
  }

  /**
   * Starts the opening handshake. The SDK's session sends its first request right after subscribing
   * here, without waiting, so sends wait for the handshake instead; a refused handshake fails them.
   */
  @Override
  public Mono<Void> connect(
      Function<Mono<McpSchema.JSONRPCMessage>, Mono<McpSchema.JSONRPCMessage>> handler) {
    return Mono.fromRunnable(
        () -> {
          httpClient =
              OutboundHttpClients.builder(connectTimeout).build(); // closed with the session
          WebSocket.Builder builder =
              httpClient
                  .newWebSocketBuilder()
                  .connectTimeout(connectTimeout)
                  .subprotocols(SUBPROTOCOL);
          headers.forEach(builder::header);
          opening =
              builder
                  .buildAsync(url, new Listener(pending.track(handler)))
                  .handle(
                      (socket, failure) -> {
                        if (failure != null) {
                          throw new CompletionException(describe(failure));
                        }
                        return socket;
                      });
        });
  }

  private static Throwable describe(Throwable failure) {
    Throwable cause =
        failure instanceof CompletionException && failure.getCause() != null
            ? failure.getCause()
            : failure;
    return cause instanceof WebSocketHandshakeException handshake
        ? new HandshakeRejectedException(handshake.getResponse().statusCode())
        : cause;
  }

  @Override
  public Mono<Void> sendMessage(McpSchema.JSONRPCMessage message) {
    return Mono.defer(
        () -> {
          CompletableFuture<WebSocket> socket = opening;
          if (socket == null || closing) {
            return Mono.error(
                new PendingRequests.McpServerGoneException(
                    "the WebSocket to the MCP server is closed"));
          }
          try {
            pending.sending(message);
          } catch (PendingRequests.McpServerGoneException e) {
            return Mono.error(e);
          }
          String json;
          try {
            json = jsonMapper.writeValueAsString(message);
          } catch (IOException e) {
            return Mono.error(e);
          }
          CompletableFuture<?> sent;
          synchronized (sendLock) {
            sent =
                lastSend
                    .exceptionally(e -> null)
                    .thenCompose(ignored -> socket)
                    .thenCompose(
                        ws -> {
                          if (ws.isOutputClosed()) {
                            throw new CompletionException(
                                new PendingRequests.McpServerGoneException(
                                    "the WebSocket to the MCP server is closed"));
                          }
                          return ws.sendText(json, true);
                        });
            lastSend = sent;
          }
          return Mono.fromFuture(sent)
              .onErrorMap(CompletionException.class, e -> e.getCause() == null ? e : e.getCause())
              .then();
        });
  }

  @Override
  public Mono<Void> closeGracefully() {
    return Mono.fromRunnable(
        () -> {
          closing = true;
          CompletableFuture<WebSocket> socketFuture = opening;
          WebSocket socket =
              socketFuture != null
                      && socketFuture.isDone()
                      && !socketFuture.isCompletedExceptionally()
                  ? socketFuture.join()
                  : null;
          if (socketFuture != null && !socketFuture.isDone()) {
            socketFuture.cancel(true);
          }
          if (socket != null && !socket.isOutputClosed()) {
            try {
              socket.sendClose(WebSocket.NORMAL_CLOSURE, "").get(2, TimeUnit.SECONDS);
            } catch (Exception e) {
              log.debug(
                  "closing the WebSocket to {} did not complete: {}", url.getHost(), e.toString());
            }
          }
          if (socket != null) {
            socket.abort();
          }
          if (httpClient != null) {
            httpClient.shutdownNow();
          }
        });
  }

  @Override
  public void setExceptionHandler(Consumer<Throwable> handler) {
    this.exceptionHandler = handler;
  }

  @Override
  public <T> T unmarshalFrom(Object data, TypeRef<T> typeRef) {
    return jsonMapper.convertValue(data, typeRef);
  }

  /** Reassembles fragmented text messages and hands each JSON-RPC message to the session. */
  private final class Listener implements WebSocket.Listener {

    private final Function<Mono<McpSchema.JSONRPCMessage>, Mono<McpSchema.JSONRPCMessage>> handler;
    private final StringBuilder partial = new StringBuilder();

    Listener(Function<Mono<McpSchema.JSONRPCMessage>, Mono<McpSchema.JSONRPCMessage>> handler) {
      this.handler = handler;
    }

    @Override
    public CompletionStage<?> onText(WebSocket socket, CharSequence data, boolean last) {
      partial.append(data);
      if (last) {
        String text = partial.toString();
        partial.setLength(0);
        try {
          McpSchema.JSONRPCMessage message = McpSchema.deserializeJsonRpcMessage(jsonMapper, text);
          handler
              .apply(Mono.just(message))
              .subscribe(
                  ignored -> {},
                  e -> log.debug("handling an MCP message failed: {}", e.toString()));
        } catch (IOException | RuntimeException e) {
          // the text may quote anything the server sent; only the failure is logged
          log.warn(
              "ignoring a WebSocket message from the MCP server at {} that is not JSON-RPC: {}",
              url.getHost(),
              e.getClass().getSimpleName());
        }
      }
      socket.request(1);
      return null;
    }

    @Override
    public CompletionStage<?> onClose(WebSocket socket, int statusCode, String reason) {
      if (!closing) {
        String why = reason == null || reason.isBlank() ? "" : " " + reason;
        pending.serverGone("the MCP server closed the WebSocket (" + statusCode + why + ")");
      }
      return null;
    }

    @Override
    public void onError(WebSocket socket, Throwable error) {
      if (!closing) {
        pending.serverGone(
            "the WebSocket to the MCP server failed: " + error.getClass().getSimpleName());
        exceptionHandler.accept(error);
      }
    }
  }

  /** The server refused the WebSocket handshake with this HTTP status (401/403: credentials). */
  static final class HandshakeRejectedException extends IOException {
    private final int status;

    HandshakeRejectedException(int status) {
      super("the MCP server refused the WebSocket handshake with HTTP " + status);
      this.status = status;
    }

    int status() {
      return status;
    }
  }
}
