package dev.flowconnections.runtime.rest.auth;

import dev.flowconnections.runtime.rest.OutgoingRequest;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;

/** {@code Authorization: Basic base64(username:password)}, UTF-8 as RFC 7617 recommends. */
public final class BasicAuthentication implements Authentication {

  private final String encodedCredentials;

  public BasicAuthentication(String username, String password) {
    this.encodedCredentials =
        Base64.getEncoder()
            .encodeToString((username + ":" + password).getBytes(StandardCharsets.UTF_8));
  }

  @Override
  public void apply(OutgoingRequest request) {
    request.header("Authorization", "Basic " + encodedCredentials);
  }

  /** An echoed Authorization header shows the password only in this encoded form. */
  @Override
  public List<String> derivedSecrets() {
    return List.of(encodedCredentials);
  }

  @Override
  public String toString() {
    return "BasicAuthentication[credentials hidden]";
  }
}
