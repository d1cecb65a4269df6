package dev.flowconnections.runtime.rest.auth;

import dev.flowconnections.runtime.rest.OutgoingRequest;
import java.util.List;

/**
 * {@code Authorization: Bearer <access token>} with a token obtained for the connection's OAuth2
 * client.
 */
public final class OAuth2Authentication implements Authentication {

  private final String accessToken;

  public OAuth2Authentication(String accessToken) {
    this.accessToken = accessToken;
  }

  @Override
  public void apply(OutgoingRequest request) {
    request.header("Authorization", "Bearer " + accessToken);
  }

  /**
   * The token is not among the connection's stored secrets (client credentials), so mask it too.
   */
  @Override
  public List<String> derivedSecrets() {
    return List.of(accessToken);
  }

  @Override
  public String toString() {
    return "OAuth2Authentication[token hidden]";
  }
}
