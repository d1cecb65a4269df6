package dev.flowconnections.runtime.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedCondition;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A real headless Chromium (Debian's {@code chromium} and {@code chromedriver}, installed by {@code
 * bin/ensure-chromium}) driving the UI on the test's random port. Both binaries are named
 * explicitly so Selenium Manager never tries to download a browser or driver. Waits are explicit
 * (conditions polled up to a timeout), never sleeps.
 *
 * <p>With {@code -Dscreenshots.dir=docs/screenshots} the tests also save PNGs of the main pages.
 */
public final class Browser implements AutoCloseable {

  public static final Path CHROMIUM =
      Path.of(System.getProperty("chromium.binary", "/usr/bin/chromium"));
  public static final Path CHROMEDRIVER =
      Path.of(System.getProperty("chromedriver.binary", "/usr/bin/chromedriver"));

  /** Only how long a failing wait takes: a page on a busy 2-core machine can take many seconds. */
  private static final Duration TIMEOUT = Duration.ofSeconds(60);

  private final WebDriver driver;
  private final Path profile;
  private final String base;
  private final WebDriverWait wait;

  private Browser(WebDriver driver, Path profile, String base) {
    this.driver = driver;
    this.profile = profile;
    this.base = base;
    this.wait = new WebDriverWait(driver, TIMEOUT);
    wait.ignoring(StaleElementReferenceException.class);
  }

  public static Browser open(int port) {
    if (!Files.isExecutable(CHROMIUM) || !Files.isExecutable(CHROMEDRIVER)) {
      throw new IllegalStateException(
          "browser tests need " + CHROMIUM + " and " + CHROMEDRIVER + ": run bin/ensure-chromium");
    }
    try {
      Path profile = Files.createTempDirectory("flow-connections-chromium");
      ChromeOptions options = new ChromeOptions();
      // keep the console, so tests can see what the browser refused (e.g. under the
      // Content-Security-Policy)
      options.setCapability("goog:loggingPrefs", java.util.Map.of("browser", "ALL"));
      options.setBinary(CHROMIUM.toFile());
      options.addArguments(
          "--headless=new",
          "--no-sandbox",
          "--disable-gpu",
          "--disable-dev-shm-usage",
          "--disable-quic",
          "--no-first-run",
          "--disable-background-networking",
          "--disable-component-update",
          "--disable-sync",
          "--user-data-dir=" + profile,
          "--window-size=1280,900",
          "--lang=en-US");
      ChromeDriverService service =
          new ChromeDriverService.Builder()
              .usingDriverExecutable(CHROMEDRIVER.toFile())
              .usingAnyFreePort()
              .build();
      ChromeDriver driver = new ChromeDriver(service, options);
      driver.manage().window().setSize(new Dimension(1280, 900));
      return new Browser(driver, profile, "http://127.0.0.1:" + port);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public WebDriver driver() {
    return driver;
  }

  public Browser go(String path) {
    driver.get(base + path);
    return this;
  }

  public String path() {
    String url = driver.getCurrentUrl();
    return url.startsWith(base) ? url.substring(base.length()) : url;
  }

  /** Signs in through the login form and waits for the connections page. */
  public Browser login(String username, String password) {
    go("/login");
    driver.manage().deleteAllCookies(); // a fresh session, whoever was signed in before
    go("/login");
    find(By.id("username")).sendKeys(username);
    find(By.id("password")).sendKeys(password);
    find(By.cssSelector("form button[type=submit]")).click();
    until(ExpectedConditions.urlContains("/connections"));
    visible(By.cssSelector("header.top [data-testid=user]"));
    return this;
  }

  public WebElement find(By by) {
    return until(ExpectedConditions.presenceOfElementLocated(by));
  }

  public WebElement visible(By by) {
    return until(ExpectedConditions.visibilityOfElementLocated(by));
  }

  public WebElement clickable(By by) {
    return until(ExpectedConditions.elementToBeClickable(by));
  }

  public void click(By by) {
    clickable(by).click();
  }

  public List<WebElement> all(By by) {
    return driver.findElements(by);
  }

  /** Replaces the text of an input. */
  public void type(By by, String text) {
    WebElement input = visible(by);
    input.clear();
    input.sendKeys(text);
  }

  public <T> T until(ExpectedCondition<T> condition) {
    return wait.until(condition);
  }

  public void untilText(By by, String text) {
    until(ExpectedConditions.textToBePresentInElementLocated(by, text));
  }

  /** The console messages since the last call (Chromium hands each one out once). */
  public List<String> consoleMessages() {
    return driver.manage().logs().get("browser").getAll().stream()
        .map(e -> e.getLevel() + " " + e.getMessage())
        .toList();
  }

  public String pageSource() {
    return driver.getPageSource();
  }

  /** Saves a PNG of the window as {@code name.png} when {@code -Dscreenshots.dir} is set. */
  public void screenshot(String name) {
    String dir = System.getProperty("screenshots.dir");
    if (dir == null || dir.isBlank()) {
      return;
    }
    try {
      Path target = Path.of(dir).resolve(name + ".png");
      Files.createDirectories(target.getParent());
      Path png = ((TakesScreenshot) driver).getScreenshotAs(OutputType.FILE).toPath();
      Files.copy(png, target, StandardCopyOption.REPLACE_EXISTING);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public void close() {
    try {
      driver.quit();
    } finally {
      try (var files = Files.walk(profile)) {
        files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
      } catch (IOException ignored) {
        // a leftover temporary profile is harmless
      }
    }
  }
}
