package dev.flowconnections.runtime.testsupport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.camunda.connector.api.error.ConnectorInputException;
import java.util.HashMap;
import java.util.Map;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;

/** How the workers' input-validation tests check a refused task: an incident, and no call made. */
public final class InputRejections {

  private InputRejections() {}

  /**
   * The task fails as a {@link ConnectorInputException} (an incident, no retry) whose message or a
   * cause's names {@code expected}, and {@code server} received nothing.
   */
  public static void assertInputRejected(
      ThrowingCallable task, String expected, RecordingHttpServer server) {
    assertThatThrownBy(task)
        .isInstanceOf(ConnectorInputException.class)
        .satisfies(e -> assertThat(messages(e)).contains(expected));
    assertThat(server.requests()).as("nothing is sent on invalid input").isEmpty();
  }

  /** Task variables that set {@code field} to null, which {@code Map.of} cannot. */
  public static Map<String, Object> withNull(String field) {
    Map<String, Object> changes = new HashMap<>();
    changes.put(field, null);
    return changes;
  }

  /** The validation provider wraps a ValidationException; its message names the property. */
  private static String messages(Throwable e) {
    StringBuilder all = new StringBuilder();
    for (Throwable t = e; t != null; t = t.getCause()) {
      all.append(t.getMessage()).append('\n');
    }
    return all.toString();
  }
}
