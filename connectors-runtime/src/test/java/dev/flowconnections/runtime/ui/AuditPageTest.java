package dev.flowconnections.runtime.ui;

import static dev.flowconnections.runtime.testsupport.ApiFixtures.createBasicRestIntegration;
import static dev.flowconnections.runtime.testsupport.ApiFixtures.createConnection;
import static dev.flowconnections.runtime.testsupport.ApiFixtures.credentials;
import static dev.flowconnections.runtime.testsupport.ApiFixtures.tag;
import static org.assertj.core.api.Assertions.assertThat;

import dev.flowconnections.runtime.testsupport.Browser;
import dev.flowconnections.runtime.testsupport.BrowserTestBase;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/**
 * /admin/audit in a real headless Chromium: an admin filters the log by connection and action and
 * sees who did what with field names only; a bad filter is shown next to its field; a USER gets the
 * denial page, as the API answers 403.
 */
class AuditPageTest extends BrowserTestBase {

  @Test
  void adminFiltersTheLogByConnectionAndActionAndSeesNoValue() {
    String secretValue = "pw-on-the-audit-page-" + tag();
    String integration = createBasicRestIntegration(admin, "Audited page " + tag());
    var created =
        createConnection(modeler, integration, "Audit page conn " + tag(), "ORGANIZATION");
    String key = created.text("/key");
    modeler.put(
        "/api/connections/" + created.text("/id") + "/environments/QA",
        credentials(Map.of("username", "svc", "password", secretValue)));

    Browser page = browser.login("admin", "admin");
    page.click(By.xpath("//header//button[text()='Administration']"));
    page.click(By.linkText("Audit log"));
    page.until(d -> page.path().equals("/admin/audit"));
    // the first page of the log has loaded (main is busy until then)
    page.find(By.cssSelector("main:not([aria-busy]) #audit-table:not([aria-busy])"));
    page.type(By.id("filter-connection"), key);
    page.click(By.xpath("//button[text()='Apply filters']"));
    page.untilText(By.id("audit-table"), "Credentials changed");

    List<String> rows = rows(page);
    assertThat(rows).hasSize(2);
    assertThat(rows.get(0))
        .contains(
            "modeler",
            "Credentials changed",
            "connection " + key,
            "QA",
            "fields: password, username");
    assertThat(rows.get(1)).contains("modeler", "Connection created", "connection " + key);
    page.screenshot("audit-log");

    page.find(By.cssSelector("#filter-action option[value=CONNECTION_CREATED]")).click();
    page.click(By.xpath("//button[text()='Apply filters']"));
    page.until(d -> rows(page).size() == 1);
    assertThat(rows(page).get(0)).contains("Connection created");
    assertThat(page.pageSource()).doesNotContain(secretValue);
  }

  @Test
  void aBadFilterIsShownNextToItsField() {
    Browser page = browser.login("admin", "admin");
    page.go("/admin/audit");
    page.find(By.cssSelector("#audit-table:not([aria-busy])"));
    page.type(By.id("filter-from"), "yesterday");
    page.click(By.xpath("//button[text()='Apply filters']"));
    page.until(d -> "true".equals(page.find(By.id("filter-from")).getDomAttribute("aria-invalid")));
    assertThat(page.find(By.id("filter-from-error")).getText()).contains("ISO-8601");
  }

  @Test
  void usersGetTheDenialPageLikeTheApiRefusesThem() {
    Browser page = browser.login("modeler", "modeler");
    assertThat(
            page.all(By.cssSelector("header.top nav a")).stream()
                .map(a -> a.getDomProperty("textContent"))
                .toList())
        .doesNotContain("Audit log");
    page.go("/admin/audit");
    assertThat(page.visible(By.tagName("h1")).getText())
        .isEqualTo("You do not have access to this page");
    assertThat(modeler.get("/api/audit").status()).isEqualTo(403);
  }

  private static List<String> rows(Browser page) {
    return page.all(By.cssSelector("[data-testid=audit-row]")).stream()
        .map(WebElement::getText)
        .toList();
  }
}
