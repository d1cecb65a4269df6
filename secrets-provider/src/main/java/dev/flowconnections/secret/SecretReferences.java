package dev.flowconnections.secret;

import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The {@code @@SECRET:KEY@@} syntax by which connection fields point at organization secrets. */
public final class SecretReferences {

  /** Same alphabet as secret keys. */
  public static final Pattern REFERENCE =
      Pattern.compile("@@SECRET:([A-Za-z0-9][A-Za-z0-9_.-]{0,127})@@");

  private SecretReferences() {}

  /** Keys referenced in {@code value}, in order of appearance. */
  public static Set<String> keysIn(String value) {
    Set<String> keys = new LinkedHashSet<>();
    Matcher m = REFERENCE.matcher(value);
    while (m.find()) {
      keys.add(m.group(1));
    }
    return keys;
  }

  /**
   * Replaces every reference with the secret's value. {@code lookup} answers empty for an unknown
   * key, which raises {@link UnknownSecretException} naming the key (never any value).
   */
  public static String expand(String value, Function<String, Optional<String>> lookup) {
    if (value == null || !value.contains("@@SECRET:")) {
      return value;
    }
    Matcher m = REFERENCE.matcher(value);
    StringBuilder out = new StringBuilder();
    while (m.find()) {
      String key = m.group(1);
      String secret = lookup.apply(key).orElseThrow(() -> new UnknownSecretException(key));
      m.appendReplacement(out, Matcher.quoteReplacement(secret));
    }
    m.appendTail(out);
    return out.toString();
  }

  /** A field references a secret key that does not exist in the organization. */
  public static class UnknownSecretException extends RuntimeException {
    private final String key;

    public UnknownSecretException(String key) {
      super("unknown secret '" + key + "' referenced as @@SECRET:" + key + "@@");
      this.key = key;
    }

    public String key() {
      return key;
    }
  }
}
