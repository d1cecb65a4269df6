package dev.flowconnections.runtime.ai;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.flowconnections.runtime.mcp.McpToolSessions;
import dev.flowconnections.runtime.worker.ProviderHttp;
import dev.flowconnections.runtime.worker.WorkerConnections;
import dev.flowconnections.secretprovider.PlaceholderGuard;
import io.camunda.client.CamundaClient;
import io.camunda.client.jobhandling.JobWorkerManager;
import io.camunda.connector.api.document.DocumentFactory;
import io.camunda.connector.api.validation.ValidationProvider;
import io.camunda.connector.jackson.ConnectorsObjectMapperSupplier;
import io.camunda.connector.runtime.core.secret.SecretProviderAggregator;
import org.springframework.beans.factory.SmartInitializingSingleton;
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
  private static final ObjectMapper JSON = ConnectorsObjectMapperSupplier.getCopy();

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
  AgentSubProcessWorker agentSubProcessWorker(
      WorkerConnections connections,
      ModelClient modelClient,
      McpToolSessions mcpToolSessions,
      PlaceholderGuard guard,
      SecretProviderAggregator secrets,
      ValidationProvider validation,
      DocumentFactory documents) {
    AgentSubProcessService service =
        new AgentSubProcessService(
            connections,
            modelClient,
            new McpAgentToolSource(connections, mcpToolSessions, JSON),
            JSON);
    return new AgentSubProcessWorker(service, guard, secrets, validation, documents, JSON);
  }

  /**
   * Opens the sub-process agent's job worker once every bean exists, through the same manager as
   * the connector runtime's workers (so graceful shutdown tracks its jobs too).
   */
  @Bean
  SmartInitializingSingleton agentSubProcessJobWorker(
      JobWorkerManager workers, CamundaClient client, AgentSubProcessWorker worker) {
    return () -> workers.openWorker(client, worker.jobWorker(), worker);
  }

  @Bean
  AiConnectionTester aiConnectionTester(ModelClient modelClient) {
    return new AiConnectionTester(modelClient, JSON);
  }
}
