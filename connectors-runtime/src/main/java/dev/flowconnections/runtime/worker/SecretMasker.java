package dev.flowconnections.runtime.worker;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Replaces a connection's credential values with {@value #MASK} in whatever leaves the worker:
 * response headers and bodies, error messages and error variables. A server that echoes a request
 * (or a misconfigured proxy that reflects the Authorization header) would otherwise copy a
 * credential into process variables, incidents and the exporter's records.
 */
public final class SecretMasker {

  public static final String MASK = "****";

  /** Shorter values are not masked: replacing every "ab" or "1" would garble responses. */
  public static final int MIN_LENGTH = 4;

  private final List<String> secrets;

  private SecretMasker(List<String> secrets) {
    this.secrets = secrets;
  }

  /** Masks each value as it is and in its URL-encoded form (as echoed back from a query string). */
  public static SecretMasker of(Collection<String> values) {
    Set<String> forms = new LinkedHashSet<>();
    values.stream()
        .filter(v -> v != null && v.length() >= MIN_LENGTH)
        .flatMap(
            v ->
                Stream.of(
                    v,
                    URLEncoder.encode(v, StandardCharsets.UTF_8),
                    URLEncoder.encode(v, StandardCharsets.UTF_8).replace("+", "%20")))
        .forEach(forms::add);
    // Longest first, so a secret that contains another is replaced as a whole.
    return new SecretMasker(
        forms.stream().sorted(Comparator.comparingInt(String::length).reversed()).toList());
  }

  public String mask(String text) {
    if (text == null || secrets.isEmpty()) {
      return text;
    }
    String result = text;
    for (String secret : secrets) {
      result = result.replace(secret, MASK);
    }
    return result;
  }

  /** Masks every string, map key included, of a parsed JSON value (maps, lists, scalars). */
  public Object maskJson(Object value) {
    if (value instanceof String s) {
      return mask(s);
    }
    if (value instanceof Map<?, ?> map) {
      Map<String, Object> masked = new LinkedHashMap<>();
      map.forEach((k, v) -> masked.put(mask(String.valueOf(k)), maskJson(v)));
      return masked;
    }
    if (value instanceof List<?> list) {
      return list.stream().map(this::maskJson).toList();
    }
    return value;
  }
}
