package org.sekisho.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.assertj.core.api.SoftAssertions;
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
 * An administrator on a desktop window (1,400 px) reads audit entries whose subject is a long
 * identifier without a space (a model's hash): the time and the agency of every entry read on one
 * line, in English and in Japanese, rather than being broken at their hyphens into a column while
 * the hash keeps half the table to itself.
 */
@ExtendWith(PostgresExtension.class)
@Timeout(value = 180, unit = TimeUnit.SECONDS)
class AuditTableWideWindowBrowserTest {
  // how many lines the text in an element runs over
  private static final String LINES =
      "const lines = e => { const tops = new Set(); const r = document.createRange();"
          + " r.selectNodeContents(e);"
          + " for (const b of r.getClientRects()) if (b.width > 0) tops.add(Math.round(b.top));"
          + " return tops.size; };";

  @Test
  void timesAndAgenciesStayOnOneLineBesideALongHashInAWideWindow(Database db) {
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
      for (int i = 0; i < 3; i++) {
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
      WebDriver driver = Chromium.start("--window-size=1400,900");
      try {
        WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(20));
        driver.get(base + "/admin/audit");
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("username")));
        driver.findElement(By.id("username")).sendKeys("chief");
        driver.findElement(By.id("password")).sendKeys(TestServer.PASSWORD);
        driver.findElement(By.id("login-submit")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("audit-entries")));
        JavascriptExecutor js = (JavascriptExecutor) driver;
        SoftAssertions soft = new SoftAssertions();
        for (String lang : List.of("en", "ja")) {
          driver.get(base + "/admin/audit?actor=kato&lang=" + lang);
          wait.until(ExpectedConditions.presenceOfElementLocated(By.id("audit-entries")));
          @SuppressWarnings("unchecked")
          List<List<Object>> cells =
              (List<List<Object>>)
                  js.executeScript(
                      LINES
                          + " return Array.from(document.querySelectorAll("
                          + "'#audit-entries tr.entry')).map(r => [r.cells[1].textContent.trim(),"
                          + " lines(r.cells[1]), r.cells[3].textContent.trim(), lines(r.cells[3])])");
          assertThat(cells).as("kato's entries in %s", lang).hasSize(3);
          for (List<Object> c : cells) {
            soft.assertThat(((Number) c.get(1)).intValue())
                .as("lines of the time %s (%s)", c.get(0), lang)
                .isOne();
            soft.assertThat(((Number) c.get(3)).intValue())
                .as("lines of the agency %s (%s)", c.get(2), lang)
                .isOne();
          }
          long inner = ((Number) js.executeScript("return window.innerWidth")).longValue();
          long page =
              ((Number) js.executeScript("return document.documentElement.scrollWidth"))
                  .longValue();
          soft.assertThat(page)
              .as("the page's width in a %d px window (%s)", inner, lang)
              .isLessThanOrEqualTo(inner);
        }
        soft.assertAll();
      } finally {
        driver.quit();
      }
    }
  }
}
