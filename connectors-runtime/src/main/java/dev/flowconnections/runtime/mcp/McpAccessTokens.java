package dev.flowconnections.runtime.mcp;

import dev.flowconnections.resolution.ResolvedConnection;
import io.camunda.connector.api.error.ConnectorInputException;

/**
 * Where an OAUTH2 MCP connection gets its bearer token. The one place to wire the runtime's OAuth2
 * client credentials support ({@code OAuth2AccessTokens.accessTokenFor}) when it is available;
 * until then {@link #UNSUPPORTED} fails such a task with a readable incident.
 */
@FunctionalInterface
public interface McpAccessTokens {

  McpAccessTokens UNSUPPORTED = connection -> {
    throw new ConnectorInputException(
        "connection '" + connection.key() + "' uses OAuth2, which the MCP worker does not support yet;"
            + " use a bearer token, an API key header or custom headers");
  };

  /** A current access token for the connection (never logged, masked wherever it could appear). */
  String accessTokenFor(ResolvedConnection connection);
}
