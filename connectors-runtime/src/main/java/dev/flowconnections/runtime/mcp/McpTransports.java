package dev.flowconnections.runtime.mcp;

import dev.flowconnections.fields.StdioCommands;
import dev.flowconnections.integration.AuthScheme;
import dev.flowconnections.resolution.ResolvedConnection;
import dev.flowconnections.runtime.network.OutboundAddressPolicy;
import dev.flowconnections.runtime.network.OutboundHttpClients;
import dev.flowconnections.runtime.worker.ConnectionProblem;
import dev.flowconnections.runtime.worker.SecretMasker;
import dev.flowconnections.runtime.worker.WorkerConnections;
import io.camunda.connector.api.error.ConnectorInputException;
import io.modelcontextprotocol.client.transport.HttpClientSseClientTransport;
import io.modelcontextprotocol.client.transport.HttpClientStreamableHttpTransport;
import io.modelcontextprotocol.client.transport.ServerParameters;
import io.modelcontextprotocol.json.McpJsonMapper;
import io.modelcontextprotocol.spec.McpClientTransport;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Builds the client transport a connection asks for: the SDK's Streamable HTTP, SSE and STDIO
 * transports, and our {@link WebSocketClientTransport} (the SDK has no WebSocket client).
 */
final class McpTransports {

  /** Where the SDK's servers listen when a URL names only a host. */
  static final String DEFAULT_HTTP_PATH = "/mcp";

  static final String DEFAULT_SSE_PATH = "/sse";

  private final McpJsonMapper jsonMapper;
  private final McpAccessTokens accessTokens;
  private final StdioCommands stdioCommands;

  McpTransports(
      McpJsonMapper jsonMapper, McpAccessTokens accessTokens, StdioCommands stdioCommands) {
    this.jsonMapper = jsonMapper;
    this.accessTokens = accessTokens;
    this.stdioCommands = stdioCommands;
  }

  /** A transport and the masker for everything it may bring back. */
  record Prepared(McpClientTransport transport, SecretMasker masker) {}

  Prepared create(ResolvedConnection connection, McpTimeouts timeouts) {
    McpSettings.Transport transport = McpSettings.transport(connection);
    if (transport == McpSettings.Transport.STDIO) {
      SecretMasker masker = WorkerConnections.maskerFor(connection);
      return new Prepared(stdio(connection, masker), masker);
    }
    URI url = serverUrl(connection, transport);
    OutboundAddressPolicy.current().check(url); // before any connection is attempted
    McpAuthHeaders.AuthHeaders auth = McpAuthHeaders.forConnection(connection, accessTokens);
    SecretMasker masker =
        WorkerConnections.maskerFor(connection, auth.sentSecrets().toArray(String[]::new));
    return new Prepared(http(transport, url, auth.headers(), timeouts), masker);
  }

  private McpClientTransport http(
      McpSettings.Transport transport, URI url, Map<String, String> headers, McpTimeouts timeouts) {
    SdkHttpTransport.Builder client = new SdkHttpTransport.Builder(httpClient(timeouts));
    return switch (transport) {
      case HTTP ->
          new SdkHttpTransport(
              HttpClientStreamableHttpTransport.builder(origin(url))
                  .endpoint(pathOf(url, DEFAULT_HTTP_PATH))
                  .clientBuilder(client)
                  .requestBuilder(requestWith(headers))
                  .connectTimeout(timeouts.connect())
                  .jsonMapper(jsonMapper)
                  .build(),
              client);
      case SSE ->
          new SdkHttpTransport(
              HttpClientSseClientTransport.builder(origin(url))
                  .sseEndpoint(pathOf(url, DEFAULT_SSE_PATH))
                  .clientBuilder(client)
                  .requestBuilder(requestWith(headers))
                  .connectTimeout(timeouts.connect())
                  .jsonMapper(jsonMapper)
                  .build(),
              client);
      case WEBSOCKET -> new WebSocketClientTransport(url, headers, timeouts.connect(), jsonMapper);
      case STDIO -> throw new IllegalArgumentException("STDIO is not an HTTP transport");
    };
  }

  private StdioServerProcessTransport stdio(ResolvedConnection connection, SecretMasker masker) {
    if (connection.authScheme() != AuthScheme.NONE) {
      // fail closed: a token meant for an HTTP header must not silently go nowhere
      throw new ConnectionProblem(
          "connection '"
              + connection.key()
              + "' uses the STDIO transport, which takes credentials as environment"
              + " variables; its auth scheme "
              + connection.authScheme()
              + " does not apply (set it to NONE)");
    }
    String commandLine = connection.requireText(McpSettings.COMMAND);
    if (!stdioCommands.allows(commandLine)) {
      // checked on every start, not only when the integration is saved: the operator's list may
      // have shrunk
      throw new ConnectionProblem(
          "connection '"
              + connection.key()
              + "' in "
              + connection.environment()
              + ": its '"
              + McpSettings.COMMAND
              + "' "
              + stdioCommands.refusal());
    }
    StdioCommand command;
    try {
      command = StdioCommand.parse(commandLine);
    } catch (IllegalArgumentException e) {
      throw new ConnectionProblem(
          "connection '"
              + connection.key()
              + "' has an unusable '"
              + McpSettings.COMMAND
              + "' in "
              + connection.environment()
              + ": "
              + e.getMessage());
    }
    ServerParameters parameters =
        ServerParameters.builder(command.program())
            .args(command.arguments())
            .env(McpSettings.environmentVariables(connection))
            .build();
    if (command.executable(parameters.getEnv().get("PATH")).isEmpty()) {
      // checked here: the SDK only logs a failed start and lets the handshake run into its timeout
      throw new McpFailures.StdioStartException(
          "'"
              + command.program()
              + "' is not an executable file"
              + (command.program().contains("/") ? "" : " on the PATH"),
          null);
    }
    return new StdioServerProcessTransport(parameters, jsonMapper, connection.key(), masker);
  }

  private static URI serverUrl(ResolvedConnection connection, McpSettings.Transport transport) {
    String text = connection.requireText(McpSettings.URL);
    Set<String> schemes =
        transport == McpSettings.Transport.WEBSOCKET
            ? Set.of("ws", "wss")
            : Set.of("http", "https");
    URI url;
    try {
      url = URI.create(text.trim());
    } catch (IllegalArgumentException e) {
      throw invalidUrl(connection, "it is not a valid URL");
    }
    if (url.getScheme() == null
        || !schemes.contains(url.getScheme().toLowerCase(Locale.ROOT))
        || url.getHost() == null) {
      String expected = String.join(":// or ", schemes.stream().sorted().toList()) + "://";
      throw invalidUrl(connection, "a " + transport + " server URL starts with " + expected);
    }
    if (url.getRawUserInfo() != null) {
      throw invalidUrl(
          connection, "credentials belong in the connection's auth fields, not in the URL");
    }
    return url;
  }

  private static ConnectorInputException invalidUrl(ResolvedConnection connection, String reason) {
    return new ConnectionProblem(
        "connection '"
            + connection.key()
            + "' has an unusable '"
            + McpSettings.URL
            + "' in "
            + connection.environment()
            + ": "
            + reason);
  }

  private static String origin(URI url) {
    return url.getScheme() + "://" + url.getRawAuthority();
  }

  private static String pathOf(URI url, String defaultPath) {
    String path =
        url.getRawPath() == null || url.getRawPath().isEmpty() ? defaultPath : url.getRawPath();
    return url.getRawQuery() == null ? path : path + "?" + url.getRawQuery();
  }

  private static HttpClient.Builder httpClient(McpTimeouts timeouts) {
    return OutboundHttpClients.builder(timeouts.connect()).version(HttpClient.Version.HTTP_1_1);
  }

  private static HttpRequest.Builder requestWith(Map<String, String> headers) {
    HttpRequest.Builder builder = HttpRequest.newBuilder();
    headers.forEach(builder::header);
    return builder;
  }
}
