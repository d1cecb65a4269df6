package dev.flowconnections.runtime.security;

import dev.flowconnections.runtime.api.ApiJson;
import dev.flowconnections.runtime.problem.Problems;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.security.web.firewall.RequestRejectedHandler;

/**
 * Problem bodies for what the security filters refuse before any controller runs, so clients see
 * one error format: 401 (no or bad credentials), 429 (too many failed logins), 403 (role missing or
 * a cross-site request) and 400 (URL the firewall rejects).
 */
final class ProblemResponses {

  static final String REALM = "flow-connections";

  private final ApiJson json;

  ProblemResponses(ApiJson json) {
    this.json = json;
  }

  AuthenticationEntryPoint unauthenticated() {
    return (request, response, ex) -> {
      if (ex instanceof LoginThrottledException throttled) {
        response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(throttled.retryAfterSeconds()));
        write(
            request,
            response,
            HttpStatus.TOO_MANY_REQUESTS,
            "too many failed logins for this user or from this address; try again in "
                + throttled.retryAfterSeconds()
                + " seconds");
        return;
      }
      response.setHeader(HttpHeaders.WWW_AUTHENTICATE, "Basic realm=\"" + REALM + "\"");
      write(
          request,
          response,
          HttpStatus.UNAUTHORIZED,
          "authentication required: send HTTP Basic credentials of a configured user");
    };
  }

  AccessDeniedHandler forbidden() {
    return (request, response, ex) ->
        write(request, response, HttpStatus.FORBIDDEN, "your roles do not allow this request");
  }

  /**
   * An OpenID Connect login that failed or that our claim mapping refused; names claims, never
   * values.
   */
  AuthenticationFailureHandler loginRefused() {
    return (request, response, ex) -> {
      String detail =
          ex instanceof OAuth2AuthenticationException oauth
                  && oauth.getError().getDescription() != null
              ? oauth.getError().getDescription()
              : "login failed";
      write(request, response, HttpStatus.UNAUTHORIZED, detail);
    };
  }

  /**
   * A state-changing request a browser sent on behalf of another site ({@link
   * CrossSiteRequestFilter}).
   */
  void crossSiteRefused(HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    write(
        request,
        response,
        HttpStatus.FORBIDDEN,
        "cross-site request refused: a page of another site may not change anything here");
  }

  RequestRejectedHandler rejected() {
    return (request, response, ex) ->
        write(request, response, HttpStatus.BAD_REQUEST, "the request URL is not allowed");
  }

  private void write(
      HttpServletRequest request, HttpServletResponse response, HttpStatus status, String detail)
      throws IOException {
    ProblemDetail problem = Problems.of(status, detail);
    try {
      problem.setInstance(URI.create(request.getRequestURI()));
    } catch (IllegalArgumentException unparsable) {
      // a URL the firewall rejected may not even be a valid URI; the problem does without it
    }
    response.setStatus(status.value());
    response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
    json.mapper().writeValue(response.getOutputStream(), problem);
  }
}
