package dev.flowconnections.testsupport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.flowconnections.errors.FieldError;
import dev.flowconnections.errors.ValidationException;
import org.assertj.core.api.ListAssert;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;

/** Assertions on the fields a {@link ValidationException} names. */
public final class ValidationAssertions {

  private ValidationAssertions() {}

  /**
   * Asserts that {@code call} fails with a {@link ValidationException}, and returns an assertion on
   * the names of the fields it rejects, in the order it names them.
   */
  public static ListAssert<String> assertThatFieldErrors(ThrowingCallable call) {
    Throwable thrown = catchThrowable(call);
    assertThat(thrown).isInstanceOf(ValidationException.class);
    return assertThat(
        ((ValidationException) thrown).errors().stream().map(FieldError::field).toList());
  }
}
