package dev.flowconnections.access;

/**
 * The actor is authenticated but not allowed to do this. Maps to HTTP 403, naming the field when
 * one is at fault.
 */
public class AccessDeniedException extends RuntimeException {

  private final String field;

  public AccessDeniedException(String message) {
    this(null, message);
  }

  /**
   * @param field the request field the actor may not set, e.g. {@code allowedInProduction}
   */
  public AccessDeniedException(String field, String message) {
    super(message);
    this.field = field;
  }

  /** The request field at fault, or null. */
  public String field() {
    return field;
  }
}
