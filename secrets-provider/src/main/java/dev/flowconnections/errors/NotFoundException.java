package dev.flowconnections.errors;

/** The addressed resource does not exist or is not visible to the actor. Maps to HTTP 404. */
public class NotFoundException extends RuntimeException {
  public NotFoundException(String message) {
    super(message);
  }
}
