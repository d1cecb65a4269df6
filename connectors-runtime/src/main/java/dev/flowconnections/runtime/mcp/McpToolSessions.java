package dev.flowconnections.runtime.mcp;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.flowconnections.fields.StdioCommands;
import dev.flowconnections.integration.IntegrationType;
import dev.flowconnections.resolution.ResolvedConnection;
import dev.flowconnections.runtime.worker.ConnectionProblem;
import dev.flowconnections.runtime.worker.SecretMasker;
import dev.flowconnections.runtime.worker.WorkerConnections;
import io.camunda.connector.api.error.ConnectorInputException;
import io.modelcontextprotocol.client.McpClient;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.json.McpJsonMapper;
import io.modelcontextprotocol.json.jackson2.JacksonMcpJsonMapper;
import io.modelcontextprotocol.spec.McpClientTransport;
import io.modelcontextprotocol.spec.McpSchema;

/**
 * Opens MCP client sessions for connections: the entry point for the MCP Tool worker, the MCP
 * connection test and the AI agent's tool use. One session per job; each uses the connection's
 * transport (Streamable HTTP, SSE, WebSocket or STDIO) and credentials for exactly the environment
 * it was resolved for.
 */
public class McpToolSessions {

  static final McpSchema.Implementation CLIENT_INFO =
      new McpSchema.Implementation("flow-connections", "1");

  private final ObjectMapper objectMapper;
  private final McpJsonMapper jsonMapper;
  private final McpTransports transports;
  private final McpJsonSchemaValidator schemaValidator;

  /** Sessions that refuse STDIO servers (no command allowed). */
  public McpToolSessions(McpAccessTokens accessTokens) {
    this(accessTokens, StdioCommands.NONE);
  }

  /**
   * @param accessTokens bearer tokens for OAUTH2 connections ({@link McpAccessTokens#UNSUPPORTED}
   *     until the runtime has OAuth2)
   * @param stdioCommands the STDIO command lines the runtime's operator allows
   */
  public McpToolSessions(McpAccessTokens accessTokens, StdioCommands stdioCommands) {
    // a plain mapper, as the SDK uses by default: the application's settings must not change the
    // protocol
    this.objectMapper = new ObjectMapper();
    this.jsonMapper = new JacksonMcpJsonMapper(this.objectMapper);
    this.transports = new McpTransports(jsonMapper, accessTokens, stdioCommands);
    this.schemaValidator = new McpJsonSchemaValidator(this.objectMapper);
  }

  /** Opens a session with the {@link McpTimeouts#DEFAULT default timeouts}. */
  public McpToolSession open(ResolvedConnection connection) {
    return open(connection, McpTimeouts.DEFAULT);
  }

  /**
   * Connects and performs the initialize handshake.
   *
   * @throws ConnectorInputException for an MCP connection that cannot work as configured (wrong
   *     type, bad URL or command, credentials rejected)
   * @throws io.camunda.connector.api.error.ConnectorRetryException when the server is unreachable
   */
  public McpToolSession open(ResolvedConnection connection, McpTimeouts timeouts) {
    if (connection.type() != IntegrationType.MCP) {
      throw new ConnectionProblem(
          "connection '"
              + connection.key()
              + "' is of type "
              + connection.type().label()
              + ", not an MCP connection");
    }
    McpClientTransport transport;
    SecretMasker masker;
    try {
      McpTransports.Prepared prepared = transports.create(connection, timeouts);
      transport = prepared.transport();
      masker = prepared.masker();
    } catch (RuntimeException e) {
      throw McpFailures.openFailed(connection, e, WorkerConnections.maskerFor(connection));
    }
    McpSyncClient client =
        McpClient.sync(transport)
            .clientInfo(CLIENT_INFO)
            .initializationTimeout(timeouts.connect())
            .requestTimeout(timeouts.request())
            .jsonSchemaValidator(schemaValidator)
            .build();
    try {
      McpSchema.InitializeResult initialized = client.initialize();
      return new SdkToolSession(connection, transport, client, initialized, masker, objectMapper);
    } catch (RuntimeException e) {
      SdkToolSession.closeQuietly(client);
      throw McpFailures.openFailed(connection, transport, e, masker);
    }
  }
}
