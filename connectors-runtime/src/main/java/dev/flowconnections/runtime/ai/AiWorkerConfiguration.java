package dev.flowconnections.runtime.ai;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.flowconnections.runtime.mcp.McpToolSessions;
import dev.flowconnections.runtime.worker.ProviderHttp;
import dev.flowconnections.runtime.worker.WorkerConnections;
import io.camunda.connector.jackson.ConnectorsObjectMapperSupplier;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Registers the AI Agent worker (the connector runtime opens a job worker for the function bean)
 * and the connection tester of AI Provider connections. The agent's tools come from MCP client
 * sessions ({@link McpToolSessions}).
 */
@Configuration(proxyBeanMethods = false)
public class AiWorkerConfiguration {

  /** The connectors' own mapper settings, not the web API's. */
  static final ObjectMapper JSON = ConnectorsObjectMapperSupplier.getCopy();

  @Bean
  ModelClient modelClient(ProviderHttp http) {
    return new ModelClient(http, JSON);
  }

  @Bean
  AiService aiService(
      WorkerConnections connections, ModelClient modelClient, McpToolSessions mcpToolSessions) {
    return new AiService(
        connections, modelClient, new McpAgentToolSource(connections, mcpToolSessions, JSON), JSON);
  }

  @Bean
  AiFunction aiFunction(AiService aiService) {
    return new AiFunction(aiService);
  }

  @Bean
  AiConnectionTester aiConnectionTester(ModelClient modelClient) {
    return new AiConnectionTester(modelClient, JSON);
  }
}
