package dev.flowconnections.paging;

/**
 * SQL LIKE patterns from a user's search text, which is data: {@code \}, {@code %} and {@code _}
 * are escaped so they match themselves (queries say {@code escape '\'}).
 */
public final class LikePatterns {

  private LikePatterns() {}

  /** Matches any text that contains {@code text}. */
  public static String containing(String text) {
    return "%" + escape(text) + "%";
  }

  public static String escape(String text) {
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
  }
}
