package dev.flowconnections.runtime.rest;

import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpHeaders;
import java.nio.charset.Charset;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.StandardCharsets;
import java.nio.charset.UnsupportedCharsetException;
import java.util.Locale;
import java.util.OptionalLong;

/**
 * Reads a response body up to a byte limit. The body becomes a process variable, and Zeebe refuses
 * (or slows down on) large variables, so an oversized answer is better refused here with a clear
 * message than read whole into memory and rejected later by the engine. The OpenAPI import reads
 * fetched documents with it too.
 */
public final class LimitedBody {

  /** Thrown when the body is larger than the limit; carries no content. */
  public static final class TooLarge extends Exception {
    TooLarge() {
      super(null, null, false, false);
    }
  }

  private LimitedBody() {}

  public static String read(InputStream body, HttpHeaders headers, long limitBytes)
      throws IOException, TooLarge {
    try (InputStream in = body) {
      OptionalLong declared = headers.firstValueAsLong("Content-Length");
      if (declared.isPresent() && declared.getAsLong() > limitBytes) {
        throw new TooLarge(); // closing the stream drops the connection instead of draining it
      }
      byte[] bytes = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, limitBytes + 1));
      if (bytes.length > limitBytes) {
        throw new TooLarge();
      }
      return new String(bytes, charsetOf(headers));
    }
  }

  static String discard(InputStream body) throws IOException {
    body.close();
    return "";
  }

  private static Charset charsetOf(HttpHeaders headers) {
    String contentType = headers.firstValue("Content-Type").orElse("");
    for (String parameter : contentType.split(";")) {
      String[] nameValue = parameter.trim().split("=", 2);
      if (nameValue.length == 2 && nameValue[0].trim().toLowerCase(Locale.ROOT).equals("charset")) {
        try {
          return Charset.forName(nameValue[1].trim().replace("\"", ""));
        } catch (IllegalCharsetNameException | UnsupportedCharsetException e) {
          return StandardCharsets.UTF_8; // a server's typo should not fail the task
        }
      }
    }
    return StandardCharsets.UTF_8;
  }
}
