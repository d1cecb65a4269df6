package dev.flowconnections.runtime.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.flowconnections.runtime.testsupport.ApiFixtures;
import dev.flowconnections.runtime.testsupport.BrowserTestBase;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * Publishing from the UI: the Administration menu by mouse and keyboard, the Element templates page
 * (status per template, Publish), Download templates for any user, and the wizard's note on where a
 * new connection can be picked in Modeler and whether it is published yet.
 */
class TemplatesPageTest extends BrowserTestBase {

  static final String REST_TEMPLATE = "io.flowconnections.rest-api";

  @Test
  void anAdminPublishesFromTheElementTemplatesPage() {
    browser.login("admin", "admin");
    browser.click(By.xpath("//header//button[text()='Administration']"));
    browser.click(By.linkText("Element templates"));
    assertThat(browser.path()).isEqualTo("/admin/templates");
    browser.find(By.cssSelector("#template-table:not([aria-busy]) table"));
    assertThat(browser.find(By.id("auto-publish")).getText()).startsWith("Auto-publish: on");

    browser.click(By.id("publish-templates"));
    browser.untilText(By.id("toast"), "Published:");
    browser.find(By.cssSelector("#template-table:not([aria-busy]) table"));

    JsonNode status = admin.get("/api/templates/status").json();
    WebElement rest = templateRow(REST_TEMPLATE);
    JsonNode restStatus = entry(status, REST_TEMPLATE);
    assertThat(rest.getText())
        .contains(
            restStatus.get("name").asText(),
            REST_TEMPLATE,
            restStatus.get("publishedBy").asText(),
            "Up to date");
    assertThat(rest.findElements(By.tagName("td")).get(0).getText())
        .isEqualTo(restStatus.get("version").asText());
    assertThat(browser.all(By.cssSelector("[data-testid=template-row]")))
        .hasSize(status.get("templates").size());
    browser.screenshot("element-templates");
  }

  @Test
  void theAdministrationMenuWorksFromTheKeyboard() {
    browser.login("admin", "admin");
    WebElement toggle = browser.clickable(By.xpath("//header//button[text()='Administration']"));
    assertThat(toggle.getDomAttribute("aria-expanded")).isEqualTo("false");
    assertThat(browser.find(By.id("admin-menu")).isDisplayed()).isFalse();

    toggle.sendKeys(Keys.ARROW_DOWN);
    assertThat(toggle.getDomAttribute("aria-expanded")).isEqualTo("true");
    assertThat(focusedText()).isEqualTo("Integrations");
    active().sendKeys(Keys.ARROW_DOWN);
    assertThat(focusedText()).isEqualTo("Secrets");
    active().sendKeys(Keys.END);
    assertThat(focusedText()).isEqualTo("Element templates");
    active().sendKeys(Keys.ARROW_DOWN);
    assertThat(focusedText()).as("wraps around").isEqualTo("Integrations");
    active().sendKeys(Keys.ESCAPE);
    browser.until(ExpectedConditions.invisibilityOfElementLocated(By.id("admin-menu")));
    assertThat(focusedText()).isEqualTo("Administration");

    active().sendKeys(Keys.ENTER);
    browser.visible(By.id("admin-menu"));
    active().sendKeys(Keys.ENTER);
    browser.until(ExpectedConditions.invisibilityOfElementLocated(By.id("admin-menu")));
    active().sendKeys(Keys.ARROW_UP);
    assertThat(focusedText()).isEqualTo("Element templates");
    active().sendKeys(Keys.ENTER);
    browser.until(ExpectedConditions.urlContains("/admin/templates"));
    assertThat(
            browser
                .find(By.cssSelector("header.top a[aria-current=page]"))
                .getDomProperty("textContent"))
        .isEqualTo("Element templates");
  }

  @Test
  void theWizardSaysWhereTheNewConnectionIsPickedAndAnyUserDownloadsTheirTemplates() {
    String tag = ApiFixtures.tag();
    String integrationName = "Modeler API " + tag;
    ApiFixtures.createBasicRestIntegration(admin, integrationName);
    browser.login("modeler", "modeler");
    assertThat(
            browser
                .find(By.cssSelector("[data-testid=download-templates]"))
                .getDomAttribute("href"))
        .isEqualTo("/api/templates/download");

    browser.click(By.id("new-connection"));
    browser.type(By.id("integration-search"), tag);
    browser.click(
        By.xpath(
            "//dialog[@id='wizard']//label[contains(@class,'choice')][.//strong[text()='"
                + integrationName
                + "']]"));
    browser.type(By.id("connection-name"), "Personal Modeler " + tag);
    browser.click(By.xpath("//input[@name='visibility'][@value='PERSONAL']/.."));
    browser.click(By.xpath("//button[text()='Create Connection']"));
    browser.until(
        d ->
            d.findElement(By.cssSelector("[data-testid=modeler-availability]"))
                .getText()
                .startsWith("Available in Modeler"));
    String note = browser.find(By.cssSelector("[data-testid=modeler-availability]")).getText();
    String templateName = entry(adminStatus(), REST_TEMPLATE).get("name").asText();
    assertThat(note).contains("the " + templateName + " task's Connection dropdown");
    assertThat(note)
        .satisfiesAnyOf(
            text -> assertThat(text).contains("after the next publication (auto-publish: on"),
            text -> assertThat(text).contains("(published)"));

    // the modeler's own download, as the link fetches it: an attachment with the personal one
    String key = modeler.get("/api/connections?search=" + tag).json().get(0).get("key").asText();
    admin.post("/api/templates/publish", Map.of());
    Map<?, ?> download = fetch("/api/templates/download");
    assertThat((String) download.get("disposition")).contains("attachment");
    assertThat((String) download.get("body")).contains("\"value\":\"" + key + "\"");
    assertThat(other.get("/api/templates/download").body()).doesNotContain(key);

    // reopened after the publication, the note says it is there
    browser.click(By.xpath("//dialog[@id='wizard']//button[text()='Done']"));
    browser.until(ExpectedConditions.numberOfElementsToBe(By.id("wizard"), 0));
    // the list pages on the server: the shared test database may put this card past page 1
    browser.type(By.id("connection-search"), tag);
    browser.until(
        d -> {
          d.findElement(By.cssSelector("#connection-cards:not([aria-busy])"))
              .findElement(By.cssSelector("[data-key='" + key + "'] button[aria-label^='Edit']"))
              .click();
          return true;
        });
    browser.click(By.xpath("//button[text()='Save and continue']"));
    browser.untilText(By.cssSelector("[data-testid=modeler-availability]"), "(published)");
  }

  private WebElement templateRow(String templateId) {
    return browser.visible(
        By.cssSelector("[data-testid=template-row][data-template='" + templateId + "']"));
  }

  private JsonNode adminStatus() {
    return admin.get("/api/templates/status").json();
  }

  private static JsonNode entry(JsonNode status, String templateId) {
    for (JsonNode template : status.get("templates")) {
      if (template.get("templateId").asText().equals(templateId)) {
        return template;
      }
    }
    throw new AssertionError(templateId + " missing from " + status);
  }

  private WebElement active() {
    return browser.driver().switchTo().activeElement();
  }

  private String focusedText() {
    return active().getDomProperty("textContent");
  }

  /** A GET from the page's own session, as the download link sends it. */
  private Map<?, ?> fetch(String path) {
    return (Map<?, ?>)
        ((JavascriptExecutor) browser.driver())
            .executeAsyncScript(
                """
                const done = arguments[arguments.length - 1];
                fetch(arguments[0], {credentials: 'same-origin'})
                  .then(async r => done({status: r.status,
                    disposition: r.headers.get('Content-Disposition'), body: await r.text()}));
                """,
                path);
  }
}
