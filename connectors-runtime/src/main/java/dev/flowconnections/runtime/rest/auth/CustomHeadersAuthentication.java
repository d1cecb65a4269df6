package dev.flowconnections.runtime.rest.auth;

import dev.flowconnections.runtime.rest.OutgoingRequest;
import java.util.Map;

/** Fixed headers stored with the connection, e.g. {@code X-Tenant} and {@code X-Signature}. */
public final class CustomHeadersAuthentication implements Authentication {

  private final Map<String, String> headers;

  public CustomHeadersAuthentication(Map<String, String> headers) {
    this.headers = Map.copyOf(headers);
  }

  @Override
  public void apply(OutgoingRequest request) {
    headers.forEach(request::header);
  }

  @Override
  public String toString() {
    return "CustomHeadersAuthentication" + headers.keySet() + " (values hidden)";
  }
}
