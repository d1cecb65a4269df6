package dev.flowconnections.runtime.rest.auth;

import dev.flowconnections.runtime.rest.OutgoingRequest;

/**
 * An API key in a header (the usual way) or a query parameter, under the integration's name for it.
 */
public final class ApiKeyAuthentication implements Authentication {

  /** Where the key travels; the integration's {@code apiKeyLocation} setting. */
  public enum Location {
    HEADER,
    QUERY
  }

  private final String name;
  private final Location location;
  private final String key;

  public ApiKeyAuthentication(String name, Location location, String key) {
    this.name = name;
    this.location = location;
    this.key = key;
  }

  @Override
  public void apply(OutgoingRequest request) {
    if (location == Location.QUERY) {
      request.queryParameter(name, key);
    } else {
      request.header(name, key);
    }
  }

  @Override
  public String toString() {
    return "ApiKeyAuthentication[" + location + " " + name + ", key hidden]";
  }
}
