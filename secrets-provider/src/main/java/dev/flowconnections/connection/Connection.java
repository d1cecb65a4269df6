package dev.flowconnections.connection;

import dev.flowconnections.environment.Environment;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/**
 * A named instance of an integration. {@code key} is the stable slug processes refer to; it is
 * derived from the name once and survives renames.
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
    Map<Environment, ConnectionEnvironment> environments) {

  public Connection {
    environments = Map.copyOf(environments);
  }

  public boolean visibleTo(String username) {
    return visibility == Visibility.ORGANIZATION || owner.equals(username);
  }
}
