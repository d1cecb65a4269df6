package dev.flowconnections.runtime.mcp;

import dev.flowconnections.resolution.ResolvedConnection;
import dev.flowconnections.runtime.worker.ConnectionProblem;

/**
 * Where an OAUTH2 MCP connection gets its bearer token: in the runtime, {@code
 * OAuth2AccessTokens.accessTokenFor}. {@link #UNSUPPORTED} is for sessions opened without the
 * runtime's token service (tools, tests); it fails such a task with a readable incident.
 */
@FunctionalInterface
public interface McpAccessTokens {

  McpAccessTokens UNSUPPORTED =
      connection -> {
        throw new ConnectionProblem(
            "connection '"
                + connection.key()
                + "' uses OAuth2, but these MCP sessions have no token service");
      };

  /** A current access token for the connection (never logged, masked wherever it could appear). */
  String accessTokenFor(ResolvedConnection connection);
}
