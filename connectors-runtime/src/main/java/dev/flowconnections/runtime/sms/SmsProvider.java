package dev.flowconnections.runtime.sms;

import dev.flowconnections.resolution.ResolvedConnection;
import io.camunda.connector.api.error.ConnectorInputException;
import java.util.Locale;

/** How an SMS integration sends: its {@code provider} setting. */
enum SmsProvider {
  TWILIO,
  AWS_SNS;

  static final String FIELD = "provider";

  /** Whether this is the connection's provider; false for an unknown one (nothing serves it). */
  boolean serves(ResolvedConnection connection) {
    try {
      return of(connection) == this;
    } catch (ConnectorInputException e) {
      return false;
    }
  }

  /** The integration's provider; TWILIO when unset, as the field's default says. */
  static SmsProvider of(ResolvedConnection connection) {
    String value = connection.text(FIELD).map(String::strip).filter(s -> !s.isEmpty()).orElse(TWILIO.name());
    try {
      return valueOf(value.toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new ConnectorInputException("connection '" + connection.key() + "' has an unknown '" + FIELD + "' in "
          + connection.environment() + "; expected TWILIO or AWS_SNS");
    }
  }
}
