package dev.flowconnections.runtime.ui;

import static dev.flowconnections.runtime.testsupport.ApiFixtures.credentials;
import static org.assertj.core.api.Assertions.assertThat;

import dev.flowconnections.runtime.testsupport.ApiClient;
import dev.flowconnections.runtime.testsupport.ApiFixtures;
import dev.flowconnections.runtime.testsupport.BrowserTestBase;
import dev.flowconnections.runtime.testsupport.RecordingHttpServer;
import java.util.Map;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * /admin/security/secrets in a real headless Chromium: create, rotate and delete, the value never
 * on the page after saving, and the usage column naming the connection that references the key.
 * That a rotation took effect is checked where it matters: the header a connection test sends.
 */
class SecretsPageTest extends BrowserTestBase {

  /** The API the connections call when tested; closed after the class. */
  @AutoClose private static final RecordingHttpServer UPSTREAM = RecordingHttpServer.start();

  private String tag;
  private String key;

  @BeforeEach
  void signIn() {
    tag = ApiFixtures.tag();
    key = "ORDERS_KEY_" + tag.toUpperCase();
    browser.login("admin", "admin");
    browser.go("/admin/security/secrets");
    browser.find(By.cssSelector("#secret-table:not([aria-busy])"));
  }

  @Test
  void adminCreatesRotatesAndDeletesSecretWithoutEverSeeingItsValue() {
    String first = "first-value-" + tag;
    String second = "second-value-" + tag;
    browser.type(By.id("secret-key"), key);
    browser.type(By.id("secret-value"), first);
    browser.click(By.xpath("//button[text()='Create Secret']"));
    WebElement row = row();
    assertThat(row.getText()).contains(key, "@@SECRET:" + key + "@@", "by admin", "Not used");
    assertThat(browser.find(By.id("secret-value")).getDomProperty("value")).isEmpty();

    // a connection references the secret from its API key field
    String connectionId = referencingConnection();
    browser.go("/admin/security/secrets");
    assertThat(usage().getText()).contains("Checkout " + tag + " (Development)");
    browser.screenshot("secrets");
    assertThat(testedApiKey(connectionId)).isEqualTo(first);

    // rotate
    row().findElement(By.xpath(".//button[text()='Rotate']")).click();
    browser.type(By.id("rotate-value"), second);
    browser.click(By.xpath("//button[text()='Save new value']"));
    browser.until(ExpectedConditions.numberOfElementsToBe(By.id("rotate-dialog"), 0));
    assertThat(testedApiKey(connectionId)).isEqualTo(second);

    // creating the same key again is refused on the page: rotation is the way to change it
    browser.type(By.id("secret-key"), key);
    browser.type(By.id("secret-value"), "third-" + tag);
    browser.click(By.xpath("//button[text()='Create Secret']"));
    browser.untilText(By.cssSelector("#secret-form .form-error"), "use Rotate");
    assertThat(testedApiKey(connectionId)).isEqualTo(second);

    // delete: the confirmation names the connection that will break
    row().findElement(By.xpath(".//button[text()='Delete']")).click();
    WebElement confirm = browser.visible(By.cssSelector("dialog[data-testid=confirm-dialog]"));
    assertThat(confirm.findElement(By.cssSelector("[data-testid=secret-users]")).getText())
        .contains("Checkout " + tag);
    confirm.findElement(By.xpath(".//button[text()='Delete']")).click();
    browser.until(ExpectedConditions.invisibilityOfElementLocated(rowLocator()));
    assertThat(admin.get("/api/secrets").body()).doesNotContain(key);

    assertThat(browser.pageSource()).doesNotContain(first, second);
    assertThat(api.transcript())
        .noneMatch(entry -> entry.contains(first) || entry.contains(second));
  }

  @Test
  void adminSetsTheProcessesAllowedToUseASecret() {
    browser.type(By.id("secret-key"), key);
    browser.type(By.id("secret-value"), "scoped-value-" + tag);
    browser.type(By.id("secret-processes"), "billing, shipping");
    browser.click(By.xpath("//button[text()='Create Secret']"));
    assertThat(row().findElement(By.cssSelector("[data-testid=allowed-processes]")).getText())
        .isEqualTo("billing, shipping");

    row().findElement(By.xpath(".//button[text()='Processes']")).click();
    WebElement processes = browser.visible(By.id("scope-processes"));
    assertThat(processes.getDomProperty("value")).isEqualTo("billing\nshipping");
    browser.type(By.id("scope-processes"), "billing\n9-not-an-id");
    browser.click(By.xpath("//button[text()='Save']"));
    browser.untilText(By.id("scope-processes-error"), "entry 2");

    browser.type(By.id("scope-processes"), "billing");
    browser.click(By.xpath("//button[text()='Save']"));
    browser.until(ExpectedConditions.numberOfElementsToBe(By.id("scope-dialog"), 0));
    browser.untilText(
        By.cssSelector("#secret-table tr[data-key='" + key + "'] [data-testid=allowed-processes]"),
        "billing");
    assertThat(admin.get("/api/secrets").json().toString())
        .contains("\"allowedProcesses\":[\"billing\"]");
  }

  /**
   * A REST connection whose Development API key is {@code @@SECRET:key@@}, pointing at the local
   * server.
   */
  private String referencingConnection() {
    Map<String, Object> integration = ApiFixtures.basicRestIntegration("Checkout API " + tag);
    integration.put("authScheme", "API_KEY");
    integration.put(
        "config",
        Map.of(
            "baseUrl", UPSTREAM.baseUrl(), "apiKeyName", "X-Api-Key", "apiKeyLocation", "HEADER"));
    String integrationId = ApiFixtures.createIntegration(admin, integration);
    String id =
        ApiFixtures.createConnection(modeler, integrationId, "Checkout " + tag, "ORGANIZATION")
            .text("/id");
    ApiClient.Response saved =
        modeler.put(
            "/api/connections/" + id + "/environments/DEVELOPMENT",
            credentials(Map.of("apiKey", "@@SECRET:" + key + "@@")));
    assertThat(saved.status()).as(saved.toString()).isEqualTo(200);
    return id;
  }

  /** What the real connection test sends as the API key: the secret's current value. */
  private String testedApiKey(String connectionId) {
    UPSTREAM.reset();
    ApiClient.Response tested =
        modeler.post("/api/connections/" + connectionId + "/environments/DEVELOPMENT/test", null);
    assertThat(tested.text("/ok")).as(tested.toString()).isEqualTo("true");
    return UPSTREAM.lastRequest().header("X-Api-Key");
  }

  private By rowLocator() {
    return By.cssSelector("#secret-table tr[data-key='" + key + "']");
  }

  private WebElement row() {
    browser.find(By.cssSelector("#secret-table:not([aria-busy])"));
    return browser.visible(rowLocator());
  }

  private WebElement usage() {
    return row().findElement(By.cssSelector("[data-testid=usage]"));
  }
}
