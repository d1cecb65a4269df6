package dev.flowconnections.runtime.worker;

import dev.flowconnections.resolution.ResolvedConnection;
import io.camunda.connector.api.error.ConnectorInputException;

/** Reads an integration's {@code provider} setting (SMTP or SendGrid, Twilio or SNS, ...). */
public final class ProviderSetting {

  public static final String FIELD = "provider";

  private ProviderSetting() {}

  /**
   * The provider as one of {@code type}'s constants; {@code fallback} when unset, as the field's
   * default.
   */
  public static <E extends Enum<E>> E of(ResolvedConnection connection, Class<E> type, E fallback) {
    String value =
        connection.text(FIELD).map(String::strip).filter(s -> !s.isEmpty()).orElse(fallback.name());
    return ChoiceSetting.parse(connection, FIELD, value, type);
  }

  /** Whether {@code provider} is the connection's; false for an unknown one (nothing serves it). */
  public static <E extends Enum<E>> boolean serves(
      ResolvedConnection connection, E provider, E fallback) {
    try {
      return of(connection, provider.getDeclaringClass(), fallback) == provider;
    } catch (ConnectorInputException e) {
      return false;
    }
  }
}
