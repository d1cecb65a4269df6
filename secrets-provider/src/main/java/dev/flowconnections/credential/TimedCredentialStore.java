package dev.flowconnections.credential;

import dev.flowconnections.crypto.SealedBox;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.util.Optional;

/**
 * Times the reads of a credential store ({@code flow.connections.store.reads}, tagged with the
 * store name and whether it answered), so a slow Vault or database shows before jobs time out. For
 * a row the resolution read itself ({@link JoinableCredentialStore#open}) it times the opening.
 */
public class TimedCredentialStore implements JoinableCredentialStore {

  public static final String READS = "flow.connections.store.reads";

  private final CredentialStore store;
  private final MeterRegistry registry;

  public TimedCredentialStore(CredentialStore store, MeterRegistry registry) {
    this.store = store;
    this.registry = registry;
  }

  @Override
  public Optional<SecretValues> read(CredentialLocation location) {
    return timed(() -> store.read(location));
  }

  @Override
  public boolean joinable(CredentialLocation location) {
    return store instanceof JoinableCredentialStore joinable && joinable.joinable(location);
  }

  @Override
  public Optional<SecretValues> open(CredentialLocation location, Optional<SealedBox> row) {
    if (!(store instanceof JoinableCredentialStore joinable)) {
      throw new IllegalStateException("the " + store.name() + " store is not joinable");
    }
    return timed(() -> joinable.open(location, row));
  }

  private Optional<SecretValues> timed(
      java.util.function.Supplier<Optional<SecretValues>> reading) {
    long start = System.nanoTime();
    String outcome = "unavailable";
    try {
      Optional<SecretValues> values = reading.get();
      outcome = "ok";
      return values;
    } finally {
      Timer.builder(READS)
          .description("Reads of connection secrets from the credential store")
          .tag("store", store.name())
          .tag("outcome", outcome)
          .register(registry)
          .record(System.nanoTime() - start, java.util.concurrent.TimeUnit.NANOSECONDS);
    }
  }

  @Override
  public void write(CredentialLocation location, SecretValues values) {
    store.write(location, values);
  }

  @Override
  public StoredCredentials readForUpdate(CredentialLocation location) {
    return store.readForUpdate(location);
  }

  @Override
  public void write(CredentialLocation location, SecretValues values, long expectedVersion) {
    store.write(location, values, expectedVersion);
  }

  @Override
  public void delete(CredentialLocation location) {
    store.delete(location);
  }

  @Override
  public String name() {
    return store.name();
  }
}
