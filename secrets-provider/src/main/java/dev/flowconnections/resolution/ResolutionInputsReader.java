package dev.flowconnections.resolution;

import dev.flowconnections.connection.ConnectionRepository;
import dev.flowconnections.credential.PostgresCredentialStore;
import dev.flowconnections.environment.Environment;
import dev.flowconnections.integration.IntegrationRepository;
import java.util.Map;
import java.util.Optional;

/**
 * Reads the {@link ResolutionInputs} of a connection key in one round trip: the connection, the
 * requested environment's row, the integration and that environment's credential row, left-joined.
 * Never another environment's rows; the credential row stays sealed.
 */
final class ResolutionInputsReader {

  private static final String SQL =
      "select "
          + ConnectionRepository.JOINED_COLUMNS
          + ", "
          + IntegrationRepository.JOINED_COLUMNS
          + ", "
          + PostgresCredentialStore.JOINED_COLUMNS
          + " from connection c"
          + " left join connection_environment e on e.connection_id = c.id and e.environment = :env"
          + " left join integration i on i.id = c.integration_id and i.organization_id = :org "
          + PostgresCredentialStore.JOIN
          + " where c.organization_id = :org and c.connection_key = :key";

  private final ConnectionRepository connections;
  private final IntegrationRepository integrations;

  ResolutionInputsReader(ConnectionRepository connections, IntegrationRepository integrations) {
    this.connections = connections;
    this.integrations = integrations;
  }

  /** Empty when the organization has no connection with the key. */
  Optional<ResolutionInputs> read(
      String organizationId, String connectionKey, Environment environment) {
    return connections.queryJoined(
        SQL,
        Map.of("org", organizationId, "key", connectionKey, "env", environment.name()),
        (rs, n) ->
            new ResolutionInputs(
                connections.joined(rs),
                integrations.joined(rs),
                PostgresCredentialStore.joined(rs)));
  }
}
