package dev.flowconnections.runtime.storage;

import dev.flowconnections.audit.BatchingAuditWriter;
import dev.flowconnections.resolution.ConnectionResolver;
import dev.flowconnections.resolution.RuntimeEnvironment;
import dev.flowconnections.runtime.worker.WorkerConnections;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Registers the File Manager (storage) worker and the connection tester of Storage connections. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(StorageLimits.class)
public class StorageWorkerConfiguration {

  @Bean
  StorageService storageService(ConnectionResolver connectionResolver, RuntimeEnvironment runtimeEnvironment,
      StorageLimits storageLimits, BatchingAuditWriter connectionReads) {
    return new StorageService(new WorkerConnections(connectionResolver, runtimeEnvironment, connectionReads),
        StorageStores.forJobs(new StorageAccessTokens()), storageLimits);
  }

  @Bean
  StorageFunction storageFunction(StorageService storageService) {
    return new StorageFunction(storageService);
  }

  @Bean
  StorageConnectionTester storageConnectionTester() {
    return new StorageConnectionTester(StorageStores.forConnectionTests(new StorageAccessTokens()));
  }
}
