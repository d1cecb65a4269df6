package dev.flowconnections.resolution;

import dev.flowconnections.connection.Connection;
import dev.flowconnections.crypto.SealedBox;
import dev.flowconnections.integration.Integration;
import java.util.Optional;

/**
 * What one resolution is built from, as read in one statement: the connection with the requested
 * environment's row only, its integration (empty when deleted) and the sealed PostgreSQL credential
 * row of that environment (empty when there is none). Nothing is decrypted yet.
 */
record ResolutionInputs(
    Connection connection, Optional<Integration> integration, Optional<SealedBox> credentialRow) {}
