package dev.flowconnections.connection;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.text.Normalizer;
import java.util.HexFormat;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Derives and checks connection keys: lowercase slugs safe inside {@code
 * secrets.connections.<key>.}.
 *
 * <p>A PERSONAL connection's key lives in its owner's namespace: {@code <slug>@<owner tag>}. No one
 * can choose a key with {@code @}, so no one can create, collide with or probe a key in another
 * user's namespace, and the key stays unique in the organization (the runtime and Vault paths find
 * a connection by it alone).
 */
public final class ConnectionKeys {

  /** No dots: the key is one segment of a secret name. Starts with a letter or digit. */
  public static final Pattern VALID = Pattern.compile("[a-z0-9](?:[a-z0-9-]{0,62}[a-z0-9])?");

  private ConnectionKeys() {}

  public static String fromName(String name) {
    String ascii =
        Normalizer.normalize(name, Normalizer.Form.NFKD)
            .replaceAll("\\p{M}", "")
            .toLowerCase(Locale.ROOT);
    String slug = ascii.replaceAll("[^a-z0-9]+", "-").replaceAll("^-+|-+$", "");
    if (slug.length() > 64) {
      slug = slug.substring(0, 64).replaceAll("-+$", "");
    }
    return slug;
  }

  public static boolean isValid(String key) {
    return key != null && VALID.matcher(key).matches();
  }

  /** The key of a PERSONAL connection of {@code owner}: {@code orders@alice}. */
  public static String personal(String key, String owner) {
    return key + "@" + ownerTag(owner);
  }

  /**
   * The owner's username when it is already a valid slug (readable: {@code alice}); otherwise
   * {@code _} and a hash of it ({@code _} never starts a slug, so the two forms cannot collide).
   * Never a dot: the key is one segment of a secret name and of a Vault path.
   */
  static String ownerTag(String owner) {
    if (isValid(owner)) {
      return owner;
    }
    try {
      byte[] hash =
          MessageDigest.getInstance("SHA-256").digest(owner.getBytes(StandardCharsets.UTF_8));
      return "_" + HexFormat.of().formatHex(hash, 0, 8);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
    }
  }
}
