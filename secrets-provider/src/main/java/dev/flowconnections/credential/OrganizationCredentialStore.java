package dev.flowconnections.credential;

import dev.flowconnections.crypto.SealedBox;
import java.util.Optional;

/** Sends each location to the store its organization is configured for. */
final class OrganizationCredentialStore implements JoinableCredentialStore {

  private final CredentialStores stores;

  OrganizationCredentialStore(CredentialStores stores) {
    this.stores = stores;
  }

  private CredentialStore storeOf(CredentialLocation location) {
    return stores.require(stores.typeFor(location.organizationId()));
  }

  @Override
  public Optional<SecretValues> read(CredentialLocation location) {
    return storeOf(location).read(location);
  }

  /** Only where the organization's store is itself joinable (never Vault). */
  @Override
  public boolean joinable(CredentialLocation location) {
    return storeOf(location) instanceof JoinableCredentialStore store && store.joinable(location);
  }

  @Override
  public Optional<SecretValues> open(CredentialLocation location, Optional<SealedBox> row) {
    if (storeOf(location) instanceof JoinableCredentialStore store && store.joinable(location)) {
      return store.open(location, row);
    }
    throw new IllegalStateException(
        "the credentials of " + location.connectionId() + " are not joinable");
  }

  @Override
  public StoredCredentials readForUpdate(CredentialLocation location) {
    return storeOf(location).readForUpdate(location);
  }

  @Override
  public void write(CredentialLocation location, SecretValues values) {
    storeOf(location).write(location, values);
  }

  @Override
  public void write(CredentialLocation location, SecretValues values, long expectedVersion) {
    storeOf(location).write(location, values, expectedVersion);
  }

  @Override
  public void delete(CredentialLocation location) {
    storeOf(location).delete(location);
  }

  @Override
  public String name() {
    return "per-organization";
  }
}
