package dev.flowconnections.credential;

import java.util.Optional;

/**
 * The secrets of a location together with the store's version of them, read before an update so
 * that the write can refuse to overwrite a concurrent edit (Vault's check-and-set).
 *
 * @param version the store's version of the location: 0 when it never held secrets, {@link
 *     #UNVERSIONED} for stores that need no version (their writes are guarded by the caller's
 *     database transaction)
 */
public record StoredCredentials(Optional<SecretValues> values, long version) {

  public static final long UNVERSIONED = -1;

  public static StoredCredentials unversioned(Optional<SecretValues> values) {
    return new StoredCredentials(values, UNVERSIONED);
  }
}
