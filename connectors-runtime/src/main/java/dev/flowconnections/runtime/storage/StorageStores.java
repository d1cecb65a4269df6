package dev.flowconnections.runtime.storage;

import dev.flowconnections.resolution.ResolvedConnection;
import dev.flowconnections.runtime.worker.ProviderHttp;
import dev.flowconnections.runtime.worker.SecretMasker;
import dev.flowconnections.runtime.worker.WorkerConnections;
import java.time.Duration;

/**
 * Opens the store of a connection's provider, for a job or (with a shorter timeout) a connection
 * test.
 */
class StorageStores {

  private final StorageAccessTokens tokens;
  private final Duration timeout;

  StorageStores(StorageAccessTokens tokens, Duration timeout) {
    this.tokens = tokens;
    this.timeout = timeout;
  }

  static StorageStores forJobs(StorageAccessTokens tokens) {
    return new StorageStores(tokens, ProviderHttp.READ_TIMEOUT);
  }

  static StorageStores forConnectionTests(StorageAccessTokens tokens) {
    return new StorageStores(tokens, ProviderHttp.CONNECTION_TEST_TIMEOUT);
  }

  FileStore open(StorageProvider provider, ResolvedConnection connection, SecretMasker masker) {
    return switch (provider) {
      case AMAZON_S3 -> new S3FileStore(S3Account.of(connection), connection, masker, timeout);
      case GOOGLE_DRIVE -> new GoogleDriveFileStore(api(provider, connection));
      case ONEDRIVE -> new OneDriveFileStore(api(provider, connection));
      case BOX -> new BoxFileStore(api(provider, connection), connection);
    };
  }

  private BearerApi api(StorageProvider provider, ResolvedConnection connection) {
    String token = tokens.accessTokenFor(connection, provider);
    // the token may come from elsewhere than the connection's secrets (OAuth2), so it is masked too
    return new BearerApi(
        provider, connection, token, WorkerConnections.maskerFor(connection, token), timeout);
  }
}
