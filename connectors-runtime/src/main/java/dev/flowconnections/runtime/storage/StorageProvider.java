package dev.flowconnections.runtime.storage;

import dev.flowconnections.resolution.ResolvedConnection;
import dev.flowconnections.runtime.worker.ProviderSetting;

/** The storage services a Storage connection can reach; {@code provider} of its integration. */
public enum StorageProvider {
  AMAZON_S3("Amazon S3"),
  GOOGLE_DRIVE("Google Drive"),
  ONEDRIVE("OneDrive"),
  BOX("Box");

  private final String label;

  StorageProvider(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }

  static StorageProvider of(ResolvedConnection connection) {
    return ProviderSetting.of(connection, StorageProvider.class, AMAZON_S3);
  }
}
