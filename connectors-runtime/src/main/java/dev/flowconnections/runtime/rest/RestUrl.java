package dev.flowconnections.runtime.rest;

import dev.flowconnections.runtime.worker.JobFailures;
import io.camunda.connector.api.error.ConnectorInputException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import java.util.StringJoiner;
import java.util.regex.Pattern;

/**
 * Builds the URL of a call from the connection's base URL and the task's path and query parameters.
 * The path can only go deeper below the base URL: credentials of a connection are meant for its
 * server, so a process must not be able to send them to another host or to a part of the server
 * outside the base path. Messages never repeat the path, which may hold resolved secrets.
 */
final class RestUrl {

  private static final Pattern SCHEME =
      Pattern.compile("^[A-Za-z][A-Za-z0-9+.-]*:.*", Pattern.DOTALL);
  private static final Pattern PERCENT_ESCAPE = Pattern.compile("%[0-9A-Fa-f]{2}");

  /** RFC 3986 pchar minus '%' (handled separately) plus '/': kept as they are. */
  private static final String PATH_SAFE =
      "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~!$&'()*+,;=:@/";

  private RestUrl() {}

  static URI resolve(String baseUrl, String path, Map<String, String> queryParameters) {
    URI base = parseBase(baseUrl);
    String relative = encodePath(checkedPath(path));
    String basePath = base.getRawPath() == null ? "" : stripTrailingSlash(base.getRawPath());
    String fullPath = relative.isEmpty() ? base.getRawPath() : basePath + "/" + relative;
    String query = joinQuery(base.getRawQuery(), queryParameters);
    String url =
        base.getScheme()
            + "://"
            + base.getRawAuthority()
            + (fullPath == null ? "" : fullPath)
            + (query.isEmpty() ? "" : "?" + query);
    URI result = URI.create(url);
    // Belt and braces: whatever the path held, the call stays on the base URL's server and path.
    if (!base.getRawAuthority().equals(result.getRawAuthority())
        || !result.normalize().getRawPath().startsWith(basePath)) {
      throw new ConnectorInputException("path must stay below the connection's base URL");
    }
    return result;
  }

  private static URI parseBase(String baseUrl) {
    try {
      URI base = new URI(baseUrl.trim()).normalize();
      String scheme = base.getScheme() == null ? "" : base.getScheme().toLowerCase(Locale.ROOT);
      if (!(scheme.equals("http") || scheme.equals("https")) || base.getRawAuthority() == null) {
        throw JobFailures.connectionProblem(
            "the connection's base URL is not an absolute http(s) URL");
      }
      return base;
    } catch (URISyntaxException e) {
      throw JobFailures.connectionProblem("the connection's base URL is not a valid URL");
    }
  }

  /** Rejects anything that could leave the base URL; returns the path without its leading '/'. */
  private static String checkedPath(String path) {
    if (path == null || path.isBlank()) {
      return "";
    }
    String p = path.strip();
    if (p.startsWith("//") || p.contains("\\")) {
      throw new ConnectorInputException(
          "path must be relative to the connection's base URL, not start with '//' or contain '\\'");
    }
    if (!p.startsWith("/") && SCHEME.matcher(p).matches()) {
      throw new ConnectorInputException(
          "path must be relative to the connection's base URL, not an absolute URL");
    }
    if (p.contains("?") || p.contains("#")) {
      throw new ConnectorInputException(
          "path must not contain '?' or '#'; put query parameters in queryParameters");
    }
    if (p.chars().anyMatch(c -> c < 0x20 || c == 0x7f)) {
      throw new ConnectorInputException("path must not contain control characters");
    }
    String relative = p.startsWith("/") ? p.substring(1) : p;
    // Check what a server sees after decoding: "%2e%2e%2f" is "../" to many of them.
    String decoded = relative.replaceAll("(?i)%2e", ".").replaceAll("(?i)%2f|%5c", "/");
    for (String segment : decoded.split("/", -1)) {
      if (segment.equals("..") || segment.equals(".")) {
        throw new ConnectorInputException("path must not contain '.' or '..' segments");
      }
    }
    return relative;
  }

  /** Percent-encodes what a path cannot hold (spaces, non-ASCII); keeps existing %XX escapes. */
  private static String encodePath(String path) {
    StringBuilder out = new StringBuilder();
    int i = 0;
    while (i < path.length()) {
      char c = path.charAt(i);
      if (c == '%'
          && i + 3 <= path.length()
          && PERCENT_ESCAPE.matcher(path.substring(i, i + 3)).matches()) {
        out.append(path, i, i + 3);
        i += 3;
        continue;
      }
      int codePoint = path.codePointAt(i);
      String character = new String(Character.toChars(codePoint));
      out.append(PATH_SAFE.indexOf(c) >= 0 ? character : percentEncode(character));
      i += character.length();
    }
    return out.toString();
  }

  private static String percentEncode(String character) {
    StringBuilder out = new StringBuilder();
    for (byte b : character.getBytes(StandardCharsets.UTF_8)) {
      out.append('%').append(String.format("%02X", b & 0xff));
    }
    return out.toString();
  }

  private static String joinQuery(String baseQuery, Map<String, String> parameters) {
    StringJoiner query = new StringJoiner("&");
    if (baseQuery != null && !baseQuery.isEmpty()) {
      query.add(baseQuery);
    }
    parameters.forEach((name, value) -> query.add(encodeQuery(name) + "=" + encodeQuery(value)));
    return query.toString();
  }

  /** Form encoding with %20 for spaces, which every server reads the same way. */
  private static String encodeQuery(String text) {
    return URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20");
  }

  private static String stripTrailingSlash(String path) {
    return path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
  }
}
