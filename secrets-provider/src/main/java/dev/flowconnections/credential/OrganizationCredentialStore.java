package dev.flowconnections.credential;

import java.util.Optional;

/** Sends each location to the store its organization is configured for. */
final class OrganizationCredentialStore implements CredentialStore {

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
