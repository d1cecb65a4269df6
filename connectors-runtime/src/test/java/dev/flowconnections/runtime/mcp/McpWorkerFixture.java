package dev.flowconnections.runtime.mcp;

import dev.flowconnections.environment.Environment;
import dev.flowconnections.resolution.ConnectionResolutionException;
import dev.flowconnections.resolution.ConnectionResolver;
import dev.flowconnections.resolution.ResolvedConnection;
import dev.flowconnections.resolution.RuntimeEnvironment;
import dev.flowconnections.runtime.testsupport.WorkerTestContext;
import dev.flowconnections.runtime.worker.WorkerConnections;
import java.util.HashMap;
import java.util.Map;

/** The MCP worker as the runtime builds it, with a resolver that hands out one connection. */
final class McpWorkerFixture {

  private ResolvedConnection connection;

  McpWorkerFixture connection(ResolvedConnection connection) {
    this.connection = connection;
    return this;
  }

  /** Runs the worker as the runtime would, with {@code connection=<key>} plus {@code variables}. */
  Object run(Map<String, ?> variables) {
    Map<String, Object> all = new HashMap<>(Map.of("connection", connection.key()));
    all.putAll(variables);
    return function().execute(new WorkerTestContext(McpFunction.TYPE, all));
  }

  /** Runs the callTool operation: {@code toolName} with {@code arguments} (a map or JSON text). */
  Object callTool(String toolName, Object arguments) {
    return run(Map.of("operation", "callTool", "toolName", toolName, "arguments", arguments));
  }

  McpFunction function() {
    ConnectionResolver resolver =
        (organizationId, key, environment, caller) -> {
          if (connection == null || !connection.key().equals(key)) {
            throw new ConnectionResolutionException("connection '" + key + "' does not exist");
          }
          return connection;
        };
    return new McpFunction(
        new McpService(
            new WorkerConnections(
                resolver, new RuntimeEnvironment(Environment.DEVELOPMENT, "default")),
            McpTestConnections.sessions()));
  }
}
