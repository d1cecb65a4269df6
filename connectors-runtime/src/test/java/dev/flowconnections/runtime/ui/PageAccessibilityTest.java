package dev.flowconnections.runtime.ui;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flowconnections.runtime.testsupport.ApiFixtures;
import dev.flowconnections.runtime.testsupport.BrowserTestBase;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * Basic accessibility of every page and dialog in a real headless Chromium: each visible form
 * control has a label, each button a name, each page one h1; the wizard works from the keyboard and
 * Escape closes it.
 */
class PageAccessibilityTest extends BrowserTestBase {

  /** Visible controls and buttons without an accessible name (label, aria-label or text). */
  private static final String UNNAMED =
      """
      const visible = e => e.offsetParent !== null || e.getClientRects().length > 0;
      const named = e => (e.labels && e.labels.length > 0) || e.getAttribute('aria-label') || e.getAttribute('aria-labelledby')
          || (e.tagName === 'BUTTON' && e.textContent.trim());
      return [...document.querySelectorAll('input:not([type=hidden]), select, textarea, button')]
          .filter(visible).filter(e => !named(e)).map(e => e.outerHTML.substring(0, 120));
      """;

  private String integrationName;

  @BeforeEach
  void signIn() {
    integrationName = "Accessible " + ApiFixtures.tag();
    ApiFixtures.createBasicRestIntegration(admin, integrationName);
    browser.login("admin", "admin");
  }

  @Test
  void everyControlOnEveryPageAndDialogHasAName() {
    browser.go("/connections");
    assertNamed("/connections");
    browser.click(By.id("new-connection"));
    browser.visible(By.id("integration-search"));
    assertNamed("connection wizard");
    browser.click(By.xpath("//dialog[@id='wizard']//button[text()='Cancel']"));

    browser.go(ApiFixtures.searching("/admin/integrations", integrationName));
    assertNamed("/admin/integrations");
    browser.click(By.id("new-integration"));
    browser.click(By.cssSelector("label.choice[data-type=REST_API]"));
    browser.click(By.xpath("//input[@name='configMode'][@value='PER_ENVIRONMENT']/.."));
    browser.visible(By.id("panel-DEVELOPMENT"));
    assertNamed("integration form");
    browser.click(By.xpath("//dialog[@id='integration-dialog']//button[text()='Cancel']"));
    browser.until(
        d -> {
          browser
              .visible(
                  By.cssSelector(
                      "[data-testid=integration-card][data-name='"
                          + integrationName
                          + "'] button[aria-label^='Manage versions']"))
              .click();
          return true;
        });
    browser.click(By.xpath("//dialog[@id='versions']//button[text()='Changes']"));
    browser.visible(By.id("revision-diff-title"));
    assertNamed("Manage Versions with its revisions");
    browser.click(By.xpath("//dialog[@id='versions']//button[text()='Cancel']"));

    browser.go("/admin/security/secrets");
    assertNamed("/admin/security/secrets");
    browser.click(By.xpath("//header//button[text()='Administration']"));
    browser.visible(By.id("admin-menu"));
    assertNamed("administration menu");

    browser.go("/admin/templates");
    assertNamed("/admin/templates");

    browser.go("/login");
    assertNamed("/login");
    browser.screenshot("login");
  }

  @Test
  void wizardWorksFromTheKeyboard() {
    browser.go("/connections");
    browser.find(By.cssSelector("#connection-cards:not([aria-busy])"));
    WebElement newConnection = browser.clickable(By.id("new-connection"));
    newConnection.sendKeys(Keys.ENTER);
    // focus lands in the wizard's search box; Tab reaches the first integration, Space selects it
    browser.until(
        d -> "integration-search".equals(d.switchTo().activeElement().getDomAttribute("id")));
    activeElement().sendKeys(Keys.TAB);
    activeElement().sendKeys(Keys.SPACE);
    assertThat(browser.find(By.id("connection-name")).getDomProperty("value")).isNotBlank();
    activeElement().sendKeys(Keys.ESCAPE);
    browser.until(ExpectedConditions.numberOfElementsToBe(By.id("wizard"), 0));
    assertThat(browser.all(By.tagName("h1"))).hasSize(1);
  }

  private WebElement activeElement() {
    return browser.driver().switchTo().activeElement();
  }

  @SuppressWarnings("unchecked")
  private void assertNamed(String where) {
    browser.find(By.cssSelector("main:not([aria-busy])"));
    List<String> unnamed =
        (List<String>) ((JavascriptExecutor) browser.driver()).executeScript(UNNAMED);
    assertThat(unnamed).as("controls without a name on " + where).isEmpty();
    assertThat(browser.all(By.tagName("h1"))).as("h1 on " + where).hasSize(1);
  }
}
