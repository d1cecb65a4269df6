package dev.flowconnections.runtime.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.flowconnections.environment.Environment;
import dev.flowconnections.runtime.testsupport.ApiClient;
import dev.flowconnections.runtime.testsupport.Browser;
import dev.flowconnections.runtime.testsupport.RuntimeTestSupport;
import dev.flowconnections.testissuer.LocalOidcIssuer;
import io.camunda.zeebe.process.test.api.ZeebeTestEngine;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Browser login by OpenID Connect against a real issuer (Spring Authorization Server on its own
 * random port): our runtime → the issuer's login form → authorize without consent → our callback →
 * a session. The runtime is configured only by properties, mapping the {@code groups} claim to
 * roles and the {@code org} claim to the organization; the resulting user is checked through the
 * API.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class OidcLoginTest {

  private static final ZeebeTestEngine ENGINE = RuntimeTestSupport.startEngine();
  private static final LocalOidcIssuer ISSUER = LocalOidcIssuer.start();
  private static final ObjectMapper JSON = new ObjectMapper();

  @DynamicPropertySource
  static void properties(DynamicPropertyRegistry registry) {
    RuntimeTestSupport.register(registry, ENGINE, Environment.DEVELOPMENT);
    registry.add(
        "spring.security.oauth2.client.registration.corp.client-id",
        () -> LocalOidcIssuer.CLIENT_ID);
    registry.add(
        "spring.security.oauth2.client.registration.corp.client-secret",
        () -> LocalOidcIssuer.CLIENT_SECRET);
    registry.add("spring.security.oauth2.client.registration.corp.scope", () -> "openid");
    registry.add("spring.security.oauth2.client.registration.corp.client-name", () -> "Acme <SSO>");
    registry.add("spring.security.oauth2.client.provider.corp.issuer-uri", ISSUER::issuerUri);
    registry.add("flow-connections.security.oidc.roles-claim", () -> "groups");
    registry.add("flow-connections.security.oidc.role-mapping.flow-admins", () -> "ADMIN");
    registry.add("flow-connections.security.oidc.organization-claim", () -> "org");
  }

  @AfterAll
  static void stopIssuer() {
    ISSUER.close();
  }

  @LocalServerPort int port;

  @BeforeEach
  void registerRedirect() {
    ISSUER.allowRedirectTo(app("/login/oauth2/code/corp"));
  }

  @Test
  void aMappedGroupMakesAnAdministratorOfTheClaimedOrganization() throws Exception {
    BrowserSession browser = new BrowserSession();
    HttpResponse<String> loggedIn = logIn(browser, "alice");
    assertThat(loggedIn.uri().toString()).startsWith(app("/"));

    JsonNode me = json(browser.get(app("/api/me")));
    assertThat(me.get("username").asText()).isEqualTo("alice");
    assertThat(me.get("organizationId").asText()).isEqualTo("acme");
    assertThat(me.get("roles").toString()).isEqualTo("[\"ADMIN\"]");
    assertThat(browser.get(app("/api/audit")).statusCode()).isEqualTo(200);
  }

  /** "acme" is known nowhere at start-up: its first request seeds the System catalogue. */
  @Test
  void anOrganizationThatAppearsAtLoginStartsWithTheSystemCatalogue() throws Exception {
    BrowserSession browser = new BrowserSession();
    logIn(browser, "alice");

    JsonNode system = json(browser.get(app("/api/integrations?scope=SYSTEM")));
    assertThat(system.findValuesAsText("name")).contains("OpenAI", "PostgreSQL", "Twilio");
  }

  @Test
  void aGroupNamedLikeARoleIsThatRole() throws Exception {
    BrowserSession browser = new BrowserSession();
    logIn(browser, "dave");

    JsonNode me = json(browser.get(app("/api/me")));
    assertThat(me.get("roles").toString()).isEqualTo("[\"USER\"]");
    assertThat(browser.get(app("/api/audit")).statusCode()).isEqualTo(403);
    assertThat(browser.get(app("/api/connections")).statusCode()).isEqualTo(200);
  }

  @Test
  void aUserWithoutAMappedRoleOrWithoutOrganizationIsNotLetIn() throws Exception {
    BrowserSession withoutRole = new BrowserSession();
    HttpResponse<String> refused = logIn(withoutRole, "bob");
    assertThat(refused.statusCode()).isEqualTo(401);
    assertThat(json(refused).get("detail").asText()).contains("'groups'").doesNotContain("staff");
    assertThat(withoutRole.get(app("/api/me")).statusCode()).isEqualTo(401);

    BrowserSession withoutOrganization = new BrowserSession();
    HttpResponse<String> noOrg = logIn(withoutOrganization, "carol");
    assertThat(noOrg.statusCode()).isEqualTo(401);
    assertThat(json(noOrg).get("detail").asText()).contains("'org'");
    assertThat(withoutOrganization.get(app("/api/me")).statusCode()).isEqualTo(401);
  }

  @Test
  void aSessionCannotChangeAnythingWithoutACsrfTokenWhileBasicCallsNeedNone() throws Exception {
    BrowserSession browser = new BrowserSession();
    logIn(browser, "alice");

    HttpResponse<String> forged =
        browser.send("PUT", app("/api/secrets/FORGED"), "{\"value\":\"x\"}");
    assertThat(forged.statusCode()).isEqualTo(403);
    HttpResponse<String> secrets = browser.get(app("/api/secrets"));
    assertThat(secrets.statusCode()).as("reading needs no token").isEqualTo(200);
    assertThat(secrets.body()).doesNotContain("FORGED");

    ApiClient basic = ApiClient.on(port).as("admin");
    assertThat(basic.get("/api/me").text("/organizationId")).isEqualTo("default");
    assertThat(
            basic
                .put("/api/secrets/BASIC_" + System.nanoTime(), java.util.Map.of("value", "v"))
                .status())
        .isEqualTo(201);
  }

  @Test
  void theLoginPageOffersSingleSignOnAndItsLinkLeadsThroughTheIssuersForm() {
    try (Browser chromium = Browser.open(port)) {
      chromium.go("/login");
      WebElement link = chromium.visible(By.cssSelector("[data-testid=sso-link]"));
      assertThat(chromium.all(By.cssSelector("[data-testid=sso-link]"))).hasSize(1);
      assertThat(link.getText())
          .as("the client name, as text")
          .isEqualTo("Sign in with Acme <SSO>");
      assertThat(link.getDomAttribute("href")).isEqualTo("/oauth2/authorization/corp");
      assertThat(chromium.find(By.id("username")).isDisplayed())
          .as("the password form stays")
          .isTrue();
      chromium.screenshot("login-sso");

      link.click();
      chromium.until(ExpectedConditions.urlToBe(ISSUER.issuerUri() + "/login"));
      chromium.type(By.id("username"), "alice");
      chromium.type(By.id("password"), "alice");
      chromium.click(By.cssSelector("form button[type=submit]"));

      chromium.until(ExpectedConditions.urlToBe(app("/connections")));
      chromium.untilText(By.cssSelector("header.top [data-testid=user]"), "alice");
    }
  }

  private HttpResponse<String> logIn(BrowserSession browser, String user) {
    HttpResponse<String> loginForm = browser.get(app("/oauth2/authorization/corp"));
    assertThat(loginForm.uri().toString())
        .as("redirected to the issuer's login form")
        .isEqualTo(ISSUER.issuerUri() + "/login");
    return browser.submitLogin(loginForm, user, user);
  }

  private String app(String path) {
    return "http://127.0.0.1:" + port + path;
  }

  private static JsonNode json(HttpResponse<String> response) throws Exception {
    assertThat(response.headers().firstValue("Content-Type").orElse(""))
        .as(response.body())
        .contains("json");
    return JSON.readTree(response.body());
  }
}
