package dev.flowconnections.credential;

import dev.flowconnections.crypto.SealedBox;
import java.util.Optional;

/**
 * A credential store whose rows can be read by someone else's query: the resolution reads the
 * connection, its integration and the sealed credential row in one statement ({@link
 * PostgresCredentialStore#JOIN}) and hands the row to {@link #open} instead of calling {@link
 * #read}. Decorators pass it through; a store that keeps a location's secrets elsewhere (Vault)
 * answers {@code false} to {@link #joinable}, and the caller must {@link #read} instead.
 */
public interface JoinableCredentialStore extends CredentialStore {

  /** Whether the location's secrets are the joined row, i.e. {@link #open} may be used for it. */
  boolean joinable(CredentialLocation location);

  /**
   * What {@link #read} would answer, from a row the caller read itself: empty when {@code row} is
   * (the location has no secrets). Only for locations that are {@link #joinable}.
   */
  Optional<SecretValues> open(CredentialLocation location, Optional<SealedBox> row);
}
