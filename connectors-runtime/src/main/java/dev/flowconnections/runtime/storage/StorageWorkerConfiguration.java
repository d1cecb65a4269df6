package dev.flowconnections.runtime.storage;

import dev.flowconnections.runtime.oauth2.OAuth2AccessTokens;
import dev.flowconnections.runtime.worker.WorkerConnections;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Registers the File Manager (storage) worker (the connector runtime opens a job worker for the
 * function bean) and the connection tester of Storage connections, whose stores give up sooner.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(StorageLimits.class)
public class StorageWorkerConfiguration {

  @Bean
  StorageAccessTokens storageAccessTokens(OAuth2AccessTokens oauth2AccessTokens) {
    return new StorageAccessTokens(oauth2AccessTokens);
  }

  @Bean
  StorageService storageService(
      WorkerConnections connections, StorageAccessTokens tokens, StorageLimits limits) {
    return new StorageService(connections, StorageStores.forJobs(tokens), limits);
  }

  @Bean
  StorageFunction storageFunction(StorageService storageService) {
    return new StorageFunction(storageService);
  }

  @Bean
  StorageConnectionTester storageConnectionTester(StorageAccessTokens tokens) {
    return new StorageConnectionTester(StorageStores.forConnectionTests(tokens));
  }
}
