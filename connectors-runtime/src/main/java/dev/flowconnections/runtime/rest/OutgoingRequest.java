package dev.flowconnections.runtime.rest;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * Headers and query parameters of a call while they are assembled: first the task's own, then the
 * authentication's, which replace task values of the same name (header names case-insensitively),
 * so a process cannot override or forge the connection's credentials.
 */
public final class OutgoingRequest {

  private final Map<String, String> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
  private final Map<String, String> queryParameters = new LinkedHashMap<>();

  public OutgoingRequest(Map<String, String> taskHeaders, Map<String, String> taskQueryParameters) {
    taskHeaders.forEach(this::header);
    taskQueryParameters.forEach(this::queryParameter);
  }

  /** Sets a header, replacing one of the same name in any letter case; null values are skipped. */
  public void header(String name, String value) {
    if (name != null && value != null) {
      headers.remove(name);
      headers.put(name, value);
    }
  }

  public void queryParameter(String name, String value) {
    if (name != null && value != null) {
      queryParameters.put(name, value);
    }
  }

  public boolean hasHeader(String name) {
    return headers.containsKey(name);
  }

  public Map<String, String> headers() {
    return Collections.unmodifiableMap(headers);
  }

  public Map<String, String> queryParameters() {
    return Collections.unmodifiableMap(queryParameters);
  }
}
