package dev.flowconnections.runtime.ui;

import static dev.flowconnections.runtime.testsupport.ApiFixtures.createConnection;
import static dev.flowconnections.runtime.testsupport.ApiFixtures.createIntegration;
import static org.assertj.core.api.Assertions.assertThat;

import dev.flowconnections.runtime.testsupport.ApiFixtures;
import dev.flowconnections.runtime.testsupport.BrowserTestBase;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

/**
 * The System catalogue in a real headless Chromium: /admin/integrations and /connections group
 * their cards by domain vertical and filter by it; a super admin hides a System integration from
 * the page.
 */
class CataloguePageTest extends BrowserTestBase {

  private static final By GROUPS = By.cssSelector("[data-testid=vertical-group]");

  @Test
  void theIntegrationsPageShowsTheCatalogueGroupedByVerticalAndFiltersByIt() {
    browser.login("admin", "admin");
    browser.go("/admin/integrations");
    browser.find(By.cssSelector("#integration-cards:not([aria-busy])"));
    // the catalogue's entries, not the many Organization integrations other tests leave behind
    browser.click(By.id("scope-system"));
    // the click marks the list busy at once; once it is not, it shows the System page
    browser.find(By.cssSelector("#scope-system[aria-pressed=true]"));
    browser.find(By.cssSelector("#integration-cards:not([aria-busy])"));

    assertThat(cardsIn("AI")).contains("OpenAI", "Anthropic (Claude)", "Ollama (local)");
    assertThat(cardsIn("Database")).contains("PostgreSQL", "SQLite").doesNotContain("OpenAI");
    assertThat(cardsIn("Communication")).contains("Twilio", "AWS SNS");
    assertThat(groupNames()).contains("AI", "Communication", "Database", "Email", "Storage");
    browser.screenshot("integrations-catalogue");

    new Select(browser.visible(By.id("vertical-filter"))).selectByVisibleText("Database");
    browser.until(driver -> groupNames().equals(List.of("Database")));
    assertThat(cardsIn("Database")).contains("PostgreSQL", "MySQL / MariaDB", "Oracle");
    assertThat(browser.all(card("OpenAI"))).isEmpty();

    new Select(browser.visible(By.id("vertical-filter"))).selectByVisibleText("All verticals");
    browser.until(driver -> groupNames().size() > 1);
  }

  @Test
  void theConnectionsPageGroupsByTheIntegrationsVerticalAndFiltersByIt() {
    String tag = ApiFixtures.tag();
    String twilio =
        StreamSupport.stream(
                modeler.get("/api/integrations?vertical=Communication").json().spliterator(), false)
            .filter(i -> i.get("name").asText().equals("Twilio"))
            .findFirst()
            .orElseThrow()
            .get("id")
            .asText();
    createConnection(modeler, twilio, "Texts " + tag, "PERSONAL");
    browser.login("modeler", "modeler");
    browser.go(ApiFixtures.searching("/connections", tag));
    browser.find(By.cssSelector("#connection-cards:not([aria-busy])"));

    assertThat(connectionsIn("Communication")).contains("Texts " + tag);

    new Select(browser.visible(By.id("vertical-filter"))).selectByVisibleText("Database");
    browser.until(
        driver ->
            browser.all(By.cssSelector("#connection-cards:not([aria-busy]) .empty")).size() == 1
                || groupNames().equals(List.of("Database")));
    assertThat(browser.pageSource()).doesNotContain("Texts " + tag);

    new Select(browser.visible(By.id("vertical-filter"))).selectByVisibleText("Communication");
    browser.until(driver -> connectionsIn("Communication").contains("Texts " + tag));
  }

  @Test
  void aSuperAdminHidesASystemIntegrationFromItsCard() {
    String name = "Hideable " + ApiFixtures.tag();
    createIntegration(
        root,
        Map.of(
            "name", name,
            "type", "REST_API",
            "scope", "SYSTEM",
            "domainVertical", "CRM",
            "authScheme", "NONE",
            "config", Map.of("baseUrl", "https://crm.example.test")));
    browser.login("root", "root");
    browser.go(ApiFixtures.searching("/admin/integrations", name));
    browser.find(By.cssSelector("#integration-cards:not([aria-busy])"));

    browser.click(By.cssSelector("button[aria-label='Hide " + name + "']"));
    browser.visible(By.cssSelector("button[aria-label='Show " + name + "']"));

    WebElement card = browser.find(card(name));
    assertThat(card.findElement(By.cssSelector("[data-testid=hidden-badge]")).getText())
        .isEqualTo("Hidden");
    assertThat(modeler.get("/api/integrations?vertical=CRM").body()).doesNotContain(name);
  }

  private static By card(String name) {
    return By.cssSelector("[data-testid=integration-card][data-name='" + name + "']");
  }

  private List<String> groupNames() {
    return browser.all(GROUPS).stream().map(g -> g.getAttribute("data-vertical")).toList();
  }

  private List<String> cardsIn(String vertical) {
    return browser
        .find(By.cssSelector("[data-testid=vertical-group][data-vertical='" + vertical + "']"))
        .findElements(By.cssSelector("[data-testid=integration-card]"))
        .stream()
        .map(c -> c.getAttribute("data-name"))
        .toList();
  }

  private List<String> connectionsIn(String vertical) {
    return browser
        .find(By.cssSelector("[data-testid=vertical-group][data-vertical='" + vertical + "']"))
        .findElements(By.cssSelector("[data-testid=connection-card] h2"))
        .stream()
        .map(WebElement::getText)
        .toList();
  }
}
