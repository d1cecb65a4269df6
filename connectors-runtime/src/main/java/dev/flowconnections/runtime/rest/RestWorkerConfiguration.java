package dev.flowconnections.runtime.rest;

import dev.flowconnections.audit.BatchingAuditWriter;
import dev.flowconnections.runtime.worker.WorkerConnections;
import dev.flowconnections.resolution.ConnectionResolver;
import dev.flowconnections.resolution.RuntimeEnvironment;
import io.camunda.connector.jackson.ConnectorsObjectMapperSupplier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.util.unit.DataSize;

/** Registers the REST worker; the connector runtime opens a job worker for every such bean. */
@Configuration(proxyBeanMethods = false)
public class RestWorkerConfiguration {

  @Bean
  RestService restService(
      ConnectionResolver connectionResolver,
      RuntimeEnvironment runtimeEnvironment,
      BatchingAuditWriter connectionReads,
      @Value("${flow-connections.rest.max-response-size:1MB}") DataSize maxResponseSize) {
    // The connectors' own mapper settings (lenient, Java time), not the web API's.
    return new RestService(new WorkerConnections(connectionResolver, runtimeEnvironment, connectionReads),
        ConnectorsObjectMapperSupplier.getCopy(), maxResponseSize);
  }

  @Bean
  RestFunction restFunction(RestService restService) {
    return new RestFunction(restService);
  }

  @Bean
  RestConnectionTester restConnectionTester(RestService restService) {
    return new RestConnectionTester(restService);
  }
}
