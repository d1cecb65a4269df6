package dev.flowconnections.runtime.testsupport;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;

/**
 * Base of the browser tests: the {@link ApiTestBase} runtime and one headless Chromium per test
 * class, opened before its first test (the port is known only once the context runs) and closed
 * after the class, so the class's tests share its start-up cost.
 */
public abstract class BrowserTestBase extends ApiTestBase {

  private static Browser openBrowser;

  /** The class's browser; set before each test, ahead of the subclass's own set-up. */
  protected Browser browser;

  @BeforeEach
  void openBrowserOnce() {
    if (openBrowser == null) {
      openBrowser = Browser.open(port);
    }
    browser = openBrowser;
  }

  @AfterAll
  static void closeBrowser() {
    if (openBrowser != null) {
      openBrowser.close();
      openBrowser = null;
    }
  }
}
