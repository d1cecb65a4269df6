package dev.flowconnections.connection;

import java.text.Normalizer;
import java.util.Locale;
import java.util.regex.Pattern;

/** Derives and checks connection keys: lowercase slugs safe inside {@code secrets.connections.<key>.}. */
public final class ConnectionKeys {

  /** No dots: the key is one segment of a secret name. Starts with a letter or digit. */
  public static final Pattern VALID = Pattern.compile("[a-z0-9](?:[a-z0-9-]{0,62}[a-z0-9])?");

  private ConnectionKeys() {}

  public static String fromName(String name) {
    String ascii =
        Normalizer.normalize(name, Normalizer.Form.NFKD).replaceAll("\\p{M}", "").toLowerCase(Locale.ROOT);
    String slug = ascii.replaceAll("[^a-z0-9]+", "-").replaceAll("^-+|-+$", "");
    if (slug.length() > 64) {
      slug = slug.substring(0, 64).replaceAll("-+$", "");
    }
    return slug;
  }

  public static boolean isValid(String key) {
    return key != null && VALID.matcher(key).matches();
  }
}
