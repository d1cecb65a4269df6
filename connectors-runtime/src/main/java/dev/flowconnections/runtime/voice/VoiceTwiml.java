package dev.flowconnections.runtime.voice;

import java.net.URI;

/**
 * The TwiML a call runs: the message spoken by Twilio ({@code <Say>}) or played from the runtime
 * ({@code <Play>}), then, when the answer is recorded, a {@code <Pause>} that keeps the line open
 * while the callee answers. Every value is XML-escaped: the message comes from process data and
 * must never add a verb (a {@code <Dial>} to a premium number) to the call.
 */
final class VoiceTwiml {

  /** Twilio's limit of the {@code Twiml} parameter of a call. */
  static final int MAX_CHARS = 4000;

  private VoiceTwiml() {}

  static String say(String message, String voice, String language, int listenSeconds) {
    StringBuilder twiml = new StringBuilder("<Response><Say");
    attribute(twiml, "voice", voice);
    attribute(twiml, "language", language);
    twiml.append('>').append(escape(message)).append("</Say>");
    return end(twiml, listenSeconds);
  }

  static String play(URI audio, int listenSeconds) {
    StringBuilder twiml = new StringBuilder("<Response><Play>");
    twiml.append(escape(audio.toString())).append("</Play>");
    return end(twiml, listenSeconds);
  }

  private static String end(StringBuilder twiml, int listenSeconds) {
    if (listenSeconds > 0) {
      twiml.append("<Pause length=\"").append(listenSeconds).append("\"/>");
    }
    return twiml.append("</Response>").toString();
  }

  private static void attribute(StringBuilder twiml, String name, String value) {
    if (value != null && !value.isBlank()) {
      twiml.append(' ').append(name).append("=\"").append(escape(value.strip())).append('"');
    }
  }

  /**
   * XML text and attribute escaping; characters XML 1.0 does not allow (control characters other
   * than tab and line breaks, lone surrogates) are dropped.
   */
  static String escape(String text) {
    StringBuilder escaped = new StringBuilder(text.length() + 16);
    text.codePoints()
        .forEach(
            c -> {
              switch (c) {
                case '<' -> escaped.append("&lt;");
                case '>' -> escaped.append("&gt;");
                case '&' -> escaped.append("&amp;");
                case '"' -> escaped.append("&quot;");
                case '\'' -> escaped.append("&apos;");
                default -> {
                  if (c == 0x9
                      || c == 0xA
                      || c == 0xD
                      || (c >= 0x20 && c <= 0xD7FF)
                      || (c >= 0xE000 && c <= 0xFFFD)
                      || (c >= 0x10000 && c <= 0x10FFFF)) {
                    escaped.appendCodePoint(c);
                  }
                }
              }
            });
    return escaped.toString();
  }
}
