package dev.flowconnections.credential;

import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;

/**
 * Every configured credential store by type, and which one each organization uses. The PostgreSQL
 * store always exists; the Vault store exists when Vault is configured, even if no organization
 * uses it yet, so that credentials can be migrated into it before switching.
 */
public class CredentialStores implements AutoCloseable {

  private final Map<CredentialStoreType, CredentialStore> stores;
  private final CredentialStoreType defaultType;
  private final Map<String, CredentialStoreType> byOrganization;

  public CredentialStores(
      Map<CredentialStoreType, CredentialStore> stores,
      CredentialStoreType defaultType,
      Map<String, CredentialStoreType> byOrganization) {
    this.stores = new EnumMap<>(stores);
    this.defaultType = defaultType;
    this.byOrganization = Map.copyOf(byOrganization);
    require(defaultType, "flow-connections.store.type");
    byOrganization.forEach(
        (org, type) -> require(type, "flow-connections.store.organizations." + org));
  }

  private void require(CredentialStoreType type, String property) {
    if (!stores.containsKey(type)) {
      throw new IllegalStateException(
          property
              + " selects the "
              + type.storeName()
              + " store, which is not configured"
              + (type == CredentialStoreType.VAULT
                  ? " (set flow-connections.store.vault.uri and its authentication)"
                  : ""));
    }
  }

  public Optional<CredentialStore> get(CredentialStoreType type) {
    return Optional.ofNullable(stores.get(type));
  }

  /** The store for {@code type}, or a clear error naming what to configure. */
  public CredentialStore require(CredentialStoreType type) {
    require(type, "the requested store");
    return stores.get(type);
  }

  public CredentialStoreType typeFor(String organizationId) {
    return byOrganization.getOrDefault(organizationId, defaultType);
  }

  /** The store the application reads and writes through: one store, or one per organization. */
  public CredentialStore selected() {
    if (byOrganization.values().stream().allMatch(defaultType::equals)) {
      return stores.get(defaultType);
    }
    return new OrganizationCredentialStore(this);
  }

  @Override
  public void close() throws Exception {
    for (CredentialStore store : stores.values()) {
      if (store instanceof AutoCloseable closeable) {
        closeable.close();
      }
    }
  }
}
