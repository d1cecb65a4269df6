package dev.flowconnections.oauth2;

import dev.flowconnections.environment.Environment;
import java.time.Instant;
import java.util.UUID;

/** A started "Connect" waiting for its callback. {@link #toString()} hides the PKCE verifier. */
public record PendingAuthorization(
    String organizationId,
    UUID connectionId,
    Environment environment,
    String username,
    String redirectUri,
    String codeVerifier,
    Instant expiresAt) {

  @Override
  public String toString() {
    return "PendingAuthorization[connection="
        + connectionId
        + ", environment="
        + environment
        + ", user="
        + username
        + ", expiresAt="
        + expiresAt
        + ", verifier hidden]";
  }
}
