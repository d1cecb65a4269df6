package dev.flowconnections.credential;

import java.util.Optional;

/**
 * Keeps the secret fields of connection environments. Everything else about a connection stays in
 * PostgreSQL; implementations decide only how secrets are kept (encrypted rows, Vault KV v2, ...).
 *
 * <p>Implementations must never put a secret value into an exception message or a log line.
 */
public interface CredentialStore {

  /** The stored secrets, or empty when the environment has none. */
  Optional<SecretValues> read(CredentialLocation location);

  /** Replaces all secrets of the location with {@code values}. */
  void write(CredentialLocation location, SecretValues values);

  /**
   * The secrets with the version a following {@link #write(CredentialLocation, SecretValues, long)}
   * expects.
   */
  default StoredCredentials readForUpdate(CredentialLocation location) {
    return StoredCredentials.unversioned(read(location));
  }

  /**
   * Replaces the secrets only if the store still holds {@code expectedVersion} (from {@link
   * #readForUpdate}); otherwise someone changed them meanwhile and this throws a {@link
   * dev.flowconnections.errors.ConflictException}. Stores without versions ignore it.
   */
  default void write(CredentialLocation location, SecretValues values, long expectedVersion) {
    write(location, values);
  }

  /** Removes the location's secrets; absent ones are fine. */
  void delete(CredentialLocation location);

  /** A short name for logs and health output, e.g. "postgres" or "vault". */
  String name();
}
