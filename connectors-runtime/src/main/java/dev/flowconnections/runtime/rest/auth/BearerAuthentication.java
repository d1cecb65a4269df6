package dev.flowconnections.runtime.rest.auth;

import dev.flowconnections.runtime.rest.OutgoingRequest;

/** {@code Authorization: Bearer <token>}. */
public final class BearerAuthentication implements Authentication {

  private final String token;

  public BearerAuthentication(String token) {
    this.token = token;
  }

  @Override
  public void apply(OutgoingRequest request) {
    request.header("Authorization", "Bearer " + token);
  }

  @Override
  public String toString() {
    return "BearerAuthentication[token hidden]";
  }
}
