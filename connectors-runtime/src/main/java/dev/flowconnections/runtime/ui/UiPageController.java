package dev.flowconnections.runtime.ui;

import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.core.io.ClassPathResource;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.util.HtmlUtils;
import org.springframework.web.util.UriUtils;

/**
 * Serves the pages of the UI. The connections, integrations, secrets, audit and element templates
 * pages share one static HTML shell ({@code ui/pages/app.html}, filled with the page's title and
 * script) whose script loads its data from the management API with the session cookie; the shells
 * are served here rather than as static files so that they sit behind the login like the data they
 * show. Besides title and script, only the login and denial pages have server-filled values (the
 * CSRF token, a message, the single sign-on links), HTML-escaped.
 */
@Controller
class UiPageController {

  private final Map<String, String> shells = new ConcurrentHashMap<>();
  private final ObjectProvider<ClientRegistrationRepository> oidcClients;

  UiPageController(ObjectProvider<ClientRegistrationRepository> oidcClients) {
    this.oidcClients = oidcClients;
  }

  @GetMapping("/")
  String home() {
    return "redirect:/connections";
  }

  @GetMapping("/connections")
  ResponseEntity<String> connections() {
    return appPage("Connections", "connections");
  }

  @GetMapping("/admin/integrations")
  ResponseEntity<String> integrations() {
    return appPage("Integrations", "integrations");
  }

  @GetMapping("/admin/security/secrets")
  ResponseEntity<String> secrets() {
    return appPage("Secrets", "secrets");
  }

  @GetMapping("/admin/audit")
  ResponseEntity<String> audit() {
    return appPage("Audit log", "audit");
  }

  @GetMapping("/admin/templates")
  ResponseEntity<String> templates() {
    return appPage("Element templates", "templates");
  }

  /**
   * A page drawn by its script ({@code /ui/<script>.js}) into the shared shell {@code app.html}.
   */
  private ResponseEntity<String> appPage(String title, String script) {
    return page(HttpStatus.OK, "app", Map.of("title", title, "script", script));
  }

  @GetMapping("/login")
  ResponseEntity<String> login(
      HttpServletRequest request,
      @RequestParam(required = false) String error,
      @RequestParam(required = false) String throttled,
      @RequestParam(required = false) String logout) {
    CsrfToken csrf = (CsrfToken) request.getAttribute(CsrfToken.class.getName());
    String message =
        throttled != null
            ? "<p class=\"alert alert-error\" role=\"alert\">Too many failed sign-ins. Try again in a few minutes.</p>"
            : error != null
                ? "<p class=\"alert alert-error\" role=\"alert\">Wrong username or password.</p>"
                : logout != null
                    ? "<p class=\"alert\" role=\"status\">You are signed out.</p>"
                    : "";
    return page(
        HttpStatus.OK,
        "login",
        Map.of(
            "csrfParameter", HtmlUtils.htmlEscape(csrf.getParameterName()),
            "csrfToken", HtmlUtils.htmlEscape(csrf.getToken()),
            "message", message,
            "singleSignOn", singleSignOnLinks()));
  }

  /**
   * One "Sign in with …" link per configured OIDC registration (none without OIDC), pointing at the
   * OIDC login chain's start ({@code /oauth2/authorization/<id>}).
   */
  private String singleSignOnLinks() {
    if (!(oidcClients.getIfAvailable() instanceof Iterable<?> registrations)) {
      return "";
    }
    StringBuilder links = new StringBuilder();
    for (Object registration : registrations) {
      if (registration instanceof ClientRegistration client
          && client.getAuthorizationGrantType().equals(AuthorizationGrantType.AUTHORIZATION_CODE)) {
        String name =
            client.getClientName() == null || client.getClientName().isBlank()
                ? client.getRegistrationId()
                : client.getClientName();
        links
            .append(
                "<a class=\"button sso\" data-testid=\"sso-link\" href=\"/oauth2/authorization/")
            .append(
                HtmlUtils.htmlEscape(
                    UriUtils.encodePathSegment(client.getRegistrationId(), StandardCharsets.UTF_8)))
            .append("\">Sign in with ")
            .append(HtmlUtils.htmlEscape(name))
            .append("</a>");
      }
    }
    return links.isEmpty()
        ? ""
        : "<div class=\"sso\">" + links + "<p class=\"or\">or with your username</p></div>";
  }

  /** Where Spring Security forwards a signed-in user whose roles do not allow the page. */
  @GetMapping("/denied")
  ResponseEntity<String> denied() {
    return page(HttpStatus.FORBIDDEN, "denied", Map.of());
  }

  private ResponseEntity<String> page(HttpStatus status, String name, Map<String, String> values) {
    String html = shells.computeIfAbsent(name, UiPageController::load);
    for (Map.Entry<String, String> value : values.entrySet()) {
      html = html.replace("{{" + value.getKey() + "}}", value.getValue());
    }
    return ResponseEntity.status(status)
        .contentType(new MediaType(MediaType.TEXT_HTML, StandardCharsets.UTF_8))
        .cacheControl(CacheControl.noStore())
        .body(html);
  }

  private static String load(String name) {
    try (InputStream in = new ClassPathResource("ui/pages/" + name + ".html").getInputStream()) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("UI page " + name + " is missing from the jar", e);
    }
  }
}
