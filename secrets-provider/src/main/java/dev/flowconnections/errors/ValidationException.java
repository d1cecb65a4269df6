package dev.flowconnections.errors;

import java.util.List;
import java.util.stream.Collectors;

/** Input that breaks a rule of the model. Maps to HTTP 400 naming every offending field. */
public class ValidationException extends RuntimeException {

  private final List<FieldError> errors;

  public ValidationException(List<FieldError> errors) {
    super(
        errors.stream().map(e -> e.field() + ": " + e.message()).collect(Collectors.joining("; ")));
    this.errors = List.copyOf(errors);
  }

  public ValidationException(String field, String message) {
    this(List.of(new FieldError(field, message)));
  }

  public List<FieldError> errors() {
    return errors;
  }

  /** Collects errors and throws them together, so a user sees all mistakes at once. */
  public static final class Collector {
    private final java.util.ArrayList<FieldError> errors = new java.util.ArrayList<>();

    public Collector add(String field, String message) {
      errors.add(new FieldError(field, message));
      return this;
    }

    public boolean hasErrorFor(String field) {
      return errors.stream().anyMatch(e -> e.field().equals(field));
    }

    public boolean isEmpty() {
      return errors.isEmpty();
    }

    public void throwIfAny() {
      if (!errors.isEmpty()) {
        throw new ValidationException(errors);
      }
    }
  }
}
