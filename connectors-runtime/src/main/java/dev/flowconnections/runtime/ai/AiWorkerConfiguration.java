package dev.flowconnections.runtime.ai;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.flowconnections.resolution.ConnectionResolver;
import dev.flowconnections.resolution.RuntimeEnvironment;
import dev.flowconnections.runtime.worker.ProviderHttp;
import dev.flowconnections.runtime.worker.WorkerConnections;
import io.camunda.connector.api.error.ConnectorInputException;
import io.camunda.connector.jackson.ConnectorsObjectMapperSupplier;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Registers the AI Agent worker (the connector runtime opens a job worker for the function bean)
 * and the connection tester of AI Provider connections.
 */
@Configuration(proxyBeanMethods = false)
public class AiWorkerConfiguration {

  /** The connectors' own mapper settings, not the web API's. */
  private static final ObjectMapper JSON = ConnectorsObjectMapperSupplier.getCopy();

  @Bean
  AiService aiService(ConnectionResolver connectionResolver, RuntimeEnvironment runtimeEnvironment) {
    AgentToolSource noTools = (key, tenantId) -> {
      throw new ConnectorInputException("mcpConnection: this runtime has no MCP client, so the AI Agent cannot use"
          + " the tools of '" + key + "'; leave mcpConnection empty");
    };
    return new AiService(new WorkerConnections(connectionResolver, runtimeEnvironment), modelClient(), noTools, JSON);
  }

  @Bean
  AiFunction aiFunction(AiService aiService) {
    return new AiFunction(aiService);
  }

  @Bean
  AiConnectionTester aiConnectionTester() {
    return new AiConnectionTester(modelClient(), JSON);
  }

  private static ModelClient modelClient() {
    return new ModelClient(new ProviderHttp(), JSON);
  }
}
