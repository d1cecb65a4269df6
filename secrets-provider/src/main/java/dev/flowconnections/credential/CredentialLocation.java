package dev.flowconnections.credential;

import dev.flowconnections.environment.Environment;
import java.util.UUID;

/**
 * Where the secrets of one connection environment live. Stores address by id; the key and
 * organization let path-based stores (Vault) build readable paths.
 */
public record CredentialLocation(
    String organizationId, UUID connectionId, String connectionKey, Environment environment) {

  /** Bound into the ciphertext so a sealed value cannot be replayed for another location. */
  public String associatedData() {
    return organizationId + "/" + connectionId + "/" + environment.name();
  }
}
