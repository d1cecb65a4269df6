package dev.flowconnections.connection;

import java.time.Instant;

/**
 * Who authorised an OAuth2 authorization-code environment ("Connect") and when; a non-null {@code
 * reauthorizationReason} means a refresh was refused and the environment must be connected again.
 * Holds no token.
 *
 * @param account the provider account that was authorised (email, name or subject from the
 *     integration's user info endpoint); null when unknown
 */
public record OAuth2Authorization(
    String authorizedBy, Instant authorizedAt, String reauthorizationReason, String account) {

  public boolean needsReauthorization() {
    return reauthorizationReason != null;
  }
}
