package dev.flowconnections.runtime.mcp;

import dev.flowconnections.audit.BatchingAuditWriter;
import dev.flowconnections.fields.StdioCommands;
import dev.flowconnections.resolution.ConnectionResolver;
import dev.flowconnections.runtime.oauth2.OAuth2AccessTokens;
import dev.flowconnections.resolution.RuntimeEnvironment;
import dev.flowconnections.runtime.worker.WorkerConnections;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The MCP Tool worker, the MCP connection test and the sessions they (and the AI agent) open. */
@Configuration(proxyBeanMethods = false)
class McpWorkerConfiguration {

  /** OAUTH2 MCP connections get their bearer from the runtime's token service, like REST's. */
  @Bean
  McpToolSessions mcpToolSessions(OAuth2AccessTokens oauth2AccessTokens, StdioCommands stdioCommands) {
    return new McpToolSessions(oauth2AccessTokens::accessTokenFor, stdioCommands);
  }

  @Bean
  McpConnectionTester mcpConnectionTester(McpToolSessions sessions) {
    return new McpConnectionTester(sessions);
  }

  @Bean
  McpFunction mcpFunction(ConnectionResolver resolver, RuntimeEnvironment runtime, McpToolSessions sessions,
      BatchingAuditWriter connectionReads) {
    return new McpFunction(new McpService(new WorkerConnections(resolver, runtime, connectionReads), sessions));
  }
}
