package dev.flowconnections.connection;

import dev.flowconnections.environment.Environment;
import dev.flowconnections.integration.Integration;
import java.util.Map;

/**
 * A connection with what its card shows: the integration it instantiates and the status of each
 * environment ("2 of 4 environments configured"). Contains no secret value.
 */
public record ConnectionView(
    Connection connection, Integration integration, Map<Environment, EnvironmentStatus> statuses) {

  public long configuredCount() {
    return statuses.values().stream().filter(s -> s == EnvironmentStatus.CONFIGURED).count();
  }

  /** Environments whose last connection test failed. */
  public long failingCount() {
    return connection.environments().values().stream()
        .filter(e -> e.lastTest() != null && !e.lastTest().ok())
        .count();
  }
}
