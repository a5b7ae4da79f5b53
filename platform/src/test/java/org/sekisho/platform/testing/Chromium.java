package org.sekisho.platform.testing;

import java.io.File;
import java.util.List;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * Headless Debian Chromium for browser tests, driven through Debian's chromedriver so Selenium
 * never reaches for the network. Runs as root (no sandbox) and stays off the network (no background
 * services).
 */
public final class Chromium {
  private Chromium() {}

  /**
   * A fresh headless browser; {@code extraArgs} add e.g. fake-camera switches. Quit it when done.
   */
  public static WebDriver start(String... extraArgs) {
    ChromeOptions options = new ChromeOptions();
    options.setBinary("/usr/bin/chromium");
    options.addArguments(
        "--headless=new",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-dev-shm-usage",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
        "--lang=en");
    options.addArguments(List.of(extraArgs));
    ChromeDriverService service =
        new ChromeDriverService.Builder()
            .usingDriverExecutable(new File("/usr/bin/chromedriver"))
            .build();
    return new ChromeDriver(service, options);
  }
}
