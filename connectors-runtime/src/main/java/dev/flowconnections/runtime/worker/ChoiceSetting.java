package dev.flowconnections.runtime.worker;

import dev.flowconnections.resolution.ResolvedConnection;
import java.util.Arrays;
import java.util.Locale;

/** A connection setting whose value is one of an enum's constants (a provider, a grant type). */
public final class ChoiceSetting {

  private ChoiceSetting() {}

  /**
   * {@code value}, read from the connection's {@code field}, as one of {@code type}'s constants,
   * ignoring case; an unknown value is a configuration error that lists the known ones.
   */
  public static <E extends Enum<E>> E parse(
      ResolvedConnection connection, String field, String value, Class<E> type) {
    try {
      return Enum.valueOf(type, value.toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new ConnectionProblem(
          "connection '"
              + connection.key()
              + "' has an unknown '"
              + field
              + "' in "
              + connection.environment()
              + "; expected one of "
              + Arrays.toString(type.getEnumConstants()));
    }
  }
}
