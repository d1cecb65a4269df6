package dev.flowconnections.runtime.sql;

import dev.flowconnections.credential.SecretValues;
import dev.flowconnections.environment.Environment;
import dev.flowconnections.integration.AuthScheme;
import dev.flowconnections.integration.IntegrationType;
import dev.flowconnections.resolution.ConnectionResolutionException;
import dev.flowconnections.resolution.ConnectionResolver;
import dev.flowconnections.resolution.ResolvedConnection;
import dev.flowconnections.resolution.RuntimeEnvironment;
import dev.flowconnections.runtime.testsupport.WorkerTestContext;
import dev.flowconnections.runtime.worker.WorkerConnections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A SQL worker whose resolver hands out one Database connection under {@value #KEY}, with real
 * pools: tests run it against the real servers of this machine.
 */
final class SqlTestFixture implements AutoCloseable {

  static final String KEY = "orders-db";

  final SqlDataSources dataSources = new SqlDataSources();
  private ResolvedConnection connection;

  SqlTestFixture connection(String vendor, String jdbcUrl, String username, String password) {
    Map<String, Object> settings =
        new LinkedHashMap<>(Map.of("vendor", vendor, "jdbcUrl", jdbcUrl));
    if (username != null) {
      settings.put("username", username);
    }
    Map<String, String> secrets = password == null ? Map.of() : Map.of("password", password);
    connection =
        new ResolvedConnection(
            KEY,
            "Orders DB",
            IntegrationType.DATABASE,
            AuthScheme.NONE,
            Environment.DEVELOPMENT,
            settings,
            SecretValues.of(secrets));
    return this;
  }

  /** The connection the resolver hands out, e.g. for a connection tester. */
  ResolvedConnection resolved() {
    return connection;
  }

  /** Runs the worker as the runtime would, with {@code connection=KEY} plus {@code variables}. */
  Object run(Map<String, ?> variables) {
    Map<String, Object> all = new HashMap<>(Map.of("connection", KEY));
    all.putAll(variables);
    return function().execute(new WorkerTestContext(SqlFunction.TYPE, all));
  }

  /** As {@link #run}, for the job of an AI agent's tool (header agentTool=true). */
  Object runAsTool(Map<String, ?> variables) {
    Map<String, Object> all = new HashMap<>(Map.of("connection", KEY));
    all.putAll(variables);
    return function().execute(WorkerTestContext.agentTool(SqlFunction.TYPE, all));
  }

  SqlResult query(String statement, Map<String, ?> parameters) {
    return (SqlResult) run(Map.of("statement", statement, "parameters", parameters));
  }

  SqlResult query(String statement) {
    return query(statement, Map.of());
  }

  SqlFunction function() {
    ConnectionResolver resolver =
        (organizationId, key, environment, caller) -> {
          if (connection == null || !connection.key().equals(key)) {
            throw new ConnectionResolutionException("connection '" + key + "' does not exist");
          }
          return connection;
        };
    return new SqlFunction(
        new SqlService(
            new WorkerConnections(
                resolver, new RuntimeEnvironment(Environment.DEVELOPMENT, "default")),
            dataSources));
  }

  @Override
  public void close() {
    dataSources.destroy();
  }
}
