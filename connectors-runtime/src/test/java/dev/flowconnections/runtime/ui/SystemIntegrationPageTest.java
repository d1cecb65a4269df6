package dev.flowconnections.runtime.ui;

import static dev.flowconnections.runtime.testsupport.ApiFixtures.basicRestIntegration;
import static dev.flowconnections.runtime.testsupport.ApiFixtures.tag;
import static org.assertj.core.api.Assertions.assertThat;

import dev.flowconnections.runtime.testsupport.ApiClient.Response;
import dev.flowconnections.runtime.testsupport.ApiFixtures;
import dev.flowconnections.runtime.testsupport.BrowserTestBase;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/**
 * The page offers exactly what the API allows on a System integration: an ADMIN can neither edit,
 * change the lifecycle of, nor delete one (buttons disabled, the API answers 403), a SUPER_ADMIN
 * can.
 */
class SystemIntegrationPageTest extends BrowserTestBase {

  @Test
  void onlySuperAdminsGetTheButtonsTheApiOnlyAllowsThem() {
    String name = "Platform " + tag();
    Map<String, Object> system = basicRestIntegration(name);
    system.put("scope", "SYSTEM");
    Response created = root.post("/api/integrations", system);
    assertThat(created.status()).as(created.toString()).isEqualTo(201);

    List<WebElement> adminButtons = actions("admin", name);
    assertThat(adminButtons)
        .extracting(WebElement::getText)
        .containsExactly("✎ Edit", "☰ Versions", "Delete");
    assertThat(adminButtons)
        .allSatisfy(button -> assertThat(button.isEnabled()).as(button.getText()).isFalse());
    Map<String, Object> edit = new java.util.HashMap<>(system);
    edit.put("version", 1);
    assertThat(admin.put(created.location(), edit).status()).isEqualTo(403);
    assertThat(admin.delete(created.location()).status()).isEqualTo(403);

    // super admins also hide System integrations (docs/catalogue.md)
    List<WebElement> rootButtons = actions("root", name);
    assertThat(rootButtons)
        .extracting(WebElement::getText)
        .containsExactly("✎ Edit", "☰ Versions", "Delete", "Hide");
    assertThat(rootButtons)
        .allSatisfy(button -> assertThat(button.isEnabled()).as(button.getText()).isTrue());
  }

  private List<WebElement> actions(String user, String integration) {
    browser.login(user, user);
    browser.go(ApiFixtures.searching("/admin/integrations", integration));
    browser.find(By.cssSelector("#integration-cards:not([aria-busy])"));
    WebElement card =
        browser.visible(
            By.cssSelector("[data-testid=integration-card][data-name='" + integration + "']"));
    return card.findElements(By.cssSelector(".actions button"));
  }
}
