package dev.flowconnections.connection;

import java.time.Instant;

/**
 * Who authorised an OAuth2 authorization-code environment ("Connect") and when; a non-null {@code
 * reauthorizationReason} means a refresh was refused and the environment must be connected again.
 * Holds no token.
 */
public record OAuth2Authorization(
    String authorizedBy, Instant authorizedAt, String reauthorizationReason) {

  public boolean needsReauthorization() {
    return reauthorizationReason != null;
  }
}
