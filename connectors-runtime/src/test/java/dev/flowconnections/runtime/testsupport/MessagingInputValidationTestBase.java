package dev.flowconnections.runtime.testsupport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.flowconnections.credential.CredentialStoreUnavailableException;
import io.camunda.connector.api.error.ConnectorRetryException;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;

/**
 * What the input-validation tests of the message-sending workers (email, SMS) share: a local server
 * standing for the provider's API, so that "nothing was sent" is visible, the checks every such
 * worker makes alike, and the one failure that is not the task's fault: an unavailable credential
 * store is retried, not an incident.
 */
public abstract class MessagingInputValidationTestBase<
    F extends MessagingInputValidationTestBase.Fixture> {

  /** A worker with one connection that a fixed resolver hands out. */
  public interface Fixture {

    /** Runs the worker's valid task with {@code changes} applied. */
    Object send(Map<String, ?> changes);

    StaticResolver resolver();
  }

  @AutoClose protected final RecordingHttpServer server = RecordingHttpServer.start();
  protected final F fixture;

  /**
   * @param fixtureOn the worker's fixture, its connection pointing at the local server
   */
  protected MessagingInputValidationTestBase(Function<RecordingHttpServer, F> fixtureOn) {
    this.fixture = fixtureOn.apply(server);
  }

  @Test
  void unknownConnectionIsAnInputError() {
    assertRejected(Map.of("connection", "nope"), "connection 'nope' does not exist");
  }

  @Test
  void anUnavailableCredentialStoreIsRetried() {
    fixture.resolver().failWith(new CredentialStoreUnavailableException("store down", null));

    assertThatThrownBy(() -> fixture.send(Map.of()))
        .isInstanceOfSatisfying(
            ConnectorRetryException.class,
            e -> assertThat(e.getErrorCode()).isEqualTo("CREDENTIAL_STORE_UNAVAILABLE"));
  }

  /** The task with {@code changes} is an incident naming {@code expected}, and nothing was sent. */
  protected void assertRejected(Map<String, ?> changes, String expected) {
    InputRejections.assertInputRejected(() -> fixture.send(changes), expected, server);
  }
}
