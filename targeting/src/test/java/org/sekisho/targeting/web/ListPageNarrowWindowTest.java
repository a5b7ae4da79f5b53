package org.sekisho.targeting.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.sekisho.platform.db.Database;
import org.sekisho.platform.testing.Chromium;
import org.sekisho.platform.testing.PostgresExtension;

/**
 * A list page read in a narrow (500 px) window keeps each entry's remove button on one line beside
 * a long note, in Japanese as in English: squeezed by the note, 削除 stood one character above the
 * other.
 */
@ExtendWith(PostgresExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class ListPageNarrowWindowTest {
  private static final String PASSWORD = "pw-" + Long.toHexString(System.nanoTime());
  private TargetingServer server;

  @BeforeAll
  void start(Database db, @TempDir Path dir) throws Exception {
    server = TargetingServer.start(db, dir, TargetingServer.MODEL, PASSWORD, "JPYOK");
    WebApi api = server.api();
    api.ok(
        api.send(
            "POST",
            "/api/targeting/lists",
            server.analyst(),
            "{\"name\":\"narrow-origins\",\"kind\":\"countries\",\"description\":\"test\"}"));
    api.ok(
        api.send(
            "POST",
            "/api/targeting/lists/narrow-origins/entries",
            server.analyst(),
            "value,note\nTH,seizure 2026-11 report 1234 with a long note that fills the row\n"));
  }

  @AfterAll
  void stop() {
    if (server != null) {
      server.close();
    }
  }

  @Test
  void anEntrysRemoveButtonStaysOnOneLineInANarrowWindow() {
    WebDriver driver = Chromium.start();
    try {
      WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(20));
      driver.manage().window().setSize(new Dimension(500, 900));
      driver.get(server.base() + "/targeting/lists/narrow-origins?lang=ja");
      wait.until(ExpectedConditions.presenceOfElementLocated(By.id("username")));
      driver.findElement(By.id("username")).sendKeys("analyst");
      driver.findElement(By.id("password")).sendKeys(PASSWORD);
      driver.findElement(By.id("login-submit")).click();
      for (String lang : List.of("ja", "en")) {
        driver.get(server.base() + "/targeting/lists/narrow-origins?lang=" + lang);
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("entries")));
        WebElement remove = driver.findElement(By.cssSelector("#entries button"));
        WebElement search = driver.findElement(By.id("list-search-submit"));
        // one line of text: no taller than the search button, one line itself
        assertThat(remove.getSize().getHeight())
            .as("%s: remove button %s, search button %s", lang, remove.getSize(), search.getSize())
            .isLessThanOrEqualTo(search.getSize().getHeight());
      }
    } finally {
      driver.quit();
    }
  }
}
