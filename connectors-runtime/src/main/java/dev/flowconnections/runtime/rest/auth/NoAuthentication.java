package dev.flowconnections.runtime.rest.auth;

import dev.flowconnections.runtime.rest.OutgoingRequest;

/** For public APIs: the request goes out as the task built it. */
public final class NoAuthentication implements Authentication {

  @Override
  public void apply(OutgoingRequest request) {
    // nothing to add
  }
}
