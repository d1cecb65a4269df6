package dev.flowconnections.access;

/** The actor is authenticated but not allowed to do this. Maps to HTTP 403. */
public class AccessDeniedException extends RuntimeException {

  private final String field;

  public AccessDeniedException(String message) {
    this(null, message);
  }

  /** Refused because of one input, e.g. a change of {@code visibility} the actor may not make. */
  public AccessDeniedException(String field, String message) {
    super(message);
    this.field = field;
  }

  /** The input that was refused, or null. */
  public String field() {
    return field;
  }
}
