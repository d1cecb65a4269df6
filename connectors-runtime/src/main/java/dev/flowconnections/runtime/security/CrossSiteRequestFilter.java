package dev.flowconnections.runtime.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.util.Locale;
import java.util.Set;
import org.springframework.http.HttpHeaders;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses state-changing requests that a browser made on behalf of another site, before any
 * credential is looked at. A browser adds HTTP Basic credentials it has cached (and cookies) to
 * such requests on its own, and a cross-site HTML form can POST to the body-less endpoints
 * (publish, test, rotation) without any CSRF token or JSON body.
 *
 * <p>Browsers say where a request comes from: {@code Sec-Fetch-Site} (every current browser) and
 * {@code Origin} (on every non-GET request). A request is refused when {@code Sec-Fetch-Site} is
 * anything but {@code same-origin} or {@code none} (typed by the user), or, without it, when {@code
 * Origin} names another origin than the one the request was sent to. API clients such as curl send
 * neither header and are not affected; they cannot be made to send a request by another site. Safe
 * methods (GET, HEAD, OPTIONS, TRACE) change nothing and pass.
 */
final class CrossSiteRequestFilter extends OncePerRequestFilter {

  private static final Set<String> SAFE_METHODS = Set.of("GET", "HEAD", "OPTIONS", "TRACE");
  private static final Set<String> OWN_SITE = Set.of("same-origin", "none");

  private final ProblemResponses problems;

  CrossSiteRequestFilter(ProblemResponses problems) {
    this.problems = problems;
  }

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    if (!SAFE_METHODS.contains(request.getMethod()) && isCrossSite(request)) {
      problems.crossSiteRefused(request, response);
      return;
    }
    chain.doFilter(request, response);
  }

  static boolean isCrossSite(HttpServletRequest request) {
    String fetchSite = request.getHeader("Sec-Fetch-Site");
    if (fetchSite != null) {
      return !OWN_SITE.contains(fetchSite.trim().toLowerCase(Locale.ROOT));
    }
    String origin = request.getHeader(HttpHeaders.ORIGIN);
    return origin != null && !sameOrigin(origin, request);
  }

  /** {@code Origin: null} (sandboxed frames, privacy redirects) is never this server. */
  private static boolean sameOrigin(String origin, HttpServletRequest request) {
    try {
      URI uri = URI.create(origin.trim());
      return uri.getScheme() != null
          && uri.getHost() != null
          && uri.getHost().equalsIgnoreCase(request.getServerName())
          && port(uri.getScheme(), uri.getPort())
              == port(request.getScheme(), request.getServerPort());
    } catch (IllegalArgumentException unparsable) {
      return false;
    }
  }

  private static int port(String scheme, int port) {
    if (port > 0) {
      return port;
    }
    return "https".equalsIgnoreCase(scheme) ? 443 : 80;
  }
}
