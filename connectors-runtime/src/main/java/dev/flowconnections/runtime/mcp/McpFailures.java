package dev.flowconnections.runtime.mcp;

import dev.flowconnections.resolution.ConnectionResolutionException;
import dev.flowconnections.resolution.ResolvedConnection;
import dev.flowconnections.runtime.worker.ConnectionProblem;
import dev.flowconnections.runtime.worker.JobFailures;
import dev.flowconnections.runtime.worker.SecretMasker;
import dev.flowconnections.runtime.worker.WorkerConnections;
import io.camunda.connector.api.error.ConnectorException;
import io.camunda.connector.api.error.ConnectorInputException;
import io.modelcontextprotocol.client.transport.McpHttpClientTransportAuthorizationException;
import io.modelcontextprotocol.spec.McpClientTransport;
import io.modelcontextprotocol.spec.McpError;
import java.io.IOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.UnknownHostException;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpTimeoutException;
import java.nio.channels.ClosedChannelException;
import java.util.List;
import java.util.concurrent.TimeoutException;

/**
 * Turns what the MCP SDK throws into the errors a worker ends with. Messages become incident
 * messages, so they are masked and carry no cause (the runtime logs causes, and a transport's
 * message may quote a request with its headers).
 */
public final class McpFailures {

  /** The server answered a request with a JSON-RPC error; the variables carry its code. */
  public static final String MCP_ERROR = "MCP_ERROR";

  /**
   * Something went wrong that is neither network, time, credentials nor an answer of the server.
   */
  public static final String MCP_FAILED = "MCP_FAILED";

  /** The tool itself reported a failure (the MCP Tool task's choice; see {@code McpService}). */
  public static final String TOOL_ERROR = "MCP_TOOL_ERROR";

  private McpFailures() {}

  private static final String OPENING = "opening an MCP session";

  /** A failure while creating the transport, before any request was sent. */
  static RuntimeException openFailed(
      ResolvedConnection connection, Throwable failure, SecretMasker masker) {
    return classify(connection, null, failure, masker, OPENING);
  }

  /**
   * A failure of the initialize handshake. What the SDK made of an HTTP answer varies by transport,
   * so the statuses {@code transport} saw come first; a 404 or 405 means the URL points next to the
   * MCP endpoint (later in a session it may just be an optional stream the server does not offer).
   */
  static RuntimeException openFailed(
      ResolvedConnection connection,
      McpClientTransport transport,
      Throwable failure,
      SecretMasker masker) {
    if (transport instanceof SdkHttpTransport http
        && http.credentialsRefusedWith().isEmpty()
        && http.unavailableWith().isEmpty()
        && http.noEndpointWith().isPresent()) {
      return new ConnectionProblem(
          masker.mask(
              "connection '"
                  + connection.key()
                  + "' in "
                  + connection.environment()
                  + ": no MCP endpoint at its 'url' (HTTP "
                  + http.noEndpointWith().get()
                  + "); check the path and the transport"));
    }
    return classify(connection, transport, failure, masker, OPENING);
  }

  /** A failure of one request on an open session over {@code transport}. */
  static RuntimeException requestFailed(
      ResolvedConnection connection,
      McpClientTransport transport,
      String what,
      Throwable failure,
      SecretMasker masker) {
    return classify(connection, transport, failure, masker, what);
  }

  private static RuntimeException classify(
      ResolvedConnection connection,
      McpClientTransport transport,
      Throwable failure,
      SecretMasker masker,
      String what) {
    if (failure instanceof ConnectorException || failure instanceof ConnectorInputException) {
      return (RuntimeException) failure;
    }
    if (failure instanceof ConnectionResolutionException resolution) {
      return WorkerConnections.configurationProblem(resolution);
    }
    String where = " with connection '" + connection.key() + "' in " + connection.environment();
    if (transport instanceof SdkHttpTransport http) {
      if (http.credentialsRefusedWith().isPresent()) {
        return credentialsRejected(connection, http.credentialsRefusedWith().get(), masker);
      }
      if (http.unavailableWith().isPresent()) {
        SdkHttpTransport.Unavailable answer = http.unavailableWith().get();
        return JobFailures.unavailable(
            answer.status(),
            what + where + " failed: the MCP server answered HTTP " + answer.status(),
            answer.retryAfter(),
            masker);
      }
    }
    for (Throwable cause : chain(failure)) {
      if (cause instanceof McpHttpClientTransportAuthorizationException rejected) {
        return credentialsRejected(connection, rejected.getResponseInfo().statusCode(), masker);
      }
      if (cause instanceof WebSocketClientTransport.HandshakeRejectedException rejected
          && (rejected.status() == 401 || rejected.status() == 403)) {
        return credentialsRejected(connection, rejected.status(), masker);
      }
      if (cause instanceof PendingRequests.McpServerGoneException
          || cause instanceof McpError gone
              && gone.getJsonRpcError() != null
              && Integer.valueOf(PendingRequests.SERVER_GONE)
                  .equals(gone.getJsonRpcError().code())) {
        return JobFailures.unreachable(what + where, String.valueOf(cause.getMessage()), masker);
      }
      if (cause instanceof McpError error) {
        Integer code = error.getJsonRpcError() == null ? null : error.getJsonRpcError().code();
        return new ConnectorException(
            MCP_ERROR,
            masker.mask(
                what
                    + where
                    + " failed: the MCP server answered with error "
                    + code
                    + ": "
                    + error.getMessage()));
      }
      if (cause instanceof StdioStartException) {
        return new ConnectionProblem(
            masker.mask(
                "cannot start the MCP server command of connection '"
                    + connection.key()
                    + "' in "
                    + connection.environment()
                    + ": "
                    + cause.getMessage()));
      }
      boolean requestTimedOut =
          cause instanceof HttpTimeoutException && !(cause instanceof HttpConnectTimeoutException);
      if (cause instanceof TimeoutException || requestTimedOut) {
        return JobFailures.timeout("the MCP server, " + what + where, masker);
      }
      if (isUnreachable(cause)) {
        return JobFailures.unreachable("reaching the MCP server" + where, cause, masker);
      }
    }
    // not a cause the vocabulary knows: coded, so it is retried down to an incident like any
    // failure
    return JobFailures.rejected(
        MCP_FAILED, what + where + " failed: " + JobFailures.describe(failure), masker);
  }

  static ConnectorInputException credentialsRejected(
      ResolvedConnection connection, int status, SecretMasker masker) {
    return JobFailures.credentialsRejected("the MCP server", connection, "HTTP " + status, masker);
  }

  private static boolean isUnreachable(Throwable cause) {
    return cause instanceof ConnectException
        || cause instanceof HttpConnectTimeoutException
        || cause instanceof UnknownHostException
        || cause instanceof NoRouteToHostException
        || cause instanceof ClosedChannelException
        || cause instanceof IOException
            && "closed".equalsIgnoreCase(String.valueOf(cause.getMessage()));
  }

  private static List<Throwable> chain(Throwable failure) {
    List<Throwable> chain = new java.util.ArrayList<>();
    for (Throwable t = failure; t != null && !chain.contains(t); t = t.getCause()) {
      chain.add(t);
    }
    return chain;
  }

  /** A STDIO server's program could not be started (not found, not executable). */
  static final class StdioStartException extends RuntimeException {
    StdioStartException(String message, Throwable cause) {
      super(message, cause);
    }
  }
}
