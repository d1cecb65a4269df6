package dev.flowconnections.secretprovider;

import java.util.LinkedHashSet;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Camunda's placeholder syntax: {@code {{secrets.NAME}}} and the legacy bare {@code secrets.NAME}
 * (the same patterns as the connector runtime's {@code SecretUtil}). Unlike {@code SecretUtil},
 * {@link #replace} makes one pass: a resolved value is never scanned again, so a secret whose value
 * looks like a placeholder does not pull in another secret.
 */
final class SecretPlaceholders {

  private static final Pattern PLACEHOLDER =
      Pattern.compile(
          "\\{\\{\\s*secrets\\.(?<braces>\\S+?\\s*)}}"
              + "|secrets\\.(?<bare>([a-zA-Z0-9]+[/._-])*[a-zA-Z0-9]+)");

  /** One placeholder: the secret's name and whether it was written with braces. */
  record Placeholder(String name, boolean braces) {}

  private SecretPlaceholders() {}

  static boolean containsAny(String text) {
    return text != null && PLACEHOLDER.matcher(text).find();
  }

  /** The names of the placeholders written in {@code text}; bare ones only if {@code withBare}. */
  static Set<String> names(String text, boolean withBare) {
    Set<String> names = new LinkedHashSet<>();
    Matcher matcher = PLACEHOLDER.matcher(text);
    while (matcher.find()) {
      Placeholder placeholder = placeholder(matcher);
      if (placeholder.braces() || withBare) {
        names.add(placeholder.name());
      }
    }
    return names;
  }

  /**
   * Replaces the placeholders {@code allowed} accepts by {@code value} of their name; others stay
   * as text.
   */
  static String replace(
      String text, Predicate<Placeholder> allowed, Function<String, String> value) {
    Matcher matcher = PLACEHOLDER.matcher(text);
    StringBuilder out = new StringBuilder();
    while (matcher.find()) {
      Placeholder placeholder = placeholder(matcher);
      String replacement =
          allowed.test(placeholder) ? value.apply(placeholder.name()) : matcher.group();
      matcher.appendReplacement(out, Matcher.quoteReplacement(replacement));
    }
    matcher.appendTail(out);
    return out.toString();
  }

  private static Placeholder placeholder(Matcher matcher) {
    String braces = matcher.group("braces");
    return braces != null
        ? new Placeholder(braces.trim(), true)
        : new Placeholder(matcher.group("bare"), false);
  }
}
