package dev.flowconnections.runtime.mcp;

import dev.flowconnections.fields.StdioCommands;
import dev.flowconnections.runtime.oauth2.OAuth2AccessTokens;
import dev.flowconnections.runtime.worker.WorkerConnections;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Registers the MCP Tool worker (the connector runtime opens a job worker for the function bean),
 * the connection tester of MCP connections and the sessions they (and the AI agent) open.
 */
@Configuration(proxyBeanMethods = false)
public class McpWorkerConfiguration {

  /** OAUTH2 MCP connections get their bearer from the runtime's token service, like REST's. */
  @Bean
  McpToolSessions mcpToolSessions(
      OAuth2AccessTokens oauth2AccessTokens, StdioCommands stdioCommands) {
    return new McpToolSessions(oauth2AccessTokens::accessTokenFor, stdioCommands);
  }

  @Bean
  McpService mcpService(WorkerConnections connections, McpToolSessions sessions) {
    return new McpService(connections, sessions);
  }

  @Bean
  McpFunction mcpFunction(McpService mcpService) {
    return new McpFunction(mcpService);
  }

  @Bean
  McpConnectionTester mcpConnectionTester(McpToolSessions sessions) {
    return new McpConnectionTester(sessions);
  }
}
