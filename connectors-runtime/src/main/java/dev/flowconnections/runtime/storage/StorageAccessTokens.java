package dev.flowconnections.runtime.storage;

import dev.flowconnections.fields.FieldCatalog;
import dev.flowconnections.integration.AuthScheme;
import dev.flowconnections.resolution.ConnectionResolutionException;
import dev.flowconnections.resolution.ResolvedConnection;
import dev.flowconnections.runtime.worker.WorkerConnections;
import io.camunda.connector.api.error.ConnectorInputException;

/**
 * The access token Google Drive, OneDrive and Box calls carry. This is the one place that knows
 * where it comes from: today the connection's BEARER token. OAuth2 connections (client id and
 * secret, refreshed tokens) are answered with an incident until the runtime's OAuth2 token service
 * is wired in here.
 */
class StorageAccessTokens {

  String accessTokenFor(ResolvedConnection connection, StorageProvider provider) {
    AuthScheme scheme = connection.authScheme();
    return switch (scheme) {
      case BEARER -> bearer(connection);
      case OAUTH2 -> throw new ConnectorInputException("connection '" + connection.key() + "' uses OAuth2, which the"
          + " storage worker cannot use for " + provider.label() + " yet; use an integration with the BEARER"
          + " scheme and an access token in the connection");
      default -> throw new ConnectorInputException("connection '" + connection.key() + "' has no access token for "
          + provider.label() + " (auth scheme " + scheme + "); its integration needs the BEARER scheme");
    };
  }

  private static String bearer(ResolvedConnection connection) {
    try {
      String token = connection.requireText(FieldCatalog.TOKEN).strip();
      if (token.isEmpty() || token.chars().anyMatch(c -> c < 0x21 || c > 0x7e)) {
        throw new ConnectorInputException("connection '" + connection.key() + "' has a '" + FieldCatalog.TOKEN
            + "' in " + connection.environment() + " that is not a single printable token");
      }
      return token;
    } catch (ConnectionResolutionException e) {
      throw WorkerConnections.configurationProblem(e);
    }
  }
}
