package dev.flowconnections.runtime.storage;

import dev.flowconnections.runtime.worker.SecretMasker;

/**
 * A file store that reaches its provider (Google Drive, OneDrive, Box) through a {@link BearerApi},
 * which also names the store and knows the secrets to mask.
 */
abstract class BearerApiFileStore implements FileStore {

  protected final BearerApi api;

  BearerApiFileStore(BearerApi api) {
    this.api = api;
  }

  @Override
  public String describe() {
    return api.describe();
  }

  @Override
  public SecretMasker masker() {
    return api.masker();
  }
}
