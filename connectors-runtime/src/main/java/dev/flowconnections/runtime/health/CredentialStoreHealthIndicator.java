package dev.flowconnections.runtime.health;

import dev.flowconnections.credential.CredentialLocation;
import dev.flowconnections.credential.CredentialStore;
import dev.flowconnections.credential.CredentialStoreType;
import dev.flowconnections.credential.CredentialStores;
import dev.flowconnections.environment.Environment;
import java.util.UUID;
import org.springframework.boot.actuate.health.AbstractHealthIndicator;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.Status;

/**
 * Asks every configured credential store (PostgreSQL, and Vault when configured) for a location
 * that never holds credentials: an empty answer means the store is reachable and lets the runtime
 * read; an unavailable store (sealed, unreachable, access denied) makes the runtime not ready.
 */
final class CredentialStoreHealthIndicator extends AbstractHealthIndicator {

  /** An organization id no user can have (organization ids are names, this is not one). */
  private static final CredentialLocation PROBE =
      new CredentialLocation(
          "flow-connections health probe", new UUID(0, 0), "health-probe", Environment.DEVELOPMENT);

  private final CredentialStores stores;

  CredentialStoreHealthIndicator(CredentialStores stores) {
    super("a credential store cannot be read");
    this.stores = stores;
  }

  @Override
  protected void doHealthCheck(Health.Builder health) {
    boolean up = true;
    for (CredentialStoreType type : CredentialStoreType.values()) {
      CredentialStore store = stores.get(type).orElse(null);
      if (store == null) {
        continue;
      }
      try {
        store.read(PROBE);
        health.withDetail(store.name(), "UP");
      } catch (RuntimeException e) {
        up = false;
        health.withDetail(store.name(), "DOWN: " + e.getClass().getSimpleName());
      }
    }
    health.status(up ? Status.UP : Status.DOWN);
  }
}
