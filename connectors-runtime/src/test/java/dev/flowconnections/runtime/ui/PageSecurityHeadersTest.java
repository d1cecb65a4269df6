package dev.flowconnections.runtime.ui;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flowconnections.runtime.testsupport.ApiTestBase;
import dev.flowconnections.runtime.testsupport.Browser;
import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

/**
 * Issue 13, item 11: the pages carry a Content-Security-Policy (scripts and styles from this origin
 * only, nothing inline, no framing) and a Referrer-Policy, and no page breaks under it.
 */
class PageSecurityHeadersTest extends ApiTestBase {

  @Test
  void pagesCarryContentSecurityAndReferrerPolicies() throws Exception {
    HttpClient http = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
    for (String path : List.of("/login", "/connections")) {
      HttpResponse<String> page =
          http.send(
              HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                  .header("Accept", "text/html")
                  .build(),
              HttpResponse.BodyHandlers.ofString());

      assertThat(page.headers().firstValue("Content-Security-Policy"))
          .as(path)
          .hasValueSatisfying(
              csp ->
                  assertThat(csp)
                      .contains(
                          "default-src 'self'",
                          "script-src 'self'",
                          "style-src 'self'",
                          "frame-ancestors 'none'")
                      .doesNotContain("unsafe-inline", "unsafe-eval"));
      assertThat(page.headers().firstValue("Referrer-Policy")).as(path).contains("same-origin");
    }
  }

  @Test
  void noPageViolatesThePolicyInARealBrowser() throws IOException {
    try (Browser browser = Browser.open(port)) {
      browser.go("/login");
      browser.login("admin", "admin");
      for (String page :
          List.of(
              "/connections", "/admin/integrations", "/admin/security/secrets", "/admin/audit")) {
        browser.go(page);
        browser.find(By.cssSelector("header.top nav a"));
      }
      browser.login("modeler", "modeler");
      browser.go("/admin/integrations"); // the denial page
      browser.find(By.cssSelector("header.top nav a"));

      assertThat(browser.consoleMessages()).noneMatch(m -> m.contains("Content Security Policy"));
    }
  }
}
