package dev.flowconnections.runtime.storage;

import dev.flowconnections.fields.FieldCatalog;
import dev.flowconnections.integration.AuthScheme;
import dev.flowconnections.resolution.ConnectionResolutionException;
import dev.flowconnections.resolution.ResolvedConnection;
import dev.flowconnections.runtime.oauth2.OAuth2AccessTokens;
import dev.flowconnections.runtime.worker.JobFailures;
import dev.flowconnections.runtime.worker.WorkerConnections;

/**
 * The access token Google Drive, OneDrive and Box calls carry: the connection's BEARER token, or
 * for OAuth2 connections one from the runtime's token service (client credentials, or the tokens a
 * user's "Connect" stored, refreshed when due).
 */
class StorageAccessTokens {

  private final OAuth2AccessTokens oauth2;

  StorageAccessTokens(OAuth2AccessTokens oauth2) {
    this.oauth2 = oauth2;
  }

  String accessTokenFor(ResolvedConnection connection, StorageProvider provider) {
    AuthScheme scheme = connection.authScheme();
    return switch (scheme) {
      case BEARER -> bearer(connection);
      case OAUTH2 -> oauth2.accessTokenFor(connection);
      default ->
          throw JobFailures.connectionProblem(
              "connection \'"
                  + connection.key()
                  + "' has no access token for "
                  + provider.label()
                  + " (auth scheme "
                  + scheme
                  + "); its integration needs the BEARER or OAUTH2 scheme");
    };
  }

  private static String bearer(ResolvedConnection connection) {
    try {
      String token = connection.requireText(FieldCatalog.TOKEN).strip();
      if (token.isEmpty() || token.chars().anyMatch(c -> c < 0x21 || c > 0x7e)) {
        throw JobFailures.connectionProblem(
            "connection \'"
                + connection.key()
                + "' has a '"
                + FieldCatalog.TOKEN
                + "' in "
                + connection.environment()
                + " that is not a single printable token");
      }
      return token;
    } catch (ConnectionResolutionException e) {
      throw WorkerConnections.configurationProblem(e);
    }
  }
}
