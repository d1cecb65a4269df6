package dev.flowconnections.runtime.worker;

import dev.flowconnections.audit.BatchingAuditWriter;
import dev.flowconnections.resolution.ConnectionResolver;
import dev.flowconnections.resolution.RuntimeEnvironment;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * What every worker configuration builds on: one {@link WorkerConnections} (resolution for the
 * runtime's environment, with every read queued for the audit log) and one {@link ProviderHttp}.
 */
@Configuration(proxyBeanMethods = false)
public class WorkerSupportConfiguration {

  @Bean
  WorkerConnections workerConnections(
      ConnectionResolver connectionResolver,
      RuntimeEnvironment runtimeEnvironment,
      BatchingAuditWriter connectionReads) {
    return new WorkerConnections(connectionResolver, runtimeEnvironment, connectionReads);
  }

  @Bean
  ProviderHttp providerHttp() {
    return new ProviderHttp();
  }
}
