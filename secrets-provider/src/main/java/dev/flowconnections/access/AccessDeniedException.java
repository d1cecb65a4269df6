package dev.flowconnections.access;

/** The actor is authenticated but not allowed to do this. Maps to HTTP 403. */
public class AccessDeniedException extends RuntimeException {
  public AccessDeniedException(String message) {
    super(message);
  }
}
