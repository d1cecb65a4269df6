package dev.flowconnections.runtime.ui;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flowconnections.runtime.testsupport.BrowserTestBase;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;

/**
 * A USER in a real headless Chromium: no admin menus, a readable denial on the admin pages, and the
 * API refusing the same things when the page's own session calls it.
 */
class RoleDenialPageTest extends BrowserTestBase {

  @BeforeEach
  void signIn() {
    browser.login("modeler", "modeler");
  }

  @Test
  void userSeesNoAdminMenusAndAReadableDenialOnAdminPages() {
    List<String> menus =
        browser.all(By.cssSelector("header.top nav a")).stream()
            .map(a -> a.getDomProperty("textContent"))
            .toList();
    assertThat(menus).containsExactly("Connect");
    assertThat(browser.all(By.cssSelector("header.top nav button"))).isEmpty();

    for (String page :
        List.of("/admin/integrations", "/admin/security/secrets", "/admin/templates")) {
      browser.go(page);
      assertThat(browser.visible(By.tagName("h1")).getText())
          .isEqualTo("You do not have access to this page");
      assertThat(browser.find(By.cssSelector("[role=alert]")).getText())
          .contains("This page is for administrators");
      assertThat(browser.path()).isEqualTo(page);
    }
    browser.screenshot("access-denied");
    assertThat(api.anonymous().get("/admin/integrations").status()).isEqualTo(302);
  }

  @Test
  void theApiRefusesTheSessionWhatThePagesDoNotOffer() {
    browser.go("/connections");
    browser.find(By.cssSelector("#connection-cards:not([aria-busy])"));
    Map<?, ?> create =
        fetch(
            "POST",
            "/api/integrations",
            "{\"name\":\"Sneaky\",\"type\":\"REST_API\",\"authScheme\":\"NONE\",\"config\":{\"baseUrl\":\"https://x.example\"}}");
    assertThat(create.get("status")).isEqualTo(403L);
    // the session passes the URL rules like any signed-in user; the service's own rule refuses it
    assertThat((String) create.get("body")).contains("only administrators may create integrations");
    Map<?, ?> secrets = fetch("GET", "/api/secrets", null);
    assertThat(secrets.get("status")).isEqualTo(403L);
    assertThat(admin.get("/api/integrations?search=Sneaky").json()).isEmpty();
  }

  /** A request from the page's own script: session cookie and CSRF header, like the pages send. */
  private Map<?, ?> fetch(String method, String path, String body) {
    Object result =
        ((JavascriptExecutor) browser.driver())
            .executeAsyncScript(
                """
        const done = arguments[arguments.length - 1];
        const token = decodeURIComponent((document.cookie.split('; ').find(c => c.startsWith('XSRF-TOKEN=')) || '=').split('=')[1]);
        fetch(arguments[1], {method: arguments[0], body: arguments[2], credentials: 'same-origin',
            headers: {'Content-Type': 'application/json', 'X-XSRF-TOKEN': token}})
          .then(async r => done({status: r.status, body: await r.text()}));
        """,
                method,
                path,
                body);
    return (Map<?, ?>) result;
  }
}
