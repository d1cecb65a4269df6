package dev.flowconnections.runtime.rest.auth;

import dev.flowconnections.runtime.rest.OutgoingRequest;
import java.util.List;

/** How a call proves who it is, according to the connection's auth scheme. */
public interface Authentication {

  /** Adds the credentials to the request, replacing task headers or parameters of the same name. */
  void apply(OutgoingRequest request);

  /**
   * Values derived from credentials that are sent on the wire, e.g. the base64 of {@code
   * user:password}, so they are masked like the credentials themselves.
   */
  default List<String> derivedSecrets() {
    return List.of();
  }
}
