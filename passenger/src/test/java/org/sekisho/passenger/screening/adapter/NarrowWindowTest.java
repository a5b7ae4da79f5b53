package org.sekisho.passenger.screening.adapter;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.sekisho.passenger.PassengerServer;
import org.sekisho.passenger.screening.adapter.demo.PassengerDemo;
import org.sekisho.platform.auth.Role;
import org.sekisho.platform.db.Database;
import org.sekisho.platform.testing.Chromium;
import org.sekisho.platform.testing.PostgresExtension;

/**
 * The PNR unit's pages over the demo's data in a window 500 pixels wide (a phone, a narrow side
 * panel): none scrolls sideways; a wide table scrolls inside its own box.
 */
@ExtendWith(PostgresExtension.class)
@Timeout(value = 180, unit = TimeUnit.SECONDS)
class NarrowWindowTest {
  private static final Clock CLOCK =
      Clock.fixed(Instant.parse("2026-11-27T01:00:00Z"), ZoneOffset.UTC);

  @Test
  void noPnrUnitPageScrollsSidewaysInA500PixelWindow(Database db) throws Exception {
    try (PassengerServer server =
        PassengerServer.start(db, CLOCK, "narrow-window-test", "JP")
            .account("pnr", "Hana Mori", Role.PNR_UNIT, "customs", "hq")) {
      PassengerDemo.seed(server.context(), CLOCK);
      WebDriver driver = Chromium.start("--window-size=500,900");
      try {
        WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(20));
        driver.get(server.base() + "/login?next=/screening/flights");
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("username")));
        driver.findElement(By.id("username")).sendKeys("pnr");
        driver.findElement(By.id("password")).sendKeys(PassengerServer.PASSWORD);
        driver.findElement(By.id("login-submit")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("flights")));
        List<String> pages =
            new ArrayList<>(
                List.of(
                    "/screening/flights",
                    "/screening/queue",
                    "/screening/watchlists",
                    "/screening/rules",
                    "/screening/referrals",
                    "/screening/unmasking"));
        driver.get(server.base() + "/screening/flights");
        String flight = firstLink(driver, "a[href^='/screening/flights/']");
        pages.add(flight);
        driver.get(server.base() + flight);
        pages.add(firstLink(driver, "a[href^='/screening/hits/']"));
        pages.add(firstLink(driver, "a[href*='/traveller?']"));
        Map<String, Long> overflow = new LinkedHashMap<>();
        for (String page : pages) {
          driver.get(server.base() + page);
          wait.until(d -> "complete".equals(js(d, "return document.readyState")));
          long wider =
              ((Number)
                      js(
                          driver,
                          "return document.documentElement.scrollWidth"
                              + " - document.documentElement.clientWidth"))
                  .longValue();
          if (wider > 0) {
            overflow.put(page, wider);
          }
        }
        assertThat(overflow).as("pages wider than the window, by pixels").isEmpty();
      } finally {
        driver.quit();
      }
    }
  }

  private static Object js(WebDriver d, String script) {
    return ((JavascriptExecutor) d).executeScript(script);
  }

  private static String firstLink(WebDriver driver, String css) {
    String href = driver.findElements(By.cssSelector(css)).get(0).getAttribute("href");
    // the path and query, without the server's address
    return href.substring(href.indexOf('/', href.indexOf("//") + 2));
  }
}
