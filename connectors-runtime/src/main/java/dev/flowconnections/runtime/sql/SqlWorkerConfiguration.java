package dev.flowconnections.runtime.sql;

import dev.flowconnections.runtime.worker.WorkerConnections;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Registers the SQL worker (the connector runtime opens a job worker for the function bean), the
 * connection pools it keeps per connection and environment, and the connection tester of Database
 * connections (which opens a throwaway connection instead, never a pool).
 */
@Configuration(proxyBeanMethods = false)
public class SqlWorkerConfiguration {

  @Bean
  SqlDataSources sqlDataSources() {
    return new SqlDataSources();
  }

  @Bean
  SqlService sqlService(WorkerConnections connections, SqlDataSources dataSources) {
    return new SqlService(connections, dataSources);
  }

  @Bean
  SqlFunction sqlFunction(SqlService sqlService) {
    return new SqlFunction(sqlService);
  }

  @Bean
  SqlConnectionTester sqlConnectionTester() {
    return new SqlConnectionTester();
  }
}
