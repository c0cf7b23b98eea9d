package org.civic311.it.support;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A real browser for page tests: Debian's Chromium and chromedriver, headless, offline (Selenium
 * Manager is never asked to download anything), with a fresh profile. Screenshots go to {@code
 * target/screenshots}, to be looked at.
 */
public final class Browser implements AutoCloseable {
  public static final Dimension PHONE = new Dimension(390, 844);
  public static final Dimension DESKTOP = new Dimension(1280, 900);

  private final ChromeDriver driver;
  private final Path profile;

  private Browser(ChromeDriver driver, Path profile) {
    this.driver = driver;
    this.profile = profile;
  }

  public static Browser start() throws IOException {
    Path profile = Files.createTempDirectory("chromium-profile");
    ChromeOptions options = new ChromeOptions();
    options.setBinary(System.getProperty("civic311.it.chromium", "/usr/bin/chromium"));
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
        "--user-data-dir=" + profile);
    ChromeDriverService service =
        new ChromeDriverService.Builder()
            .usingDriverExecutable(
                Path.of(System.getProperty("civic311.it.chromedriver", "/usr/bin/chromedriver"))
                    .toFile())
            .build();
    ChromeDriver driver = new ChromeDriver(service, options);
    driver.manage().window().setSize(DESKTOP);
    return new Browser(driver, profile);
  }

  public ChromeDriver driver() {
    return driver;
  }

  public WebDriverWait waiting() {
    return new WebDriverWait(driver, Duration.ofSeconds(30));
  }

  /** Saves a screenshot of the current page at {@code size} as {@code name}.png. */
  public Path screenshot(String name, Dimension size) throws IOException {
    driver.manage().window().setSize(size);
    Path dir =
        Files.createDirectories(
            Path.of(System.getProperty("civic311.it.screenshots", "target/screenshots")));
    Path file = dir.resolve(name + ".png");
    Files.write(file, driver.getScreenshotAs(OutputType.BYTES));
    return file;
  }

  /**
   * Saves the whole page, however long it is (not only what the window shows), as {@code name}.png:
   * long forms are looked at whole. The page is laid out {@code size}'s width wide, as on a device
   * whose scroll bars take no room, and as tall as its content.
   */
  public Path screenshotWholePage(String name, Dimension size) throws IOException {
    driver.manage().window().setSize(size);
    long height = size.getHeight();
    // until the page's height stays put: laid out taller, it may reflow
    for (int i = 0; i < 3; i++) {
      driver.executeCdpCommand(
          "Emulation.setDeviceMetricsOverride",
          Map.of(
              "width", size.getWidth(), "height", height, "deviceScaleFactor", 1, "mobile", false));
      Map<String, Object> metrics = driver.executeCdpCommand("Page.getLayoutMetrics", Map.of());
      Map<?, ?> content = (Map<?, ?>) metrics.get("cssContentSize");
      long needed =
          Math.min(
              12_000L,
              Math.max(
                  size.getHeight(),
                  (long) Math.ceil(((Number) content.get("height")).doubleValue())));
      if (needed == height) {
        break;
      }
      height = needed;
    }
    driver.executeCdpCommand(
        "Emulation.setDeviceMetricsOverride",
        Map.of(
            "width", size.getWidth(), "height", height, "deviceScaleFactor", 1, "mobile", false));
    try {
      Map<String, Object> shot =
          driver.executeCdpCommand("Page.captureScreenshot", Map.of("format", "png"));
      Path dir =
          Files.createDirectories(
              Path.of(System.getProperty("civic311.it.screenshots", "target/screenshots")));
      Path file = dir.resolve(name + ".png");
      Files.write(file, Base64.getDecoder().decode((String) shot.get("data")));
      return file;
    } finally {
      driver.executeCdpCommand("Emulation.clearDeviceMetricsOverride", Map.of());
    }
  }

  @Override
  public void close() {
    try {
      driver.quit();
    } finally {
      try {
        org.civic311.devstack.Folders.deleteRecursively(profile);
      } catch (IOException ignored) {
        // a temporary profile left behind is harmless
      }
    }
  }
}
