package dev.flowconnections.runtime.mcp;

import dev.flowconnections.resolution.ConnectionResolver;
import dev.flowconnections.resolution.RuntimeEnvironment;
import dev.flowconnections.runtime.worker.WorkerConnections;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The MCP Tool worker, the MCP connection test and the sessions they (and the AI agent) open. */
@Configuration(proxyBeanMethods = false)
class McpWorkerConfiguration {

  /** An {@link McpAccessTokens} bean, once the runtime has one, serves OAUTH2 MCP connections. */
  @Bean
  McpToolSessions mcpToolSessions(ObjectProvider<McpAccessTokens> accessTokens) {
    return new McpToolSessions(accessTokens.getIfAvailable(() -> McpAccessTokens.UNSUPPORTED));
  }

  @Bean
  McpConnectionTester mcpConnectionTester(McpToolSessions sessions) {
    return new McpConnectionTester(sessions);
  }

  @Bean
  McpFunction mcpFunction(ConnectionResolver resolver, RuntimeEnvironment runtime, McpToolSessions sessions) {
    return new McpFunction(new McpService(new WorkerConnections(resolver, runtime), sessions));
  }
}
