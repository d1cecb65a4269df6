package dev.flowconnections.runtime.problem;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.exc.StreamReadException;
import com.fasterxml.jackson.core.io.JsonEOFException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import dev.flowconnections.errors.FieldError;
import dev.flowconnections.runtime.api.RequestStrings;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Collection;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.http.converter.HttpMessageNotReadableException;

/**
 * Turns an unreadable request body into the field at fault and a message a person can act on.
 * Jackson's own messages quote the offending input, which may be a secret being written, so they
 * are never passed on: only the location and the expected shape are.
 */
final class JsonReadErrors {

  static final String BODY = "body";

  private JsonReadErrors() {}

  static FieldError describe(HttpMessageNotReadableException ex) {
    Throwable cause = ex.getCause();
    if (cause == null) {
      return new FieldError(BODY, "is required: send a JSON object");
    }
    if (cause instanceof UnrecognizedPropertyException unknown) {
      return new FieldError(
          path(unknown),
          "is not a known property; allowed: " + sorted(unknown.getKnownPropertyIds()));
    }
    if (cause instanceof JsonMappingException mapping
        && mapping.getCause() instanceof StreamReadException parse) {
      // the parser knows the innermost field (fields.password); the mapping only the property
      // (fields)
      String field = parsePath(parse);
      return new FieldError(
          field.equals(BODY) && !path(mapping).isEmpty() ? path(mapping) : field, malformed(parse));
    }
    if (cause instanceof RequestStrings.NulCharacterException nul) {
      return new FieldError(
          path(nul).isEmpty() ? BODY : path(nul), "must not contain NUL (U+0000) characters");
    }
    if (cause instanceof RequestStrings.TooLongException tooLong) {
      return new FieldError(
          path(tooLong).isEmpty() ? BODY : path(tooLong),
          "is too long: at most "
              + tooLong.maxBytes()
              + " bytes (flow-connections.limits.max-field-size)");
    }
    if (cause instanceof MismatchedInputException mismatch) {
      String field = path(mismatch);
      return new FieldError(field.isEmpty() ? BODY : field, expected(mismatch));
    }
    if (cause instanceof StreamReadException parse) {
      return new FieldError(parsePath(parse), malformed(parse));
    }
    return new FieldError(BODY, "could not be read as JSON");
  }

  private static String expected(MismatchedInputException ex) {
    Class<?> target = ex.getTargetType();
    if (ex instanceof InvalidFormatException && target != null && target.isEnum()) {
      return "must be one of " + Arrays.toString(target.getEnumConstants());
    }
    return "must be " + shapeOf(target);
  }

  static String shapeOf(Class<?> target) {
    if (target == null) {
      return "a valid value";
    }
    if (target.isEnum()) {
      return "one of " + Arrays.toString(target.getEnumConstants());
    }
    if (target == String.class) {
      return "text";
    }
    if (target == UUID.class) {
      return "a UUID";
    }
    if (target == Long.class
        || target == long.class
        || target == Integer.class
        || target == int.class) {
      return "a whole number";
    }
    if (target == Boolean.class || target == boolean.class) {
      return "true or false";
    }
    if (Collection.class.isAssignableFrom(target) || target.isArray()) {
      return "a JSON array";
    }
    if (Map.class.isAssignableFrom(target) || target.isRecord()) {
      return "a JSON object";
    }
    return "a valid value";
  }

  private static String malformed(StreamReadException ex) {
    String where = location(ex.getLocation());
    return ex instanceof JsonEOFException
        ? "is not valid JSON: the input ends early" + where
        : "is not valid JSON" + where;
  }

  private static String location(JsonLocation location) {
    return location == null || location.getLineNr() < 0
        ? ""
        : " (line " + location.getLineNr() + ", column " + location.getColumnNr() + ")";
  }

  /** Dotted path of a mapping error: {@code environments.PRODUCTION.copyFrom}, {@code items[2]}. */
  private static String path(JsonMappingException ex) {
    StringBuilder path = new StringBuilder();
    for (JsonMappingException.Reference ref : ex.getPath()) {
      if (ref.getFieldName() != null) {
        path.append(path.isEmpty() ? "" : ".").append(ref.getFieldName());
      } else if (ref.getIndex() >= 0) {
        path.append('[').append(ref.getIndex()).append(']');
      }
    }
    return path.toString();
  }

  /**
   * Where the syntax broke: the field whose value could not be read, else the object or array
   * around the error, else the whole body (also when the input simply ran out).
   */
  private static String parsePath(StreamReadException ex) {
    if (ex instanceof JsonEOFException || !(ex.getProcessor() instanceof JsonParser parser)) {
      return BODY;
    }
    Deque<String> segments = new ArrayDeque<>();
    boolean innermost = true;
    for (JsonStreamContext ctx = parser.getParsingContext();
        ctx != null && !ctx.inRoot();
        ctx = ctx.getParent()) {
      if (ctx.inArray()) {
        segments.push("[" + Math.max(ctx.getCurrentIndex(), 0) + "]");
      } else if (ctx.getCurrentName() != null
          && (!innermost || parser.currentToken() == JsonToken.FIELD_NAME)) {
        // past a complete value the name is the previous field's, not where the error is
        segments.push("." + ctx.getCurrentName());
      }
      innermost = false;
    }
    String path = String.join("", segments);
    path = path.startsWith(".") ? path.substring(1) : path;
    return path.isEmpty() ? BODY : path;
  }

  private static List<String> sorted(Collection<Object> names) {
    return names == null ? List.of() : names.stream().map(String::valueOf).sorted().toList();
  }
}
