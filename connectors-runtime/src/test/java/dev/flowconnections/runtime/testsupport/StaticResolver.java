package dev.flowconnections.runtime.testsupport;

import dev.flowconnections.credential.SecretValues;
import dev.flowconnections.environment.Environment;
import dev.flowconnections.integration.AuthScheme;
import dev.flowconnections.integration.IntegrationType;
import dev.flowconnections.resolution.ConnectionResolutionException;
import dev.flowconnections.resolution.ConnectionResolver;
import dev.flowconnections.resolution.ResolvedConnection;
import dev.flowconnections.scope.RuntimeCaller;
import java.util.Map;

/**
 * A resolver for worker tests that hands out one connection for one key, in DEVELOPMENT; any other
 * key "does not exist", as in the store. {@link #failWith} makes it fail as the store would.
 */
public final class StaticResolver implements ConnectionResolver {

  private ResolvedConnection connection;
  private RuntimeException failure;

  public StaticResolver connection(
      String key, IntegrationType type, Map<String, Object> settings, Map<String, ?> secrets) {
    return connection(key, type, AuthScheme.NONE, settings, secrets);
  }

  /** A connection whose integration uses {@code authScheme}, for workers that read it. */
  public StaticResolver connection(
      String key,
      IntegrationType type,
      AuthScheme authScheme,
      Map<String, Object> settings,
      Map<String, ?> secrets) {
    this.connection =
        new ResolvedConnection(
            key,
            key + " integration",
            type,
            authScheme,
            Environment.DEVELOPMENT,
            settings,
            SecretValues.of(secrets));
    return this;
  }

  public ResolvedConnection current() {
    return connection;
  }

  public StaticResolver failWith(RuntimeException failure) {
    this.failure = failure;
    return this;
  }

  @Override
  public ResolvedConnection resolve(
      String organizationId, String connectionKey, Environment environment, RuntimeCaller caller) {
    if (failure != null) {
      throw failure;
    }
    if (connection == null || !connection.key().equals(connectionKey)) {
      throw new ConnectionResolutionException("connection '" + connectionKey + "' does not exist");
    }
    return connection;
  }
}
