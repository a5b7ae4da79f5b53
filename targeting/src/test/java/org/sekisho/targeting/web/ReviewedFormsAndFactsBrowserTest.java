package org.sekisho.targeting.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
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
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.sekisho.platform.db.Database;
import org.sekisho.platform.i18n.Messages;
import org.sekisho.platform.testing.Chromium;
import org.sekisho.platform.testing.PostgresExtension;

/**
 * Found by a user review, checked in the real browser through the DOM: each form field of the
 * criteria and list pages has an accessible name of its own (a visible label, or an aria-label on a
 * table row's reason), not a placeholder alone, in English and Japanese; and an assessment's facts
 * in a 500 px window keep each label on one line, the values wrapping, the page not scrolling
 * sideways.
 */
@ExtendWith(PostgresExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Timeout(value = 180, unit = TimeUnit.SECONDS)
class ReviewedFormsAndFactsBrowserTest {
  private static final String PASSWORD = "pw-" + Long.toHexString(System.nanoTime());

  private TargetingServer server;
  private long criterion;
  private long assessment;

  @BeforeAll
  void start(Database db, @TempDir Path dir) throws Exception {
    server = TargetingServer.start(db, dir, TargetingServer.MODEL, PASSWORD, "JPTYO");
    WebApi api = server.api();
    api.ok(
        api.send(
            "POST",
            "/api/targeting/lists",
            server.analyst(),
            "{\"name\":\"origins\",\"kind\":\"countries\",\"description\":\"test\"}"));
    criterion =
        api.saveCriterion(
                server.analyst(),
                "criterion \"Coffee\" when hs starts with \"0901\" then weight 5 because"
                    + " \"coffee is watched\"")
            .get("id")
            .asLong();
    // a record whose facts hold a long value: the label column is the one squeezed
    assessment =
        api.ok(
                api.send(
                    "POST",
                    "/api/assess?kind=transport-document",
                    server.analyst(),
                    "{\"number\":\"NARROW-BL-1\",\"documentType\":\"MBL\",\"date\":\"2026-11-27\","
                        + "\"office\":\"JPTYO\",\"consignee\":{\"name\":\"Importer N1\"},"
                        // a value of one long word (a code, a name run together)
                        + "\"carrier\":\"PACIFICOCEANCONTAINERLINESERVICESOFTHEEASTERNSEAS"
                        + "ANDHARBOURSCOMPANYLIMITED\","
                        + "\"goodsDescription\":\"roasted coffee beans in jute bags of sixty"
                        + " kilograms each, palletised and shrink-wrapped\","
                        + "\"portOfLoading\":\"THBKK\",\"hsCode\":\"090121\","
                        + "\"grossMassKg\":\"100\",\"packages\":5}"))
            .get("id")
            .asLong();
  }

  @AfterAll
  void stop() {
    if (server != null) {
      server.close();
    }
  }

  private WebDriver signedIn(int width) {
    WebDriver driver = Chromium.start();
    driver.manage().window().setSize(new Dimension(width, 900));
    driver.get(server.base() + "/targeting/lists");
    new WebDriverWait(driver, Duration.ofSeconds(20))
        .until(ExpectedConditions.presenceOfElementLocated(By.id("username")));
    driver.findElement(By.id("username")).sendKeys("analyst");
    driver.findElement(By.id("password")).sendKeys(PASSWORD);
    driver.findElement(By.id("login-submit")).click();
    return driver;
  }

  private void open(WebDriver driver, String path, String waitFor) {
    driver.get(server.base() + path);
    new WebDriverWait(driver, Duration.ofSeconds(20))
        .until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(waitFor)));
  }

  /** The field's accessible name is the text {@code key} gives, and not its placeholder. */
  private static void named(WebDriver driver, String css, String expected, String lang) {
    WebElement field = driver.findElement(By.cssSelector(css));
    String name = field.getAccessibleName();
    assertThat(name).as("%s %s", lang, css).contains(expected);
    String placeholder = field.getAttribute("placeholder");
    if (placeholder != null && !placeholder.isEmpty()) {
      assertThat(name)
          .as("%s %s: named by more than its placeholder", lang, css)
          .isNotEqualTo(placeholder);
    }
  }

  /** The text of a visible label for the field {@code id}. */
  private static void visiblyLabelled(WebDriver driver, String id, String expected, String lang) {
    WebElement label = driver.findElement(By.cssSelector("label[for='" + id + "']"));
    assertThat(label.isDisplayed()).as("%s label of #%s shown", lang, id).isTrue();
    assertThat(label.getText()).as("%s label of #%s", lang, id).contains(expected);
  }

  @Test
  void everyFieldOfTheCriteriaAndListPagesHasANameOfItsOwnInEitherLanguage() {
    WebDriver driver = signedIn(1200);
    try {
      for (String lang : List.of("en", "ja")) {
        Messages t = new Messages(Locale.forLanguageTag(lang), List.of("i18n.targeting"));
        open(driver, "/targeting/criteria/edit?id=" + criterion + "&lang=" + lang, "#source");
        visiblyLabelled(driver, "source", t.get("targeting.criteria.source.label"), lang);
        named(driver, "#source", t.get("targeting.criteria.source.label"), lang);

        open(driver, "/targeting/lists/origins?lang=" + lang, "#csv");
        visiblyLabelled(driver, "csv", t.get("targeting.lists.csv.label"), lang);
        named(driver, "#csv", t.get("targeting.lists.csv.label"), lang);
        named(driver, "#import-mode", t.get("targeting.lists.mode.label"), lang);
        visiblyLabelled(driver, "q", t.get("targeting.lists.search.label"), lang);
        named(driver, "#q", t.get("targeting.lists.search.label"), lang);

        open(driver, "/targeting/criteria?lang=" + lang, "#criteria-table");
        List<WebElement> reasons = driver.findElements(By.cssSelector("input.disable-reason"));
        assertThat(reasons).as(lang).isNotEmpty();
        for (WebElement r : reasons) {
          String name = r.getAccessibleName();
          // each row's reason says which criterion it disables
          assertThat(name)
              .as(lang)
              .isEqualTo(
                  t.get(
                      "targeting.criteria.disable.reason.label",
                      "c" + criterion + "v1",
                      "Coffee",
                      5))
              .isNotEqualTo(r.getAttribute("placeholder"));
        }
      }
    } finally {
      driver.quit();
    }
  }

  @Test
  void anAssessmentsFactsKeepEachLabelOnOneLineInANarrowWindow() {
    WebDriver driver = signedIn(500);
    try {
      for (String lang : List.of("ja", "en")) {
        open(driver, "/targeting/assessments/" + assessment + "?lang=" + lang, "table.facts");
        JavascriptExecutor js = (JavascriptExecutor) driver;
        // the height of the header's own text (the cell is as high as its row, whose value wraps)
        List<?> cells =
            (List<?>)
                js.executeScript(
                    "return [...document.querySelectorAll('table.facts th')].map(th => {"
                        + " const s = getComputedStyle(th);"
                        + " const line = parseFloat(s.lineHeight) || parseFloat(s.fontSize) * 1.5;"
                        + " const r = document.createRange(); r.selectNodeContents(th);"
                        + " return [th.textContent, r.getBoundingClientRect().height, line,"
                        + " th.getBoundingClientRect().width];"
                        + "})");
        assertThat(cells).as(lang).hasSizeGreaterThan(3);
        for (Object o : cells) {
          List<?> c = (List<?>) o;
          double text = ((Number) c.get(1)).doubleValue();
          double line = ((Number) c.get(2)).doubleValue();
          // a label on one line, not one character per line (29 px wide before)
          assertThat(text)
              .as(
                  "%s header '%s' (%s px wide): its text %s px high, a line %s px",
                  lang, c.get(0), c.get(3), text, line)
              .isLessThan(line * 1.5);
        }
        long scroll =
            ((Number) js.executeScript("return document.documentElement.scrollWidth")).longValue();
        long inner = ((Number) js.executeScript("return window.innerWidth")).longValue();
        assertThat(scroll)
            .as("%s: the page does not scroll sideways", lang)
            .isLessThanOrEqualTo(inner);
      }
    } finally {
      driver.quit();
    }
  }
}
