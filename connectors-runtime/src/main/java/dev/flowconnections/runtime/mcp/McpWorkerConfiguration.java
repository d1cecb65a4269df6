package dev.flowconnections.runtime.mcp;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** MCP client sessions for the MCP Tool worker, the MCP connection test and the AI agent's tools. */
@Configuration(proxyBeanMethods = false)
class McpWorkerConfiguration {

  /** An {@link McpAccessTokens} bean, once the runtime has one, serves OAUTH2 MCP connections. */
  @Bean
  McpToolSessions mcpToolSessions(ObjectProvider<McpAccessTokens> accessTokens) {
    return new McpToolSessions(accessTokens.getIfAvailable(() -> McpAccessTokens.UNSUPPORTED));
  }
}
