package dev.flowconnections.runtime.email;

import dev.flowconnections.resolution.ResolvedConnection;
import io.camunda.connector.api.error.ConnectorInputException;
import java.util.Locale;

/** How an Email integration sends: its {@code provider} setting. */
enum EmailProvider {
  SMTP,
  SENDGRID;

  static final String FIELD = "provider";

  /** Whether this is the connection's provider; false for an unknown one (nothing serves it). */
  boolean serves(ResolvedConnection connection) {
    try {
      return of(connection) == this;
    } catch (ConnectorInputException e) {
      return false;
    }
  }

  /** The integration's provider; SMTP when unset, as the field's default says. */
  static EmailProvider of(ResolvedConnection connection) {
    String value = connection.text(FIELD).map(String::strip).filter(s -> !s.isEmpty()).orElse(SMTP.name());
    try {
      return valueOf(value.toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new ConnectorInputException("connection '" + connection.key() + "' has an unknown '" + FIELD + "' in "
          + connection.environment() + "; expected SMTP or SENDGRID");
    }
  }
}
