package dev.flowconnections.resolution;

import dev.flowconnections.environment.Environment;

/** Turns a connection key into what a worker needs to call the external system in one environment. */
public interface ConnectionResolver {

  /**
   * @throws ConnectionResolutionException when the connection cannot be used in {@code environment}
   * @throws dev.flowconnections.credential.CredentialStoreUnavailableException when the store cannot answer
   */
  ResolvedConnection resolve(String organizationId, String connectionKey, Environment environment);
}
