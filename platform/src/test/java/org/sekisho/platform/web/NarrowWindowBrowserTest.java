package org.sekisho.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
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
import org.sekisho.core.audit.AuditEvent;
import org.sekisho.platform.audit.AuditLog;
import org.sekisho.platform.audit.AuditSearch;
import org.sekisho.platform.auth.Role;
import org.sekisho.platform.db.Database;
import org.sekisho.platform.testing.Chromium;
import org.sekisho.platform.testing.PostgresExtension;

/**
 * An administrator on a phone-sized window (500 px, the narrowest Chromium opens) reads the audit
 * log: the page does not scroll sideways; a wide table scrolls within itself and the header wraps.
 */
@ExtendWith(PostgresExtension.class)
@Timeout(value = 180, unit = TimeUnit.SECONDS)
class NarrowWindowBrowserTest {

  @Test
  void theAuditPageFitsANarrowWindow(Database db) {
    AuditLog log = new AuditLog(db.jdbi());
    AuditWeb audit = new AuditWeb(new AuditSearch(db.jdbi()), log::verify, "customs-jp");
    try (TestServer t = new TestServer(db, audit, List.of(audit.nav()))) {
      t.accounts.upsert(
          "chief",
          "Chief Admin",
          TestServer.PASSWORD,
          EnumSet.of(Role.ADMIN),
          "customs-jp",
          "",
          "test");
      for (int i = 0; i < 5; i++) {
        // long details without spaces, as real entries have (hashes, paths, query strings)
        log.record(
            new AuditEvent(
                Instant.parse("2026-11-27T01:00:00Z").plusSeconds(i),
                "kato",
                "customs-jp",
                "targeting.model.register",
                "model:sha256-" + "0123456789abcdef".repeat(4),
                Map.of("sha256", "fedcba9876543210".repeat(4), "file", "/data/models/" + i)));
      }
      String base = "http://127.0.0.1:" + t.server.port();
      WebDriver driver = Chromium.start("--window-size=500,900");
      try {
        WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(20));
        driver.get(base + "/admin/audit");
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("username")));
        driver.findElement(By.id("username")).sendKeys("chief");
        driver.findElement(By.id("password")).sendKeys(TestServer.PASSWORD);
        driver.findElement(By.id("login-submit")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("audit-entries")));
        JavascriptExecutor js = (JavascriptExecutor) driver;
        long inner = ((Number) js.executeScript("return window.innerWidth")).longValue();
        long page =
            ((Number) js.executeScript("return document.documentElement.scrollWidth")).longValue();
        assertThat(inner).isLessThanOrEqualTo(500);
        assertThat(page).as("the page's width in a %d px window", inner).isLessThanOrEqualTo(inner);
        // a form's reason box as pages write it (a textarea 80 columns wide) fits as well
        js.executeScript(
            "document.querySelector('main').insertAdjacentHTML('beforeend',"
                + " '<form><textarea cols=80 rows=3></textarea></form>')");
        long withForm =
            ((Number) js.executeScript("return document.documentElement.scrollWidth")).longValue();
        assertThat(withForm).as("with an 80-column textarea").isLessThanOrEqualTo(inner);
        // the entries are all there, reachable by scrolling the table itself
        assertThat(driver.findElements(By.cssSelector("#audit-entries tr.entry")))
            .hasSizeGreaterThanOrEqualTo(5);
      } finally {
        driver.quit();
      }
    }
  }

  @Test
  void roleLabelsInTheAccountsTableStayWholeInANarrowWindowInJapanese(Database db) {
    try (TestServer t = AccountWebTest.server(db)) {
      t.accounts.upsert(
          "chief",
          "Chief Admin",
          TestServer.PASSWORD,
          EnumSet.of(Role.ADMIN, Role.OFFICER),
          "customs-jp",
          "HQ",
          "test");
      String base = "http://127.0.0.1:" + t.server.port();
      WebDriver driver = Chromium.start("--window-size=500,900");
      try {
        WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(20));
        driver.get(base + "/admin/accounts?lang=ja");
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("username")));
        driver.findElement(By.id("username")).sendKeys("chief");
        driver.findElement(By.id("password")).sendKeys(TestServer.PASSWORD);
        driver.findElement(By.id("login-submit")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("create-form")));
        JavascriptExecutor js = (JavascriptExecutor) driver;
        // each label one line high: 分析官 not broken into a column of single characters
        @SuppressWarnings("unchecked")
        List<Object> heights =
            (List<Object>)
                js.executeScript(
                    "return Array.from(document.querySelectorAll('main table .tag')).map(e =>"
                        + " e.getBoundingClientRect().height /"
                        + " parseFloat(getComputedStyle(e).fontSize))");
        assertThat(heights).isNotEmpty();
        assertThat(heights)
            .allSatisfy(
                h ->
                    assertThat(((Number) h).doubleValue())
                        .as("lines of a role label")
                        .isLessThan(2));
        long inner = ((Number) js.executeScript("return window.innerWidth")).longValue();
        long page =
            ((Number) js.executeScript("return document.documentElement.scrollWidth")).longValue();
        assertThat(page).as("the page's width in a %d px window", inner).isLessThanOrEqualTo(inner);
      } finally {
        driver.quit();
      }
    }
  }
}
