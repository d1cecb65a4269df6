package dev.flowconnections.runtime.problem;

import dev.flowconnections.errors.FieldError;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;

/**
 * Builds the API's problem bodies. Clients branch on {@code field} and {@code errors}, so every
 * problem caused by one input names it the same way, wherever the error was detected.
 */
public final class Problems {

  private Problems() {}

  public static ProblemDetail of(HttpStatus status, String detail) {
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
    problem.setTitle(status.getReasonPhrase());
    return problem;
  }

  /** A problem with one or more offending fields; the first is the {@code field} of the problem. */
  public static ProblemDetail forFields(HttpStatus status, List<FieldError> errors) {
    ProblemDetail problem = of(status, describe(errors));
    if (!errors.isEmpty()) {
      problem.setProperty("field", errors.get(0).field());
    }
    problem.setProperty("errors", List.copyOf(errors));
    return problem;
  }

  public static ProblemDetail forField(HttpStatus status, String field, String message) {
    return forFields(status, List.of(new FieldError(field, message)));
  }

  private static String describe(List<FieldError> errors) {
    return String.join("; ", errors.stream().map(e -> e.field() + " " + e.message()).toList());
  }
}
