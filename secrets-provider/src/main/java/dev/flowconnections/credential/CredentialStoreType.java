package dev.flowconnections.credential;

/** The credential stores a runtime can use ({@code flow-connections.store.type}). */
public enum CredentialStoreType {
  /** Envelope-encrypted rows in the application's PostgreSQL database (the default). */
  POSTGRES,
  /** A HashiCorp Vault KV version 2 mount. */
  VAULT;

  public String storeName() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }
}
