package dev.flowconnections.runtime.api;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.databind.deser.std.StringDeserializer;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.module.SimpleModule;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * Checks every text value of a request body (names, settings, credentials, secret values, also
 * inside maps such as {@code fields} and {@code config}):
 *
 * <ul>
 *   <li>no NUL (U+0000): PostgreSQL cannot store it in text or jsonb, so it would otherwise surface
 *       as a 500 from deep inside a transaction;
 *   <li>at most {@code flow-connections.limits.max-field-size} bytes (UTF-8): a credential or
 *       setting is small, and a huge one would be encrypted, stored, cached and sent to workers.
 * </ul>
 *
 * Both are raised with the JSON path of the offending value, like any other mapping error, and
 * never with the value.
 */
public final class RequestStrings {

  private RequestStrings() {}

  static SimpleModule module(long maxBytes) {
    return new SimpleModule("request-strings")
        .addDeserializer(String.class, new Deserializer(maxBytes));
  }

  public static final class NulCharacterException extends MismatchedInputException {
    NulCharacterException(JsonParser parser) {
      super(parser, "text contains a NUL character", String.class);
    }
  }

  public static final class TooLongException extends MismatchedInputException {
    private final long maxBytes;

    TooLongException(JsonParser parser, long maxBytes) {
      super(parser, "text is longer than the limit", String.class);
      this.maxBytes = maxBytes;
    }

    public long maxBytes() {
      return maxBytes;
    }
  }

  private static final class Deserializer extends StdScalarDeserializer<String> {

    private final long maxBytes;

    Deserializer(long maxBytes) {
      super(String.class);
      this.maxBytes = maxBytes;
    }

    @Override
    public String deserialize(JsonParser parser, DeserializationContext context)
        throws IOException {
      String value = StringDeserializer.instance.deserialize(parser, context);
      if (value != null && value.indexOf(0) >= 0) {
        throw new NulCharacterException(parser);
      }
      if (value != null && tooLong(value)) {
        throw new TooLongException(parser, maxBytes);
      }
      return value;
    }

    /** UTF-8 takes 1 to 3 bytes per char; only the doubtful middle is counted exactly. */
    private boolean tooLong(String value) {
      if (value.length() > maxBytes) {
        return true;
      }
      return value.length() * 3L > maxBytes
          && value.getBytes(StandardCharsets.UTF_8).length > maxBytes;
    }
  }
}
