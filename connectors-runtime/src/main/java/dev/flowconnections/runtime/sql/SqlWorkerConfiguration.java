package dev.flowconnections.runtime.sql;

import dev.flowconnections.audit.BatchingAuditWriter;
import dev.flowconnections.resolution.ConnectionResolver;
import dev.flowconnections.resolution.RuntimeEnvironment;
import dev.flowconnections.runtime.worker.WorkerConnections;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The SQL worker and the connection pools it keeps per connection and environment. */
@Configuration(proxyBeanMethods = false)
class SqlWorkerConfiguration {

  @Bean
  SqlDataSources sqlDataSources() {
    return new SqlDataSources();
  }

  @Bean
  SqlConnectionTester sqlConnectionTester() {
    return new SqlConnectionTester();
  }

  @Bean
  SqlFunction sqlFunction(
      ConnectionResolver resolver, RuntimeEnvironment runtime, SqlDataSources dataSources, BatchingAuditWriter connectionReads) {
    return new SqlFunction(new SqlService(new WorkerConnections(resolver, runtime, connectionReads), dataSources));
  }
}
