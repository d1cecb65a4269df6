package dev.flowconnections.runtime.storage;

import dev.flowconnections.integration.IntegrationType;
import dev.flowconnections.resolution.ResolvedConnection;
import dev.flowconnections.runtime.connectiontest.ConnectionTester;
import dev.flowconnections.runtime.connectiontest.TestOutcome;
import dev.flowconnections.runtime.worker.SecretMasker;
import dev.flowconnections.runtime.worker.WorkerConnections;
import io.camunda.connector.api.error.ConnectorException;
import io.camunda.connector.api.error.ConnectorInputException;

/**
 * Tests a Storage connection with each provider's cheapest authenticated read: S3 ListObjectsV2 of
 * one key in the bucket, Drive {@code about}, OneDrive {@code /me/drive}, Box {@code /users/me}.
 */
public class StorageConnectionTester implements ConnectionTester {

  private final StorageStores stores;

  StorageConnectionTester(StorageStores stores) {
    this.stores = stores;
  }

  @Override
  public boolean supports(ResolvedConnection connection) {
    return connection.type() == IntegrationType.STORAGE;
  }

  @Override
  public TestOutcome test(ResolvedConnection connection) {
    SecretMasker masker = WorkerConnections.maskerFor(connection);
    try (FileStore store = stores.open(StorageProvider.of(connection), connection, masker)) {
      return TestOutcome.succeeded(store.masker().mask(store.verify()));
    } catch (ConnectorException | ConnectorInputException e) {
      return TestOutcome.failed(e, masker.mask(e.getMessage()));
    }
  }
}
