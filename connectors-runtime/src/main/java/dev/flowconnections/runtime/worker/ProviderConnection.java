package dev.flowconnections.runtime.worker;

import dev.flowconnections.resolution.ResolvedConnection;

/**
 * A job's connection for a worker with several providers (Email, SMS, Storage), with the provider
 * its integration's {@code provider} setting names: what such a worker switches on first.
 */
public record ProviderConnection<P extends Enum<P>>(ResolvedConnection connection, P provider) {

  /** How a worker's log names it: key, provider and environment, never a value. */
  @Override
  public String toString() {
    return "connection '"
        + connection.key()
        + "' ("
        + provider
        + ", "
        + connection.environment()
        + ")";
  }
}
