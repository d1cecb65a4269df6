package dev.flowconnections.runtime.ui;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flowconnections.runtime.testsupport.ApiFixtures;
import dev.flowconnections.runtime.testsupport.BrowserTestBase;
import dev.flowconnections.runtime.testsupport.OpenApiFixtures;
import dev.flowconnections.runtime.testsupport.RecordingHttpServer;
import dev.flowconnections.runtime.testsupport.RecordingHttpServer.Reply;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * The Import OpenAPI control of a REST API integration's form: an invalid file shows the parser's
 * message on the file field, a valid one the title, version and operation count, a URL import
 * likewise, and the form still saves afterwards (the import made a new version of it).
 */
class OpenApiImportPageTest extends BrowserTestBase {

  @Test
  void adminImportsAFileAndAUrlAndSeesErrorsOnTheField() throws IOException {
    String name = "Orders " + ApiFixtures.tag();
    String id = ApiFixtures.createBasicRestIntegration(admin, name);
    Path dir = Files.createTempDirectory("openapi");
    Path invalid = Files.writeString(dir.resolve("broken.yaml"), "openapi: 3.0.0\npaths: {}\n");
    Path valid =
        Files.writeString(
            dir.resolve("orders.yaml"),
            OpenApiFixtures.document(OpenApiFixtures.ORDERS_30_YAML),
            StandardCharsets.UTF_8);

    browser.login("admin", "admin");
    browser.go(ApiFixtures.searching("/admin/integrations", name));
    browser.find(By.cssSelector("#integration-cards:not([aria-busy])"));
    browser.until(
        d -> {
          browser
              .visible(By.cssSelector("[data-testid=integration-card][data-name='" + name + "']"))
              .findElement(By.xpath(".//button[starts-with(@aria-label,'Edit')]"))
              .click();
          return true;
        });
    browser.untilText(By.cssSelector("[data-testid=openapi-status]"), "No OpenAPI document");

    WebElement file = browser.find(By.id("openapi-document"));
    file.sendKeys(invalid.toString());
    browser.click(By.cssSelector("[data-testid=openapi-upload]"));
    browser.untilText(By.id("openapi-document-error"), "attribute info is missing");
    assertThat(file.getDomAttribute("aria-invalid")).isEqualTo("true");

    file.sendKeys(valid.toString());
    browser.click(By.cssSelector("[data-testid=openapi-upload]"));
    browser.untilText(
        By.cssSelector("[data-testid=openapi-status]"), "Orders API 1.4.0 · 3 operations");
    assertThat(browser.all(By.id("openapi-document-error"))).isEmpty();
    browser.screenshot("integration-openapi-import");

    try (RecordingHttpServer server = RecordingHttpServer.start()) {
      server.respond(Reply.json(200, OpenApiFixtures.document(OpenApiFixtures.PETS_31_JSON)));
      browser.type(By.id("openapi-url"), server.baseUrl() + "/pets.json");
      browser.click(By.cssSelector("[data-testid=openapi-fetch]"));
      browser.untilText(
          By.cssSelector("[data-testid=openapi-status]"), "Pets 2025-01 · 1 operation");
      assertThat(browser.find(By.id("integration-openApiSpecUrl")).getDomProperty("value"))
          .isEqualTo(server.baseUrl() + "/pets.json");
    }

    browser.type(By.id("openapi-url"), "http://169.254.169.254/latest/meta-data/");
    browser.click(By.cssSelector("[data-testid=openapi-fetch]"));
    browser.untilText(By.id("openapi-url-error"), "network policy");

    // the form saves on top of the imports
    browser.type(By.id("integration-description"), "with operations");
    browser.click(By.xpath("//button[text()='Save Changes']"));
    browser.until(ExpectedConditions.numberOfElementsToBe(By.id("integration-dialog"), 0));
    assertThat(admin.get("/api/integrations/" + id).text("/description"))
        .isEqualTo("with operations");
    assertThat(admin.get("/api/integrations/" + id + "/openapi").text("/title")).isEqualTo("Pets");
  }
}
