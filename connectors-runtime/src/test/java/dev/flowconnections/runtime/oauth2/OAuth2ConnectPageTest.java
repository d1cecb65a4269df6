package dev.flowconnections.runtime.oauth2;

import static dev.flowconnections.runtime.testsupport.OAuth2TestServer.ROTATING_CLIENT;
import static org.assertj.core.api.Assertions.assertThat;

import dev.flowconnections.credential.CredentialLocation;
import dev.flowconnections.credential.CredentialStore;
import dev.flowconnections.environment.Environment;
import dev.flowconnections.oauth2.OAuth2Grants;
import dev.flowconnections.oauth2.StoredTokens;
import dev.flowconnections.runtime.testsupport.ApiFixtures;
import dev.flowconnections.runtime.testsupport.Browser;
import dev.flowconnections.runtime.testsupport.OAuth2TestServer;
import dev.flowconnections.runtime.testsupport.RecordingHttpServer;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * "Connect" from the connection wizard in a real headless Chromium: the row's Connect button, the
 * real authorization server's login form in the same browser, the callback bringing the browser
 * back to /connections with a notice, and the row saying who authorised it. That the stored token
 * works is checked by the row's "Test connection" against a local API that received the bearer,
 * which the authorization server confirms is active.
 */
class OAuth2ConnectPageTest extends AuthorizationCodeTestBase {

  private static Browser browser;
  private static RecordingHttpServer upstream;

  @Autowired private CredentialStore credentials;
  @Autowired private OAuth2Grants grants;

  private String tag;
  private String connectionId;
  private String connectionKey;

  @BeforeEach
  void connectionNeedingAuthorisation() {
    if (browser == null) {
      upstream = RecordingHttpServer.start();
      browser = Browser.open(port);
    }
    tag = ApiFixtures.tag();
    String integration = oauth.integration("CRM " + tag, upstream.baseUrl());
    String[] connection =
        oauth.connection(modeler, integration, "CRM " + tag, "DEVELOPMENT", ROTATING_CLIENT);
    connectionId = connection[0];
    connectionKey = connection[1];
    upstream.reset();
    browser.login("modeler", "modeler");
  }

  @AfterAll
  static void stop() {
    if (browser != null) {
      browser.close();
      upstream.close();
      browser = null;
    }
  }

  @Test
  void connectSignsInAtTheProviderAndTheRowShowsWhoAuthorisedIt() {
    openCredentials();
    WebElement development = row("DEVELOPMENT");
    assertThat(development.findElement(By.cssSelector("[data-testid=env-status]")).getText())
        .isEqualTo("Needs authorisation");
    assertThat(development.findElement(By.cssSelector("[data-testid=oauth2-state]")).getText())
        .startsWith("Needs authorisation");
    assertThat(row("QA").findElements(By.cssSelector("[data-testid=oauth2-connect]")))
        .as("no credentials, no Connect")
        .isEmpty();
    browser.screenshot("connection-wizard-oauth2-connect");

    development.findElement(By.cssSelector("[data-testid=oauth2-connect]")).click();
    // the authorization server's own login form, in the same browser
    browser.until(
        ExpectedConditions.urlToBe(
            authServer.authorizationEndpoint().replace("/oauth2/authorize", "/login")));
    browser.type(By.id("username"), OAuth2TestServer.USER);
    browser.type(By.id("password"), OAuth2TestServer.PASSWORD);
    browser.click(By.cssSelector("form button[type=submit]"));

    WebElement notice =
        browser.visible(By.cssSelector("dialog#wizard #connect-notice[role=status]"));
    assertThat(notice.getText())
        .isEqualTo(
            "Connected “CRM "
                + tag
                + "” in Development as alice@example.test, authorised by modeler.");
    assertThat(browser.path())
        .as("the parameters are gone, a reload repeats nothing")
        .isEqualTo("/connections");
    development = row("DEVELOPMENT");
    assertThat(development.findElement(By.cssSelector("[data-testid=env-status]")).getText())
        .isEqualTo("Configured");
    assertThat(development.findElement(By.cssSelector("[data-testid=oauth2-state]")).getText())
        .startsWith("Connected as alice@example.test. Authorised by modeler on ");
    assertThat(development.findElement(By.cssSelector("[data-testid=oauth2-connect]")).getText())
        .isEqualTo("Reconnect");
    browser.screenshot("connection-wizard-oauth2-authorised");

    // the stored token is what the runtime uses: the row's test calls the API with it
    development.findElement(By.xpath(".//button[text()='Test connection']")).click();
    browser.until(
        d ->
            row("DEVELOPMENT")
                .findElement(By.cssSelector("[data-testid=test-result]"))
                .getText()
                .startsWith("✔ Test passed"));
    StoredTokens stored =
        StoredTokens.from(
                credentials
                    .read(
                        new CredentialLocation(
                            "default",
                            UUID.fromString(connectionId),
                            connectionKey,
                            Environment.DEVELOPMENT))
                    .orElseThrow())
            .orElseThrow();
    assertThat(upstream.lastRequest().header("Authorization"))
        .isEqualTo("Bearer " + stored.accessToken());
    assertThat(authServer.isActive(ROTATING_CLIENT, stored.accessToken())).isTrue();
    assertThat(browser.pageSource())
        .doesNotContain(stored.accessToken())
        .doesNotContain(stored.refreshToken())
        .doesNotContain(OAuth2TestServer.secretOf(ROTATING_CLIENT));

    // a refused refresh marks the environment (the mark OAuth2Grants.refresh sets on
    // invalid_grant);
    // the row says so and Reconnect (the provider's session is still open: no login form) clears it
    grants.refresh(
        "default",
        connectionKey,
        Environment.DEVELOPMENT,
        tokens ->
            new OAuth2Grants.RefreshOutcome.Rejected("refresh refused: invalid_grant [HTTP 400]"));
    browser.click(By.xpath("//dialog[@id='wizard']//button[text()='Done']"));
    browser.until(ExpectedConditions.numberOfElementsToBe(By.id("wizard"), 0));
    openCredentials();
    development = row("DEVELOPMENT");
    assertThat(development.findElement(By.cssSelector("[data-testid=env-status]")).getText())
        .isEqualTo("Needs re-authorisation");
    assertThat(development.findElement(By.cssSelector("[data-testid=oauth2-state]")).getText())
        .isEqualTo("Needs re-authorisation: refresh refused: invalid_grant [HTTP 400]");
    development.findElement(By.cssSelector("[data-testid=oauth2-connect]")).click();
    browser.visible(By.cssSelector("dialog#wizard #connect-notice[role=status]"));
    assertThat(
            row("DEVELOPMENT").findElement(By.cssSelector("[data-testid=oauth2-state]")).getText())
        .startsWith("Connected as alice@example.test. Authorised by modeler on ");
    assertThat(
            modeler
                .get("/api/connections/" + connectionId)
                .text("/environments/DEVELOPMENT/status"))
        .isEqualTo("CONFIGURED");
  }

  @Test
  void withoutAnAnswerFromTheUserInfoEndpointTheRowSaysWhoAuthorisedOnly() {
    authServer.userInfoAnswers(503);
    try {
      openCredentials();
      row("DEVELOPMENT").findElement(By.cssSelector("[data-testid=oauth2-connect]")).click();
      browser.until(
          ExpectedConditions.urlToBe(
              authServer.authorizationEndpoint().replace("/oauth2/authorize", "/login")));
      browser.type(By.id("username"), OAuth2TestServer.USER);
      browser.type(By.id("password"), OAuth2TestServer.PASSWORD);
      browser.click(By.cssSelector("form button[type=submit]"));

      assertThat(
              browser
                  .visible(By.cssSelector("dialog#wizard #connect-notice[role=status]"))
                  .getText())
          .isEqualTo("Connected “CRM " + tag + "” in Development, authorised by modeler.");
      assertThat(
              row("DEVELOPMENT")
                  .findElement(By.cssSelector("[data-testid=oauth2-state]"))
                  .getText())
          .startsWith("Authorised by modeler on ");
    } finally {
      authServer.userInfoAnswers(200);
    }
  }

  @Test
  void aBrowserWhoseSessionEndedMeanwhileSignsInAgainAndTheConnectStillCompletes() {
    openCredentials();
    row("DEVELOPMENT").findElement(By.cssSelector("[data-testid=oauth2-connect]")).click();
    browser.until(
        ExpectedConditions.urlToBe(
            authServer.authorizationEndpoint().replace("/oauth2/authorize", "/login")));
    browser.driver().manage().deleteCookieNamed("JSESSIONID"); // the runtime's session only

    browser.type(By.id("username"), OAuth2TestServer.USER);
    browser.type(By.id("password"), OAuth2TestServer.PASSWORD);
    browser.click(By.cssSelector("form button[type=submit]"));
    browser.until(ExpectedConditions.urlContains("/login"));
    browser.type(By.id("username"), "modeler");
    browser.type(By.id("password"), "modeler");
    browser.click(By.cssSelector("form button[type=submit]"));

    assertThat(
            browser.visible(By.cssSelector("dialog#wizard #connect-notice[role=status]")).getText())
        .isEqualTo(
            "Connected “CRM "
                + tag
                + "” in Development as alice@example.test, authorised by modeler.");
    assertThat(
            modeler
                .get("/api/connections/" + connectionId)
                .text("/environments/DEVELOPMENT/status"))
        .isEqualTo("CONFIGURED");
  }

  @Test
  void aForeignUnknownOrRefusedAuthorisationEndsOnTheConnectionsPageWithAReadableError() {
    String adminsState = stateOf(oauth.start(admin, connectionId, "DEVELOPMENT"));
    browser.go(OAuth2ConnectController.CALLBACK_PATH + "?code=stolen&state=" + adminsState);
    assertThat(errorNotice())
        .isEqualTo(
            "Connect failed: This authorisation was started by another user. Start Connect yourself.");
    assertThat(browser.path()).isEqualTo("/connections");

    browser.go(OAuth2ConnectController.CALLBACK_PATH + "?code=x&state=forged-" + tag);
    assertThat(errorNotice())
        .isEqualTo(
            "Connect failed: This authorisation does not belong to a Connect in progress"
                + " (unknown or already used). Start Connect again.");

    String state = stateOf(oauth.start(modeler, connectionId, "DEVELOPMENT"));
    browser.go(OAuth2ConnectController.CALLBACK_PATH + "?error=access_denied&state=" + state);
    assertThat(errorNotice())
        .isEqualTo(
            "Connect failed: The authorization server did not authorise the connection (access was denied or refused).");

    // a crafted link cannot make the page say something of its own
    browser.go("/connections?connectError=Call%20us%20at%20555");
    assertThat(errorNotice())
        .isEqualTo("Connect failed: the authorisation did not complete. Start Connect again.");
    assertThat(
            modeler
                .get("/api/connections/" + connectionId)
                .text("/environments/DEVELOPMENT/status"))
        .isEqualTo("NEEDS_AUTHORIZATION");
  }

  private String errorNotice() {
    return browser.visible(By.cssSelector("#main #connect-notice[role=alert]")).getText();
  }

  private void openCredentials() {
    browser.go("/connections");
    browser.find(By.cssSelector("#connection-cards:not([aria-busy])"));
    browser.until(
        d -> {
          browser
              .visible(
                  By.cssSelector("[data-testid=connection-card][data-key='" + connectionKey + "']"))
              .findElement(By.xpath(".//button[starts-with(@aria-label,'Edit')]"))
              .click();
          return true;
        });
    browser.click(By.xpath("//button[text()='Save and continue']"));
  }

  private WebElement row(String environment) {
    return browser.visible(
        By.cssSelector("dialog#wizard form.env-row[data-env=" + environment + "]"));
  }

  private static String stateOf(String authorizationUrl) {
    return UriComponentsBuilder.fromUriString(authorizationUrl)
        .build()
        .getQueryParams()
        .getFirst("state");
  }
}
