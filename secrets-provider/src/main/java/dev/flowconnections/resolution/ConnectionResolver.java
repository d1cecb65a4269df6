package dev.flowconnections.resolution;

import dev.flowconnections.environment.Environment;
import dev.flowconnections.scope.RuntimeCaller;

/**
 * Turns a connection key into what a worker needs to call the external system in one environment,
 * for one caller: process scope ({@link dev.flowconnections.scope.ProcessScope}) decides whether
 * the calling process may use the connection and each org secret it references.
 */
public interface ConnectionResolver {

  /**
   * @param caller the job's process ({@link RuntimeCaller#process}), {@link
   *     RuntimeCaller#UNKNOWN_PROCESS}, or {@link RuntimeCaller#PERSON} for a person's connection
   *     test
   * @throws dev.flowconnections.scope.ProcessScopeException when the caller may not use the
   *     connection or a secret it references
   * @throws ConnectionResolutionException when the connection cannot be used in {@code environment}
   * @throws dev.flowconnections.credential.CredentialStoreUnavailableException when the store
   *     cannot answer
   */
  ResolvedConnection resolve(
      String organizationId, String connectionKey, Environment environment, RuntimeCaller caller);
}
