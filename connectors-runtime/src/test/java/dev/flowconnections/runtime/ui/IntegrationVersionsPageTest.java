package dev.flowconnections.runtime.ui;

import static dev.flowconnections.runtime.testsupport.ApiFixtures.basicRestIntegration;
import static dev.flowconnections.runtime.testsupport.ApiFixtures.createIntegration;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.flowconnections.runtime.testsupport.ApiFixtures;
import dev.flowconnections.runtime.testsupport.BrowserTestBase;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * Manage Versions → Revisions in a real headless Chromium: an admin sees an integration's
 * revisions, the changes of one, restores an earlier one, saves an edit as a draft revision and
 * activates it. Results are checked through the API.
 */
class IntegrationVersionsPageTest extends BrowserTestBase {

  private String tag;

  @BeforeEach
  void signIn() {
    tag = ApiFixtures.tag();
    browser.login("admin", "admin");
  }

  @Test
  void adminSeesTwoRevisionsTheirChangesAndRestoresTheFirst() {
    String name = "Ledger " + tag;
    String id = createIntegration(admin, basicRestIntegration(name));
    admin.put("/api/integrations/" + id, edit(name, "https://v2.example.test", 1));

    openVersions(name);
    assertThat(revisionRows())
        .extracting(r -> r.getDomAttribute("data-revision") + " " + r.getDomAttribute("data-state"))
        .containsExactly("2 ACTIVE", "1 EARLIER");
    assertThat(revisionRow(2).getText()).contains("#2", "Active", "admin", "config.baseUrl");

    browser.click(By.cssSelector("button[aria-label='Show changes of revision 2']"));
    WebElement diff = browser.visible(By.cssSelector("[data-testid=revision-diff]"));
    assertThat(diff.getText())
        .contains("config.baseUrl", "https://api.example.test", "https://v2.example.test");
    assertThat(browser.driver().switchTo().activeElement().getDomAttribute("id"))
        .isEqualTo("revision-diff-title");
    browser.screenshot("integration-revisions");

    browser.click(By.cssSelector("button[aria-label='Restore revision 1']"));
    browser
        .visible(By.cssSelector("dialog[data-testid=confirm-dialog]"))
        .findElement(By.xpath(".//button[text()='Restore']"))
        .click();
    browser.until(ExpectedConditions.numberOfElementsToBe(By.id("versions"), 0));

    JsonNode restored = admin.get("/api/integrations/" + id).json();
    assertThat(restored.at("/config/baseUrl").asText()).isEqualTo("https://api.example.test");
    assertThat(restored.get("version").asLong()).isEqualTo(3);
    JsonNode newest = admin.get("/api/integrations/" + id + "/revisions").json().get(0);
    assertThat(newest.get("origin").asText()).isEqualTo("RESTORED");

    openVersions(name);
    assertThat(revisionRow(3).getText()).contains("Restored from revision 1");
  }

  @Test
  void adminSavesAnEditAsADraftRevisionAndActivatesIt() {
    String name = "Drafted " + tag;
    String id = createIntegration(admin, basicRestIntegration(name));

    openCardAction(name, "Edit");
    WebElement baseUrl =
        browser.visible(By.cssSelector("#integration-dialog [data-env=ALL] [data-field=baseUrl]"));
    baseUrl.clear();
    baseUrl.sendKeys("https://draft.example.test");
    browser.click(By.xpath("//button[text()='Save as Draft Revision']"));
    browser.until(ExpectedConditions.numberOfElementsToBe(By.id("integration-dialog"), 0));
    assertThat(admin.get("/api/integrations/" + id).text("/config/baseUrl"))
        .as("a draft changes nothing connections use")
        .isEqualTo("https://api.example.test");

    openVersions(name);
    assertThat(revisionRow(2).getDomAttribute("data-state")).isEqualTo("DRAFT");
    browser.click(By.cssSelector("button[aria-label='Show changes of revision 2']"));
    browser.untilText(By.cssSelector("[data-testid=revision-diff]"), "https://draft.example.test");
    browser.click(By.cssSelector("button[aria-label='Activate draft revision 2']"));
    browser
        .visible(By.cssSelector("dialog[data-testid=confirm-dialog]"))
        .findElement(By.xpath(".//button[text()='Activate']"))
        .click();
    browser.until(ExpectedConditions.numberOfElementsToBe(By.id("versions"), 0));

    assertThat(admin.get("/api/integrations/" + id).text("/config/baseUrl"))
        .isEqualTo("https://draft.example.test");
    assertThat(admin.get("/api/integrations/" + id + "/revisions/2").text("/state"))
        .isEqualTo("ACTIVE");
  }

  private void openVersions(String name) {
    openCardAction(name, "Manage versions");
    browser.find(By.cssSelector("#versions [data-testid=revisions] tbody:not([aria-busy]) tr"));
  }

  /** Retried while the list re-renders (the wait ignores stale elements). */
  private void openCardAction(String name, String action) {
    browser.go(ApiFixtures.searching("/admin/integrations", name));
    browser.find(By.cssSelector("#integration-cards:not([aria-busy])"));
    browser.until(
        d -> {
          browser
              .visible(By.cssSelector("[data-testid=integration-card][data-name='" + name + "']"))
              .findElement(By.xpath(".//button[starts-with(@aria-label,'" + action + "')]"))
              .click();
          return true;
        });
  }

  private List<WebElement> revisionRows() {
    return browser.all(By.cssSelector("#versions [data-testid=revisions] tbody tr"));
  }

  private WebElement revisionRow(int revision) {
    return browser.visible(
        By.cssSelector("#versions [data-testid=revisions] tr[data-revision='" + revision + "']"));
  }

  private static Map<String, Object> edit(String name, String baseUrl, Integer version) {
    Map<String, Object> body = new java.util.LinkedHashMap<>();
    body.put("name", name);
    body.put("config", Map.of("baseUrl", baseUrl));
    if (version != null) {
      body.put("version", version);
    }
    return body;
  }
}
