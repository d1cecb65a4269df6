package dev.flowconnections.runtime.api;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.databind.deser.std.StringDeserializer;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.module.SimpleModule;
import java.io.IOException;

/**
 * Refuses text containing NUL (U+0000) anywhere in a request body. PostgreSQL cannot store
 * it in text or jsonb, so it would otherwise surface as a 500 from deep inside a transaction.
 */
public final class NulFreeStrings {

  private NulFreeStrings() {}

  static SimpleModule module() {
    return new SimpleModule("nul-free-strings").addDeserializer(String.class, new Deserializer());
  }

  /** Raised with the JSON path of the offending value, like any other mapping error. */
  public static final class NulCharacterException extends MismatchedInputException {
    NulCharacterException(JsonParser parser) {
      super(parser, "text contains a NUL character", String.class);
    }
  }

  private static final class Deserializer extends StdScalarDeserializer<String> {

    Deserializer() {
      super(String.class);
    }

    @Override
    public String deserialize(JsonParser parser, DeserializationContext context) throws IOException {
      String value = StringDeserializer.instance.deserialize(parser, context);
      if (value != null && value.indexOf(0) >= 0) {
        throw new NulCharacterException(parser);
      }
      return value;
    }
  }
}
