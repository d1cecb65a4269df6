package dev.flowconnections.runtime.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.flowconnections.runtime.testsupport.ApiFixtures;
import dev.flowconnections.runtime.testsupport.BrowserTestBase;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;

/**
 * /admin/integrations in a real headless Chromium, as an admin uses it: the New Integration form
 * (basic info, type card, auth type with its fields, per-environment tabs with Copy from…), the
 * card it makes, search and scope tabs, edit with the type locked, Manage Versions, and a delete
 * whose confirmation lists the connections it takes along. Results are checked through the API.
 */
class IntegrationsPageTest extends BrowserTestBase {

  private String tag;

  @BeforeEach
  void signIn() {
    tag = ApiFixtures.tag();
    browser.login("admin", "admin");
    browser.go(ApiFixtures.searching("/admin/integrations", tag));
    browser.find(By.cssSelector("#integration-cards:not([aria-busy])"));
  }

  @Test
  void
      adminCreatesPerEnvironmentIntegrationWithCopyFromThenEditsLifecycleAndDeletesWithItsConnections() {
    String name = "Payments " + tag;
    browser.click(By.id("new-integration"));
    browser.type(By.id("integration-name"), name);
    browser.type(By.id("integration-description"), "Card payments");
    browser.click(By.cssSelector("label.choice[data-type=REST_API]"));
    new Select(browser.visible(By.id("integration-authScheme"))).selectByVisibleText("API Key");
    browser.untilText(By.cssSelector("[data-testid=credential-note]"), "API key");
    ((org.openqa.selenium.JavascriptExecutor) browser.driver())
        .executeScript("document.querySelector('#integration-dialog .dialog-body').scrollTop = 0");
    browser.screenshot("integration-new-form");
    browser.click(By.xpath("//input[@name='configMode'][@value='PER_ENVIRONMENT']/.."));

    // Development typed by hand, Production copied from it and then changed
    WebElement development = browser.visible(By.id("panel-DEVELOPMENT"));
    development
        .findElement(By.cssSelector("[data-field=baseUrl]"))
        .sendKeys("https://dev.pay.example");
    WebElement keyName = development.findElement(By.cssSelector("[data-field=apiKeyName]"));
    keyName.clear();
    keyName.sendKeys("X-Pay-Key");
    browser.click(By.id("tab-PRODUCTION"));
    WebElement production = browser.visible(By.id("panel-PRODUCTION"));
    new Select(production.findElement(By.id("copy-PRODUCTION"))).selectByVisibleText("Development");
    production.findElement(By.xpath(".//button[text()='Copy']")).click();
    WebElement productionUrl =
        browser.visible(By.cssSelector("#panel-PRODUCTION [data-field=baseUrl]"));
    assertThat(productionUrl.getDomProperty("value")).isEqualTo("https://dev.pay.example");
    productionUrl.clear();
    productionUrl.sendKeys("https://pay.example");
    browser.screenshot("integration-new-form-environments");
    browser.click(By.xpath("//button[text()='Create Integration']"));
    browser.until(ExpectedConditions.numberOfElementsToBe(By.id("integration-dialog"), 0));

    JsonNode created = admin.get("/api/integrations?search=" + tag).json().get(0);
    assertThat(created.get("type").asText()).isEqualTo("REST_API");
    assertThat(created.get("authScheme").asText()).isEqualTo("API_KEY");
    assertThat(created.get("configMode").asText()).isEqualTo("PER_ENVIRONMENT");
    assertThat(created.at("/environments/DEVELOPMENT/baseUrl").asText())
        .isEqualTo("https://dev.pay.example");
    assertThat(created.at("/environments/PRODUCTION/baseUrl").asText())
        .isEqualTo("https://pay.example");
    assertThat(created.at("/environments/PRODUCTION/apiKeyName").asText()).isEqualTo("X-Pay-Key");
    assertThat(created.at("/environments/QA").isMissingNode()).isTrue();
    assertThat(card(name).getText())
        .contains(name, "REST API", "Organization", "Active", "Card payments");
    browser.screenshot("integrations");

    // search by type label, scope tabs
    browser.type(By.id("integration-search"), "Database");
    browser.until(ExpectedConditions.invisibilityOfElementLocated(cardLocator(name)));
    browser.type(By.id("integration-search"), "REST API");
    assertThat(card(name).isDisplayed()).isTrue();
    browser.click(By.id("scope-system"));
    browser.until(ExpectedConditions.invisibilityOfElementLocated(cardLocator(name)));
    browser.click(By.id("scope-organization"));
    assertThat(card(name).isDisplayed()).isTrue();

    // edit: pre-filled, the type cannot change
    clickInCard(name, "Edit");
    assertThat(browser.visible(By.id("integration-name")).getDomProperty("value")).isEqualTo(name);
    assertThat(browser.find(By.cssSelector("input[name=type][value=REST_API]")).isSelected())
        .isTrue();
    assertThat(browser.all(By.cssSelector("input[name=type]")))
        .allMatch(radio -> !radio.isEnabled());
    browser.click(By.id("tab-PRODUCTION"));
    assertThat(
            browser
                .visible(By.cssSelector("#panel-PRODUCTION [data-field=baseUrl]"))
                .getDomProperty("value"))
        .isEqualTo("https://pay.example");
    browser.click(By.xpath("//button[text()='Cancel']"));
    browser.until(ExpectedConditions.numberOfElementsToBe(By.id("integration-dialog"), 0));

    // Manage Versions: ACTIVE -> DEPRECATED (DRAFT is no longer offered)
    clickInCard(name, "Manage versions");
    assertThat(browser.visible(By.cssSelector("#versions input[value=DRAFT]")).isEnabled())
        .isFalse();
    browser.click(By.xpath("//dialog[@id='versions']//input[@value='DEPRECATED']/.."));
    browser.click(By.xpath("//button[text()='Save status']"));
    browser.until(ExpectedConditions.numberOfElementsToBe(By.id("versions"), 0));
    assertThat(admin.get("/api/integrations/" + created.get("id").asText()).text("/status"))
        .isEqualTo("DEPRECATED");
    assertThat(card(name).findElement(By.cssSelector("[data-testid=lifecycle]")).getText())
        .isEqualTo("Deprecated");

    // delete: the confirmation names the connection that goes with it
    admin.put(
        "/api/integrations/" + created.get("id").asText(),
        java.util.Map.of(
            "name",
            name,
            "status",
            "ACTIVE",
            "version",
            created.get("version").asLong() + 1,
            "environments",
            java.util.Map.of(
                "DEVELOPMENT", java.util.Map.of("baseUrl", "https://dev.pay.example"))));
    ApiFixtures.createConnection(
        modeler, created.get("id").asText(), "Checkout " + tag, "ORGANIZATION");
    browser.go(ApiFixtures.searching("/admin/integrations", tag));
    clickInCard(name, "Delete");
    WebElement confirm = browser.visible(By.cssSelector("dialog[data-testid=confirm-dialog]"));
    assertThat(confirm.findElement(By.cssSelector("[data-testid=affected-connections]")).getText())
        .contains("Checkout " + tag, "checkout-" + tag);
    confirm.findElement(By.xpath(".//button[text()='Delete with 1 connection']")).click();
    browser.until(ExpectedConditions.invisibilityOfElementLocated(cardLocator(name)));
    assertThat(admin.get("/api/integrations?search=" + tag).json()).isEmpty();
    assertThat(modeler.get("/api/connections?search=" + tag).json()).isEmpty();
  }

  @Test
  void missingRequiredConfigurationIsShownBesideTheFieldOfItsEnvironmentTab() {
    browser.click(By.id("new-integration"));
    browser.type(By.id("integration-name"), "Broken " + tag);
    browser.click(By.cssSelector("label.choice[data-type=REST_API]"));
    browser.click(By.xpath("//input[@name='configMode'][@value='PER_ENVIRONMENT']/.."));
    browser.click(By.id("tab-QA"));
    browser.visible(By.cssSelector("#panel-QA [data-field=healthPath]")).sendKeys("/health");
    browser.click(By.xpath("//button[text()='Create Integration']"));
    WebElement error = browser.visible(By.cssSelector("#panel-QA .field .error"));
    assertThat(error.getText()).isEqualTo("Base URL is required");
    assertThat(browser.find(By.id("tab-QA")).getDomAttribute("aria-selected")).isEqualTo("true");
    assertThat(admin.get("/api/integrations?search=" + tag).json()).isEmpty();
  }

  /** Retried while the list re-renders (the wait ignores stale elements). */
  private void clickInCard(String name, String action) {
    browser.until(
        d -> {
          card(name)
              .findElement(By.xpath(".//button[starts-with(@aria-label,'" + action + "')]"))
              .click();
          return true;
        });
  }

  private static By cardLocator(String name) {
    return By.cssSelector("[data-testid=integration-card][data-name='" + name + "']");
  }

  private WebElement card(String name) {
    browser.find(By.cssSelector("#integration-cards:not([aria-busy])"));
    return browser.visible(cardLocator(name));
  }
}
