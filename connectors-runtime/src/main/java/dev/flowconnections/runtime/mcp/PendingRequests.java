package dev.flowconnections.runtime.mcp;

import io.modelcontextprotocol.spec.McpSchema;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import reactor.core.publisher.Mono;

/**
 * The requests a transport has sent and not yet seen answered, so that a server that goes away (a
 * STDIO process that exits, a WebSocket the server closes) fails them at once. The SDK's session
 * would otherwise wait for each one's timeout: a crashed server would hold a job for a minute and
 * then report a timeout instead of what happened.
 */
final class PendingRequests {

  /**
   * The JSON-RPC error code of the answers given in place of a server that went away. In the range
   * JSON-RPC leaves to implementations; a server never sees it.
   */
  static final int SERVER_GONE = -32099;

  private final Set<Object> ids = ConcurrentHashMap.newKeySet();
  private volatile Function<Mono<McpSchema.JSONRPCMessage>, Mono<McpSchema.JSONRPCMessage>> handler;
  private volatile String goneReason;

  /** Wraps the session's handler of incoming messages: answers are no longer pending. */
  Function<Mono<McpSchema.JSONRPCMessage>, Mono<McpSchema.JSONRPCMessage>> track(
      Function<Mono<McpSchema.JSONRPCMessage>, Mono<McpSchema.JSONRPCMessage>> sessionHandler) {
    this.handler = sessionHandler;
    return incoming ->
        sessionHandler.apply(
            incoming.doOnNext(
                message -> {
                  if (message instanceof McpSchema.JSONRPCResponse response) {
                    ids.remove(response.id());
                  }
                }));
  }

  /** Call before a message goes out; a request to a server that is gone fails instead. */
  void sending(McpSchema.JSONRPCMessage message) throws McpServerGoneException {
    if (goneReason != null) {
      throw new McpServerGoneException(goneReason);
    }
    if (message instanceof McpSchema.JSONRPCRequest request) {
      ids.add(request.id());
    }
  }

  /**
   * Sends {@code message} with {@code send} once {@link #sending} lets it go; to a server that is
   * gone, the sending fails instead.
   */
  Mono<Void> send(
      McpSchema.JSONRPCMessage message, Function<McpSchema.JSONRPCMessage, Mono<Void>> send) {
    try {
      sending(message);
    } catch (McpServerGoneException e) {
      return Mono.error(e);
    }
    return send.apply(message);
  }

  /**
   * The server went away: every pending request is answered with {@link #SERVER_GONE} and the
   * reason.
   */
  void serverGone(String reason) {
    if (goneReason != null) {
      return;
    }
    goneReason = reason;
    var sessionHandler = handler;
    for (Object id : Set.copyOf(ids)) {
      ids.remove(id);
      if (sessionHandler != null) {
        var error = new McpSchema.JSONRPCResponse.JSONRPCError(SERVER_GONE, reason, null);
        sessionHandler
            .apply(
                Mono.just(
                    new McpSchema.JSONRPCResponse(McpSchema.JSONRPC_VERSION, id, null, error)))
            .subscribe(ignored -> {}, ignored -> {});
      }
    }
  }

  boolean isGone() {
    return goneReason != null;
  }

  /** The server of a session closed the connection or its process ended. */
  static final class McpServerGoneException extends java.io.IOException {
    McpServerGoneException(String reason) {
      super(reason);
    }
  }
}
