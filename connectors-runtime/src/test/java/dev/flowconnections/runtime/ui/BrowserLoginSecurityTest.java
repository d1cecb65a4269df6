package dev.flowconnections.runtime.ui;

import static dev.flowconnections.runtime.testsupport.ProblemAssert.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import dev.flowconnections.runtime.testsupport.ApiClient;
import dev.flowconnections.runtime.testsupport.ApiFixtures;
import dev.flowconnections.runtime.testsupport.ApiTestBase;
import java.io.IOException;
import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The browser login at the HTTP level, where each rule can be seen on its own: a form login makes a
 * session; state-changing calls on that session need the CSRF header; HTTP Basic clients stay
 * stateless and need no token; logout ends the session; pages send strangers to the login.
 */
class BrowserLoginSecurityTest extends ApiTestBase {

  private static final Pattern CSRF_FIELD = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

  private CookieManager cookies;
  private HttpClient browser;

  @BeforeEach
  void freshCookieJar() {
    cookies = new CookieManager();
    browser =
        HttpClient.newBuilder()
            .cookieHandler(cookies)
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();
  }

  @Test
  void formLoginMakesASessionThatServesTheApiAndTheCsrfHeaderGuardsChanges() {
    HttpResponse<String> login = login("modeler", "modeler");
    assertThat(login.statusCode()).isEqualTo(302);
    assertThat(login.headers().firstValue("Location").orElseThrow()).endsWith("/connections");

    HttpResponse<String> me = send("GET", "/api/me", null, false);
    assertThat(me.statusCode()).isEqualTo(200);
    assertThat(me.body()).contains("\"username\":\"modeler\"", "\"admin\":false");

    String integrationId =
        ApiFixtures.createBasicRestIntegration(admin, "Session " + ApiFixtures.tag());
    String body =
        "{\"integrationId\":\""
            + integrationId
            + "\",\"name\":\"Cross site\",\"visibility\":\"ORGANIZATION\"}";
    HttpResponse<String> forged = send("POST", "/api/connections", body, false);
    assertThat(forged.statusCode()).isEqualTo(403);
    assertThat(modeler.get("/api/connections?integrationId=" + integrationId).json()).isEmpty();

    HttpResponse<String> created = send("POST", "/api/connections", body, true);
    assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
    assertThat(created.body()).contains("\"owner\":\"modeler\"");
  }

  @Test
  void httpBasicClientsStayStatelessAndNeedNoCsrfToken() {
    ApiClient.Response read = admin.get("/api/integrations");
    assertThat(read.status()).isEqualTo(200);
    assertThat(read.headers().allValues("Set-Cookie")).noneMatch(c -> c.startsWith("JSESSIONID"));
    ApiClient.Response created =
        admin.post(
            "/api/integrations", ApiFixtures.basicRestIntegration("Basic " + ApiFixtures.tag()));
    assertThat(created.status()).isEqualTo(201);
    assertThat(created.headers().allValues("Set-Cookie")).isEmpty();
  }

  @Test
  void wrongPasswordAndMissingLoginTokenAreRefused() {
    HttpResponse<String> wrong = login("modeler", "nope");
    assertThat(wrong.headers().firstValue("Location").orElseThrow()).endsWith("/login?error");
    HttpResponse<String> page = send("GET", "/login?error", null, false);
    assertThat(page.body()).contains("Wrong username or password.");
    assertProblem(api.anonymous().get("/api/me"), 401);

    // a login posted without the form's token (e.g. from another site) signs nobody in
    HttpResponse<String> noToken = post("/login", "username=modeler&password=modeler");
    assertThat(noToken.headers().firstValue("Location").orElseThrow()).endsWith("/login");
    assertThat(send("GET", "/api/me", null, false).statusCode()).isEqualTo(401);
  }

  @Test
  void logoutEndsTheSession() {
    login("admin", "admin");
    assertThat(send("GET", "/api/me", null, false).statusCode()).isEqualTo(200);

    HttpResponse<String> logout = post("/logout", "_csrf=" + csrfCookie());
    assertThat(logout.headers().firstValue("Location").orElseThrow()).endsWith("/login?logout");

    HttpResponse<String> after = send("GET", "/api/me", null, false);
    assertThat(after.statusCode()).isEqualTo(401);
    assertThat(after.headers().firstValue("Content-Type").orElseThrow())
        .startsWith("application/problem+json");
  }

  @Test
  void pagesSendStrangersToTheLoginForm() {
    for (String page :
        new String[] {"/connections", "/admin/integrations", "/admin/security/secrets", "/"}) {
      HttpResponse<String> response = send("GET", page, null, false);
      assertThat(response.statusCode()).as(page).isEqualTo(302);
      assertThat(response.headers().firstValue("Location").orElseThrow())
          .as(page)
          .matches(".*/(login|connections)$");
    }
    HttpResponse<String> loginPage = send("GET", "/login", null, false);
    assertThat(loginPage.statusCode()).isEqualTo(200);
    assertThat(loginPage.body())
        .contains(
            "<label for=\"username\">Username</label>", "<label for=\"password\">Password</label>");
    assertThat(loginPage.body())
        .as("no OIDC registration, no single sign-on link")
        .doesNotContain("/oauth2/authorization/", "Sign in with", "{{");
  }

  private HttpResponse<String> login(String username, String password) {
    HttpResponse<String> page = send("GET", "/login", null, false);
    Matcher token = CSRF_FIELD.matcher(page.body());
    assertThat(token.find()).as(page.body()).isTrue();
    return post(
        "/login",
        "username="
            + enc(username)
            + "&password="
            + enc(password)
            + "&_csrf="
            + enc(token.group(1)));
  }

  private HttpResponse<String> post(String path, String form) {
    return exchange(
        HttpRequest.newBuilder(uri(path))
            .header("Content-Type", "application/x-www-form-urlencoded")
            .POST(HttpRequest.BodyPublishers.ofString(form)));
  }

  private HttpResponse<String> send(
      String method, String path, String json, boolean withCsrfHeader) {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(uri(path))
            .method(
                method,
                json == null
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString(json));
    if (json != null) {
      request.header("Content-Type", "application/json");
    }
    if (withCsrfHeader) {
      request.header("X-XSRF-TOKEN", csrfCookie());
    }
    return exchange(request);
  }

  private String csrfCookie() {
    return cookies.getCookieStore().getCookies().stream()
        .filter(c -> c.getName().equals("XSRF-TOKEN"))
        .map(HttpCookie::getValue)
        .findFirst()
        .orElseThrow();
  }

  private HttpResponse<String> exchange(HttpRequest.Builder request) {
    try {
      return browser.send(request.build(), HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private URI uri(String path) {
    return URI.create("http://127.0.0.1:" + port + path);
  }

  private static String enc(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }
}
