package dev.flowconnections.runtime.ui;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flowconnections.runtime.testsupport.ApiFixtures;
import dev.flowconnections.runtime.testsupport.BrowserTestBase;
import dev.flowconnections.runtime.testsupport.RecordingHttpServer;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * The /connections page in a real headless Chromium, as a user goes through it: the wizard (select
 * an integration, name filled in, visibility), credentials for two environments saved row by row,
 * the card's status, an edit that leaves the secret blank, test connection against a local server,
 * and delete with confirmation. What the stored secret is gets checked through the real REST
 * connection tester (the Authorization header the local server received), never by reading it back
 * in the page.
 */
class ConnectionsPageTest extends BrowserTestBase {

  /** The API the connections call when tested; closed after the class. */
  @AutoClose private static final RecordingHttpServer UPSTREAM = RecordingHttpServer.start();

  private String tag;
  private String integrationName;

  @BeforeEach
  void integrationAndUser() {
    tag = ApiFixtures.tag();
    integrationName = "Orders API " + tag;
    Map<String, Object> integration = ApiFixtures.basicRestIntegration(integrationName);
    integration.put("config", Map.of("baseUrl", UPSTREAM.baseUrl() + "/orders"));
    ApiFixtures.createIntegration(admin, integration);
    UPSTREAM.reset();
    browser.login("modeler", "modeler");
    browser.go(ApiFixtures.searching("/connections", tag));
  }

  @Test
  void
      wizardCreatesConnectionWithTwoEnvironmentsFindsItThenEditKeepsBlankSecretAndDeleteAsksFirst() {
    // step 1: search and select the integration; the name follows it until the user edits it
    openWizardAndChooseTheIntegration();
    assertThat(browser.find(By.id("connection-name")).getDomProperty("value"))
        .isEqualTo(integrationName);
    browser.type(By.id("connection-name"), "Sales Orders " + tag);
    browser.click(By.xpath("//input[@name='visibility'][@value='ORGANIZATION']/.."));
    browser.type(By.id("allowed-processes"), "order-fulfilment, billing");
    assertThat(browser.all(By.id("allowed-in-production")))
        .as("a USER gets no production toggle")
        .isEmpty();
    browser.click(By.xpath("//button[text()='Create Connection']"));

    // step 2: Development and QA, each saved by its own row's button
    saveRow("DEVELOPMENT", "svc-dev", "dev-password-" + tag);
    saveRow("QA", "svc-qa", "qa-password-" + tag);
    assertThat(rowStatus("STAGING")).isEqualTo("Not configured");
    browser.screenshot("connection-wizard-step2");

    testRow("DEVELOPMENT");
    assertThat(UPSTREAM.lastRequest().header("Authorization"))
        .isEqualTo(basic("svc-dev", "dev-password-" + tag));

    browser.click(By.xpath("//dialog[@id='wizard']//button[text()='Done']"));
    browser.until(ExpectedConditions.numberOfElementsToBe(By.id("wizard"), 0));
    assertThat(card("sales-orders-" + tag).getText())
        .contains(
            "Sales Orders " + tag,
            integrationName + " · REST API",
            "Organization",
            "2 of 4 environments configured");
    browser.screenshot("connections");
    browser.type(By.id("connection-search"), "no-such-" + tag);
    browser.until(
        ExpectedConditions.invisibilityOfElementLocated(cardLocator("sales-orders-" + tag)));
    browser.type(By.id("connection-search"), "sales orders " + tag);
    card("sales-orders-" + tag);

    // edit: pre-filled; the password input is empty with a placeholder; blank keeps the stored one
    clickInCard("sales-orders-" + tag, "Edit");
    assertThat(browser.visible(By.id("connection-name")).getDomProperty("value"))
        .isEqualTo("Sales Orders " + tag);
    assertThat(browser.find(By.id("allowed-processes")).getDomProperty("value"))
        .isEqualTo("order-fulfilment\nbilling");
    browser.click(By.xpath("//button[text()='Save and continue']"));
    WebElement password = row("DEVELOPMENT").findElement(By.cssSelector("[data-field=password]"));
    assertThat(password.getDomProperty("value")).isEmpty();
    assertThat(password.getDomAttribute("placeholder")).contains("stored", "leave blank to keep");
    WebElement username = row("DEVELOPMENT").findElement(By.cssSelector("[data-field=username]"));
    assertThat(username.getDomProperty("value")).isEqualTo("svc-dev");
    username.clear();
    username.sendKeys("svc-dev-2");
    row("DEVELOPMENT").findElement(By.xpath(".//button[text()='Save Credentials']")).click();
    browser.until(
        ExpectedConditions.textToBePresentInElementLocated(
            By.id("toast"), "Development credentials saved"));
    UPSTREAM.reset();
    testRow("DEVELOPMENT");
    assertThat(UPSTREAM.lastRequest().header("Authorization"))
        .isEqualTo(basic("svc-dev-2", "dev-password-" + tag));
    assertThat(browser.pageSource()).doesNotContain("dev-password-" + tag, "qa-password-" + tag);
    browser.click(By.xpath("//dialog[@id='wizard']//button[text()='Done']"));
    browser.until(ExpectedConditions.numberOfElementsToBe(By.id("wizard"), 0));

    // delete asks first: Cancel keeps the connection, Delete removes it
    clickDelete("sales-orders-" + tag);
    browser.click(By.xpath("//dialog[@data-testid='confirm-dialog']//button[text()='Cancel']"));
    assertThat(modeler.get("/api/connections?search=" + tag).json()).hasSize(1);
    assertThat(
            modeler
                .get("/api/connections?search=" + tag)
                .json()
                .get(0)
                .get("allowedProcesses")
                .toString())
        .isEqualTo("[\"order-fulfilment\",\"billing\"]");
    clickDelete("sales-orders-" + tag);
    assertThat(browser.visible(By.cssSelector("dialog[data-testid=confirm-dialog]")).getText())
        .contains("Delete connection “Sales Orders " + tag + "”?", "sales-orders-" + tag);
    browser.click(By.xpath("//dialog[@data-testid='confirm-dialog']//button[text()='Delete']"));
    browser.until(
        ExpectedConditions.invisibilityOfElementLocated(cardLocator("sales-orders-" + tag)));
    assertThat(modeler.get("/api/connections?search=" + tag).json()).isEmpty();
  }

  @Test
  void saveShowsTheProblemNextToTheFieldItNames() {
    openWizardAndChooseTheIntegration();
    browser.click(By.xpath("//button[text()='Create Connection']"));
    WebElement row = row("STAGING");
    row.findElement(By.cssSelector("[data-field=username]")).sendKeys("svc");
    row.findElement(By.xpath(".//button[text()='Save Credentials']")).click();
    browser.until(d -> row.findElements(By.cssSelector(".field .error")).size() == 1);
    assertThat(row.findElement(By.cssSelector(".field .error")).getText())
        .isEqualTo("Password is required");
    assertThat(
            row.findElement(By.cssSelector("[data-field=password]"))
                .getDomAttribute("aria-invalid"))
        .isEqualTo("true");
    assertThat(rowStatus("STAGING")).isEqualTo("Not configured");
  }

  @Test
  void anEmptiedOptionalSettingIsClearedWhileABlankSecretIsKeptAndARequiredOneIsRefused() {
    String mailIntegration =
        ApiFixtures.createIntegration(
            admin,
            Map.of(
                "name",
                "Mail " + tag,
                "type",
                "EMAIL",
                "authScheme",
                "NONE",
                "config",
                Map.of("provider", "SMTP", "host", "smtp.example.test")));
    String id =
        ApiFixtures.createConnection(modeler, mailIntegration, "Mailer " + tag, "ORGANIZATION")
            .text("/id");
    modeler.put(
        "/api/connections/" + id + "/environments/QA",
        ApiFixtures.credentials(Map.of("username", "mailer", "password", "smtp-pw-" + tag)));
    browser.go(ApiFixtures.searching("/connections", tag));
    clickInCard("mailer-" + tag, "Edit");
    browser.click(By.xpath("//button[text()='Save and continue']"));

    WebElement username = row("QA").findElement(By.cssSelector("[data-field=username]"));
    assertThat(username.getDomProperty("value")).isEqualTo("mailer");
    username.clear();
    row("QA").findElement(By.xpath(".//button[text()='Save Credentials']")).click();
    browser.until(
        ExpectedConditions.textToBePresentInElementLocated(By.id("toast"), "QA credentials saved"));

    var qa = modeler.get("/api/connections/" + id).json().at("/environments/QA");
    assertThat(qa.at("/fields/username").isMissingNode()).as(qa.toString()).isTrue();
    assertThat(qa.at("/fields/password/set").asBoolean()).as("the blank secret kept").isTrue();
    assertThat(
            row("QA").findElement(By.cssSelector("[data-field=username]")).getDomProperty("value"))
        .isEmpty();
    browser.click(By.xpath("//dialog[@id='wizard']//button[text()='Done']"));
    browser.until(ExpectedConditions.numberOfElementsToBe(By.id("wizard"), 0));

    // the REST integration's username is required: emptying it is refused beside the field
    String restId =
        ApiFixtures.createConnection(
                modeler, integrationIdNamed(integrationName), "Required " + tag, "ORGANIZATION")
            .text("/id");
    modeler.put(
        "/api/connections/" + restId + "/environments/DEVELOPMENT",
        ApiFixtures.credentials(Map.of("username", "svc", "password", "pw-" + tag)));
    browser.go(ApiFixtures.searching("/connections", tag));
    clickInCard("required-" + tag, "Edit");
    browser.click(By.xpath("//button[text()='Save and continue']"));
    WebElement required = row("DEVELOPMENT").findElement(By.cssSelector("[data-field=username]"));
    required.clear();
    row("DEVELOPMENT").findElement(By.xpath(".//button[text()='Save Credentials']")).click();
    browser.until(
        d -> row("DEVELOPMENT").findElements(By.cssSelector(".field .error")).size() == 1);
    assertThat(row("DEVELOPMENT").findElement(By.cssSelector(".field .error")).getText())
        .isEqualTo("Username is required");
    assertThat(
            modeler
                .get("/api/connections/" + restId)
                .text("/environments/DEVELOPMENT/fields/username"))
        .isEqualTo("svc");
  }

  @Test
  void anEnvironmentTheIntegrationHasNoConfigurationForSaysSo() {
    String perEnvironment =
        ApiFixtures.createIntegration(
            admin,
            Map.of(
                "name",
                "Per env " + tag,
                "type",
                "REST_API",
                "authScheme",
                "BASIC",
                "configMode",
                "PER_ENVIRONMENT",
                "environments",
                Map.of("DEVELOPMENT", Map.of("baseUrl", UPSTREAM.baseUrl() + "/orders"))));
    String id =
        ApiFixtures.createConnection(modeler, perEnvironment, "Half " + tag, "ORGANIZATION")
            .text("/id");
    for (String environment : new String[] {"DEVELOPMENT", "PRODUCTION"}) {
      modeler.put(
          "/api/connections/" + id + "/environments/" + environment,
          ApiFixtures.credentials(Map.of("username", "svc", "password", "pw-" + tag)));
    }
    browser.go(ApiFixtures.searching("/connections", tag));
    assertThat(card("half-" + tag).getText()).contains("1 of 4 environments configured");
    clickInCard("half-" + tag, "Edit");
    browser.click(By.xpath("//button[text()='Save and continue']"));

    assertThat(rowStatus("DEVELOPMENT")).isEqualTo("Configured");
    assertThat(rowStatus("PRODUCTION"))
        .isEqualTo("Integration not configured for this environment");
  }

  private String integrationIdNamed(String name) {
    for (var integration : admin.get("/api/integrations?search=" + tag).json()) {
      if (name.equals(integration.get("name").asText())) {
        return integration.get("id").asText();
      }
    }
    throw new AssertionError("no integration named " + name);
  }

  @Test
  void namesAreShownAsTextNeverAsMarkup() {
    String integrationId =
        admin.get("/api/integrations?search=" + tag).json().get(0).get("id").asText();
    String name = "<img src=x onerror=\"document.title='injected'\"> " + tag;
    ApiFixtures.createConnection(modeler, integrationId, name, "PERSONAL");
    browser.go(ApiFixtures.searching("/connections", tag));
    WebElement card =
        browser.visible(
            By.xpath(
                "//li[@data-testid='connection-card'][.//h2[contains(text(), '" + tag + "')]]"));
    assertThat(card.findElement(By.tagName("h2")).getText()).isEqualTo(name);
    assertThat(card.findElements(By.tagName("img"))).isEmpty();
    assertThat(browser.driver().getTitle()).isEqualTo("Connections · Flow Connections");
  }

  @Test
  void theListPagesOnTheServerAndTheSearchBoxAsksTheServer() {
    String integrationId =
        admin.get("/api/integrations?search=" + tag).json().get(0).get("id").asText();
    for (int i = 0; i <= 100; i++) {
      ApiFixtures.createConnection(
          modeler, integrationId, String.format("Paged %03d %s", i, tag), "ORGANIZATION");
    }
    browser.go(ApiFixtures.searching("/connections", tag));
    By status = By.id("connection-pager-status");
    browser.untilText(status, "1–100 of 101");
    assertThat(browser.all(By.cssSelector("[data-testid=connection-card]"))).hasSize(100);
    assertThat(browser.find(By.id("connection-pager-previous")).isEnabled()).isFalse();

    // keyboard: the buttons are real buttons
    browser.find(By.id("connection-pager-next")).sendKeys(Keys.ENTER);
    browser.untilText(status, "101–101 of 101");
    browser.visible(cardLocator("paged-100-" + tag));
    assertThat(browser.find(By.id("connection-pager-next")).isEnabled()).isFalse();
    browser.find(By.id("connection-pager-previous")).sendKeys(Keys.ENTER);
    browser.untilText(status, "1–100 of 101");
    browser.visible(cardLocator("paged-000-" + tag));

    browser.type(By.id("connection-search"), "PAGED 042 " + tag);
    browser.untilText(status, "1–1 of 1");
    browser.visible(cardLocator("paged-042-" + tag));
    assertThat(browser.all(By.cssSelector("[data-testid=connection-card]"))).hasSize(1);
  }

  private void saveRow(String environment, String username, String password) {
    WebElement row = row(environment);
    row.findElement(By.cssSelector("[data-field=username]")).sendKeys(username);
    row.findElement(By.cssSelector("[data-field=password]")).sendKeys(password);
    row.findElement(By.xpath(".//button[text()='Save Credentials']")).click();
    browser.until(d -> "Configured".equals(rowStatus(environment)));
  }

  private void testRow(String environment) {
    row(environment).findElement(By.xpath(".//button[text()='Test connection']")).click();
    browser.until(
        d ->
            row(environment)
                .findElement(By.cssSelector("[data-testid=test-result]"))
                .getText()
                .startsWith("✔ Test passed"));
  }

  private WebElement row(String environment) {
    return browser.visible(
        By.cssSelector("dialog#wizard form.env-row[data-env=" + environment + "]"));
  }

  private String rowStatus(String environment) {
    return row(environment).findElement(By.cssSelector("[data-testid=env-status]")).getText();
  }

  private static By cardLocator(String key) {
    return By.cssSelector("[data-testid=connection-card][data-key='" + key + "']");
  }

  /**
   * The card once the list has finished (re)loading, so it is not replaced under the test's hands.
   */
  private WebElement card(String key) {
    browser.find(By.cssSelector("#connection-cards:not([aria-busy])"));
    return browser.visible(cardLocator(key));
  }

  /**
   * Retried while the list re-renders (the wait ignores stale elements), so the click lands on the
   * current card.
   */
  private void clickDelete(String key) {
    clickInCard(key, "Delete");
  }

  private void clickInCard(String key, String action) {
    browser.until(
        d -> {
          card(key)
              .findElement(By.xpath(".//button[starts-with(@aria-label,'" + action + "')]"))
              .click();
          return true;
        });
  }

  private static String basic(String username, String password) {
    return "Basic "
        + Base64.getEncoder()
            .encodeToString((username + ":" + password).getBytes(StandardCharsets.UTF_8));
  }

  /** Opens the new-connection wizard, searches this test's integration and selects it. */
  private void openWizardAndChooseTheIntegration() {
    browser.click(By.id("new-connection"));
    browser.type(By.id("integration-search"), tag);
    browser.click(
        By.xpath(
            "//dialog[@id='wizard']//label[contains(@class,'choice')][.//strong[text()='"
                + integrationName
                + "']]"));
  }
}
