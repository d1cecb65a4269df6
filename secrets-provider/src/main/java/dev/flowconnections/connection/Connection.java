package dev.flowconnections.connection;

import dev.flowconnections.environment.Environment;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A named instance of an integration. {@code key} is the stable slug processes refer to; it is
 * derived from the name once and survives renames.
 *
 * @param allowedProcesses BPMN process ids that may use it at runtime ({@link
 *     dev.flowconnections.scope.ProcessScope}); empty: every process for ORGANIZATION, none for
 *     PERSONAL
 * @param allowedInProduction for PERSONAL connections: an administrator allowed it in PRODUCTION
 */
public record Connection(
    UUID id,
    String organizationId,
    String key,
    String name,
    UUID integrationId,
    Visibility visibility,
    String owner,
    long version,
    Instant createdAt,
    String createdBy,
    Instant updatedAt,
    String updatedBy,
    Map<Environment, ConnectionEnvironment> environments,
    List<String> allowedProcesses,
    boolean allowedInProduction) {

  public Connection {
    environments = Map.copyOf(environments);
    allowedProcesses = allowedProcesses == null ? List.of() : List.copyOf(allowedProcesses);
  }

  public boolean visibleTo(String username) {
    return visibility == Visibility.ORGANIZATION || owner.equals(username);
  }
}
