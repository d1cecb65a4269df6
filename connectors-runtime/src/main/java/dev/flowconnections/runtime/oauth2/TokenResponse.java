package dev.flowconnections.runtime.oauth2;

import java.time.Duration;

/**
 * A successful token endpoint answer. {@code expiresIn} is null when the server did not say; {@code
 * refreshToken} is null when it issued none. {@link #toString()} shows no token.
 */
public record TokenResponse(String accessToken, Duration expiresIn, String refreshToken) {

  @Override
  public String toString() {
    return "TokenResponse[expiresIn="
        + expiresIn
        + ", refreshToken="
        + (refreshToken != null)
        + ", tokens hidden]";
  }
}
