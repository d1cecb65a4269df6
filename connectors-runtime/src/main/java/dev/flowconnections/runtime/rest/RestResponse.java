package dev.flowconnections.runtime.rest;

import com.fasterxml.jackson.annotation.JsonIgnore;
import java.util.Map;

/**
 * The result of a REST task, available to the task's {@code resultExpression}. Every credential of
 * the connection is already masked out of {@code headers} and {@code body}.
 *
 * @param body parsed JSON when the response says it is JSON, otherwise text; null when empty
 */
public record RestResponse(int status, Map<String, String> headers, Object body) {

  @JsonIgnore // not part of the result a resultExpression sees
  public boolean isSuccessful() {
    return status >= 200 && status < 300;
  }
}
