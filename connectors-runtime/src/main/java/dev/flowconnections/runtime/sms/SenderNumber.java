package dev.flowconnections.runtime.sms;

import dev.flowconnections.resolution.ResolvedConnection;
import dev.flowconnections.runtime.worker.JobFailures;
import java.util.Optional;

/**
 * The sender number an SMS integration configures ({@value #FIELD}), shared by every worker that
 * sends or calls from it (Send SMS, Voice Call).
 */
public final class SenderNumber {

  public static final String FIELD = "fromNumber";

  /** E.164: a plus, a country code that does not start with 0, at most 15 digits in all. */
  public static final String E164 = "\\+[1-9][0-9]{1,14}";

  public static final String E164_DESCRIPTION =
      "a phone number in E.164 form such as +15551234567 (no spaces)";
  public static final String E164_MESSAGE = "must be " + E164_DESCRIPTION;

  private SenderNumber() {}

  /** The integration's sender number, empty when unset; one not in E.164 form is an incident. */
  public static Optional<String> configured(ResolvedConnection connection) {
    Optional<String> configured =
        connection.text(FIELD).map(String::strip).filter(s -> !s.isEmpty());
    if (configured.isPresent() && !configured.get().matches(E164)) {
      throw JobFailures.connectionProblem(
          "connection '"
              + connection.key()
              + "' has a '"
              + FIELD
              + "' in "
              + connection.environment()
              + " that is not "
              + E164_DESCRIPTION);
    }
    return configured;
  }
}
