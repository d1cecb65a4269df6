package dev.flowconnections.runtime.ai;

import dev.flowconnections.runtime.mcp.McpToolSessions;
import dev.flowconnections.runtime.worker.WorkerConnections;
import dev.flowconnections.secretprovider.PlaceholderGuard;
import io.camunda.client.CamundaClient;
import io.camunda.client.jobhandling.JobWorkerManager;
import io.camunda.connector.api.document.DocumentFactory;
import io.camunda.connector.api.validation.ValidationProvider;
import io.camunda.connector.runtime.core.secret.SecretProviderAggregator;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Registers the AI Agent sub-process worker. Unlike the connector functions, whose job workers the
 * connector runtime opens, it is a job worker of its own: it takes the connector runtime's
 * placeholder guard, secret provider, validation and documents to bind its job as a connector's,
 * and opens its worker through the client's job worker manager.
 */
@Configuration(proxyBeanMethods = false)
public class AgentSubProcessWorkerConfiguration {

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
            new McpAgentToolSource(connections, mcpToolSessions, AiWorkerConfiguration.JSON),
            AiWorkerConfiguration.JSON);
    return new AgentSubProcessWorker(
        service, guard, secrets, validation, documents, AiWorkerConfiguration.JSON);
  }

  /**
   * Opens the worker once every bean exists, through the same manager as the connector runtime's
   * workers (so graceful shutdown tracks its jobs too).
   */
  @Bean
  SmartInitializingSingleton agentSubProcessJobWorker(
      JobWorkerManager workers, CamundaClient client, AgentSubProcessWorker worker) {
    return () -> workers.openWorker(client, worker.jobWorker(), worker);
  }
}
