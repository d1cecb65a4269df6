package dev.flowconnections.credential.vault;

import dev.flowconnections.credential.CredentialLocation;
import dev.flowconnections.credential.CredentialStore;
import dev.flowconnections.credential.SecretValues;
import dev.flowconnections.credential.StoredCredentials;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiFunction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.vault.core.VaultVersionedKeyValueOperations;
import org.springframework.vault.support.Versioned;
import org.springframework.vault.support.Versioned.Version;

/**
 * Secret fields of connection environments in a HashiCorp Vault KV version 2 mount, one secret per
 * connection environment at {@link VaultPathLayout}. Connection metadata stays in PostgreSQL.
 *
 * <p>Writes are check-and-set against the version read before the update, so a concurrent edit is a
 * conflict instead of a lost update. Deletes are soft (the latest version is marked deleted; its
 * history and metadata stay, so an operator can undelete it). Vault has no transactions: when the
 * caller's database transaction rolls back after a Vault write or delete, the Vault change is
 * undone (the previous version written again, or the deleted version undeleted) so that Vault and
 * the metadata agree again.
 */
public class VaultCredentialStore implements CredentialStore, AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(VaultCredentialStore.class);

  private final VaultSession session;
  private final VaultPathLayout layout;

  public VaultCredentialStore(VaultSession session) {
    this.session = session;
    this.layout = new VaultPathLayout(session.properties().getPathPattern());
  }

  /** A store with its own session; closing the store logs out. */
  public static VaultCredentialStore connect(VaultStoreProperties properties) {
    return new VaultCredentialStore(VaultSession.open(properties));
  }

  @Override
  public Optional<SecretValues> read(CredentialLocation location) {
    return readForUpdate(location).values();
  }

  @Override
  public StoredCredentials readForUpdate(CredentialLocation location) {
    Versioned<Map<String, Object>> current =
        call("read", location, VaultVersionedKeyValueOperations::get);
    if (current == null) {
      return new StoredCredentials(Optional.empty(), 0);
    }
    Optional<SecretValues> values =
        current.hasData()
                && !current.getMetadata().isDeleted()
                && !current.getMetadata().isDestroyed()
            ? Optional.of(SecretValues.of(current.getRequiredData()))
            : Optional.empty();
    return new StoredCredentials(values, current.getVersion().getVersion());
  }

  @Override
  public void write(CredentialLocation location, SecretValues values) {
    write(location, values, readForUpdate(location).version());
  }

  @Override
  public void write(CredentialLocation location, SecretValues values, long expectedVersion) {
    long expected =
        expectedVersion == StoredCredentials.UNVERSIONED
            ? readForUpdate(location).version()
            : expectedVersion;
    Versioned.Metadata written =
        call(
            "write",
            location,
            (kv, path) ->
                kv.put(path, Versioned.create(values.asMap(), Version.from((int) expected))));
    int newVersion = written.getVersion().getVersion();
    undoOnRollback(
        "write", location, kv -> restore(kv, layout.pathOf(location), (int) expected, newVersion));
  }

  @Override
  public void delete(CredentialLocation location) {
    StoredCredentials current = readForUpdate(location);
    if (current.values().isEmpty()) {
      return; // never written, or already deleted: nothing to do
    }
    Version latest = Version.from((int) current.version());
    call(
        "delete",
        location,
        (kv, path) -> {
          kv.delete(path, latest);
          return null;
        });
    undoOnRollback("delete", location, kv -> kv.undelete(layout.pathOf(location), latest));
  }

  @Override
  public String name() {
    return "vault";
  }

  /** The path below the mount where {@code location}'s secrets live. */
  public String pathOf(CredentialLocation location) {
    return layout.pathOf(location);
  }

  @Override
  public void close() {
    session.close();
  }

  /**
   * Runs one Vault operation. On 403 the token may have been revoked or have expired between
   * renewals, so the session logs in again and the operation is tried once more.
   */
  private <T> T call(
      String operation,
      CredentialLocation location,
      BiFunction<VaultVersionedKeyValueOperations, String, T> action) {
    String path = layout.pathOf(location);
    try {
      return action.apply(session.keyValue(), path);
    } catch (RuntimeException first) {
      if (!VaultFailures.isPermissionDenied(first)) {
        throw VaultFailures.translate(first, operation, path);
      }
      session.forgetToken();
      try {
        return action.apply(session.keyValue(), path);
      } catch (RuntimeException second) {
        throw VaultFailures.translate(second, operation, path);
      }
    }
  }

  /** Writes the version before ours again, or soft-deletes ours when there was none. */
  private static void restore(
      VaultVersionedKeyValueOperations kv, String path, int previous, int ours) {
    Versioned<Map<String, Object>> before =
        previous == 0 ? null : kv.get(path, Version.from(previous));
    if (before == null || !before.hasData()) {
      kv.delete(path, Version.from(ours));
    } else {
      kv.put(path, Versioned.create(before.getRequiredData(), Version.from(ours)));
    }
  }

  private void undoOnRollback(
      String operation,
      CredentialLocation location,
      java.util.function.Consumer<VaultVersionedKeyValueOperations> undo) {
    if (!TransactionSynchronizationManager.isSynchronizationActive()) {
      return;
    }
    String path = layout.pathOf(location);
    TransactionSynchronizationManager.registerSynchronization(
        new TransactionSynchronization() {
          @Override
          public void afterCompletion(int status) {
            if (status == STATUS_COMMITTED) {
              return;
            }
            try {
              undo.accept(session.keyValue());
              LOG.info(
                  "undid the Vault {} of {} after the database transaction rolled back",
                  operation,
                  path);
            } catch (RuntimeException e) {
              // the next edit still reads Vault's latest version, so it stays consistent; say what
              // to check
              LOG.warn(
                  "could not undo the Vault {} of {} after the database transaction rolled back: {}",
                  operation,
                  path,
                  VaultFailures.translate(e, "undo " + operation, path).getMessage());
            }
          }
        });
  }
}
