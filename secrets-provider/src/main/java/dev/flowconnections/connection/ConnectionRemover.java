package dev.flowconnections.connection;

import dev.flowconnections.credential.CredentialLocation;
import dev.flowconnections.credential.CredentialStore;

/**
 * Removes a connection with the secrets of all its environments, inside the caller's transaction.
 */
public class ConnectionRemover {

  private final ConnectionRepository connections;
  private final CredentialStore credentials;

  public ConnectionRemover(ConnectionRepository connections, CredentialStore credentials) {
    this.connections = connections;
    this.credentials = credentials;
  }

  public void remove(Connection connection) {
    // Secrets first: if the store refuses, the transaction rolls back and the connection stays
    // whole.
    connection
        .environments()
        .keySet()
        .forEach(
            env ->
                credentials.delete(
                    new CredentialLocation(
                        connection.organizationId(), connection.id(), connection.key(), env)));
    connections.delete(connection.organizationId(), connection.id());
  }
}
