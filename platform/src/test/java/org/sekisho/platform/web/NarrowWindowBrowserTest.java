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

  // how many lines the text directly in an element runs over (its child elements left out)
  private static final String LINES =
      "const lines = e => { const tops = new Set(); for (const n of e.childNodes) {"
          + " if (n.nodeType !== 3 || !n.textContent.trim()) continue;"
          + " const r = document.createRange(); r.selectNodeContents(n);"
          + " for (const b of r.getClientRects()) if (b.width > 0) tops.add(Math.round(b.top)); }"
          + " return tops.size; };";

  @Test
  void shortJapaneseHeadersAndCellsStayOnOneLineInANarrowWindowWhileLongTextWraps(Database db) {
    try (TestServer t = AccountWebTest.server(db)) {
      t.accounts.upsert(
          "chief",
          "Chief Admin",
          TestServer.PASSWORD,
          EnumSet.of(Role.ADMIN),
          "customs-jp",
          "HQ",
          "test");
      // a long name without a space, as Japanese is written: it must wrap, not widen the page
      t.accounts.upsert(
          "yamada",
          "東京税関成田税関支署旅具検査第一部門統括審査官山田太郎",
          TestServer.PASSWORD,
          EnumSet.of(Role.INSPECTOR),
          "customs-jp",
          "JPNRT",
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
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("accounts-table")));
        JavascriptExecutor js = (JavascriptExecutor) driver;
        assertThat(js.executeScript("return document.documentElement.lang")).isEqualTo("ja");

        @SuppressWarnings("unchecked")
        Map<String, Object> headers =
            (Map<String, Object>)
                js.executeScript(
                    LINES
                        + " return Object.fromEntries(Array.from(document.querySelectorAll("
                        + "'#accounts-table th')).map(h => [h.textContent.trim(), lines(h)]))");
        // 状態, 機関, 官署, 役割, 作成日時, 最終ログイン: each a label, not a column of characters
        assertThat(headers).containsKeys("状態", "機関", "官署", "役割", "作成日時", "最終ログイン");
        SoftAssertions soft = new SoftAssertions();
        headers.forEach(
            (label, lines) ->
                soft.assertThat(((Number) lines).intValue())
                    .as("lines of header %s", label)
                    .isOne());

        @SuppressWarnings("unchecked")
        List<Object> states =
            (List<Object>)
                js.executeScript(
                    LINES
                        + " return Array.from(document.querySelectorAll("
                        + "'#accounts-table td.account-state')).map(lines)");
        assertThat(states).isNotEmpty();
        states.forEach(
            n -> soft.assertThat(((Number) n).intValue()).as("lines of 有効 in 状態").isOne());

        long name =
            ((Number)
                    js.executeScript(
                        LINES
                            + " return lines(document.querySelector("
                            + "'tr[data-username=yamada] td:nth-child(2)'))"))
                .longValue();
        soft.assertThat(name).as("lines of a long Japanese name").isGreaterThan(1);

        long inner = ((Number) js.executeScript("return window.innerWidth")).longValue();
        long page =
            ((Number) js.executeScript("return document.documentElement.scrollWidth")).longValue();
        soft.assertThat(page)
            .as("the page's width in a %d px window", inner)
            .isLessThanOrEqualTo(inner);
        soft.assertAll();
      } finally {
        driver.quit();
      }
    }
  }
}
