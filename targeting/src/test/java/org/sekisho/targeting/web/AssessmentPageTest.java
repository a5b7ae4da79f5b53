package org.sekisho.targeting.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
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
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.sekisho.platform.db.Database;
import org.sekisho.platform.testing.Chromium;
import org.sekisho.platform.testing.PostgresExtension;
import org.sekisho.platform.web.WebServer;
import org.sekisho.targeting.adapter.TargetingContext;
import org.sekisho.targeting.assessment.application.AssessmentRequests;

/**
 * What an assessment page tells the analyst and the inspector: when the record was declared, how
 * its goods travel in words, that no criterion matched when none did, and the decisions and outcome
 * of the record's earlier assessments when it was assessed again with other content.
 */
@ExtendWith(PostgresExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Timeout(value = 180, unit = TimeUnit.SECONDS)
class AssessmentPageTest {
  private static final String PASSWORD = "pw-" + Long.toHexString(System.nanoTime());
  private static final String OFFICE = "JPTYO-AIR";

  private WebApi api;
  private WebServer web;
  private String base;
  private String analyst;
  private String inspector;
  private TargetingContext targeting;
  private TargetingServer server;

  @BeforeAll
  void start(Database db, @TempDir Path dir) throws Exception {
    server = TargetingServer.start(db, dir, TargetingServer.MODEL, PASSWORD, OFFICE);
    targeting = server.targeting();
    web = server.web();
    base = server.base();
    api = server.api();
    analyst = server.analyst();
    inspector = server.inspector();
  }

  @AfterAll
  void stop() {
    if (server != null) {
      server.close();
    }
  }

  private JsonNode assessed(String json) throws Exception {
    return api.ok(api.send("POST", "/api/assess", analyst, json));
  }

  @Test
  void timesAreShownInTheAdministrationsZoneAndLinkedRecordsByKindAndId() throws Exception {
    JsonNode bill =
        assessed(
            "{\"number\":\"HDMU-SHOWN-1\",\"documentType\":\"MBL\",\"date\":\"2026-11-27\","
                + "\"office\":\"JPTYO-AIR\",\"consignee\":{\"name\":\"Sakura\"},"
                + "\"portOfLoading\":\"THBKK\",\"goodsDescription\":\"coffee\","
                + "\"hsCode\":\"090121\"}",
            "transport-document");
    JsonNode declared =
        assessed(
            "{\"declarationId\":\"D-SHOWN-1\",\"date\":\"2026-11-28T07:15:02Z\","
                + "\"office\":\"JPTYO-AIR\",\"transportDocument\":\"HDMU-SHOWN-1\","
                + "\"items\":[{\"hsCode\":\"090121\",\"origin\":\"TH\"}]}",
            "declaration");
    String page = "/targeting/assessments/" + declared.get("id").asLong();
    String ja = api.send("GET", page + "?lang=ja", analyst, null).body();
    // UTC as submitted, shown in JST as other pages show times
    assertThat(ja).contains("<td>2026-11-28 16:15 JST</td>").doesNotContain("07:15:02Z");
    assertThat(ja).contains(">貨物 HDMU-SHOWN-1</a>");
    String consignment = "/targeting/assessments/" + bill.get("id").asLong();
    String billJa = api.send("GET", consignment + "?lang=ja", analyst, null).body();
    assertThat(billJa)
        .contains("id=\"declarations\"")
        .contains(">申告 D-SHOWN-1</a>")
        .doesNotContain(">declaration:D-SHOWN-1<");
    String billEn = api.send("GET", consignment + "?lang=en", analyst, null).body();
    assertThat(billEn).contains(">Declaration D-SHOWN-1</a>");
  }

  @Test
  void worklistRowsNameEachRecordByKindAndIdAsItsPageDoes() throws Exception {
    JsonNode bill =
        assessed(
            "{\"number\":\"HDMU-ROWS-1\",\"documentType\":\"MBL\",\"date\":\"2026-11-27\","
                + "\"office\":\"JPTYO-AIR\",\"consignee\":{\"name\":\"Sakura\"},"
                + "\"portOfLoading\":\"THBKK\",\"goodsDescription\":\"coffee\","
                + "\"hsCode\":\"090121\"}",
            "transport-document");
    JsonNode declared =
        assessed(
            "{\"declarationId\":\"D-ROWS-1\",\"date\":\"2026-11-28\","
                + "\"office\":\"JPTYO-AIR\",\"items\":[{\"hsCode\":\"090121\"}]}",
            "declaration");
    for (JsonNode a : List.of(bill, declared)) {
      JsonNode item =
          api.ok(
              api.send("GET", "/api/targeting/assessments/" + a.get("id").asLong(), analyst, null));
      String record = item.get("record").asText();
      String id = record.substring(record.indexOf(':') + 1);
      String rows =
          "/targeting/worklist/rows?office=JPTYO-AIR&kind=&status=" + item.get("status").asText();
      String en = api.send("GET", rows + "&lang=en", analyst, null).body();
      String ja = api.send("GET", rows + "&lang=ja", analyst, null).body();
      String kindEn = record.startsWith("transport-document:") ? "Consignment" : "Declaration";
      String kindJa = record.startsWith("transport-document:") ? "貨物" : "申告";
      // the row keeps the record key for scripts; the reader sees kind and id
      assertThat(en)
          .contains("data-record=\"" + record + "\"")
          .contains(">" + kindEn + " " + id + "</a>")
          .doesNotContain(">" + record + "<");
      assertThat(ja)
          .contains("data-record=\"" + record + "\"")
          .contains(">" + kindJa + " " + id + "</a>")
          .doesNotContain(">" + record + "<");
    }
  }

  private JsonNode assessed(String json, String kind) throws Exception {
    return api.ok(api.send("POST", "/api/assess?kind=" + kind, analyst, json));
  }

  @Test
  void theAssessmentPageSaysTheDateTheModeInWordsAndThatNoCriterionMatched() throws Exception {
    long id =
        assessed(TargetingWebTest.declaration("D-PAGE-1", "IMP-P1", "TH", "800", "10"))
            .get("id")
            .asLong();
    String en = api.send("GET", "/targeting/assessments/" + id + "?lang=en", analyst, null).body();
    assertThat(en)
        .contains("<th>Date</th><td>2026-11-27 08:12 JST</td>")
        .contains("<th>Mode of transport</th><td>air (4)</td>")
        .contains("<p id=\"no-criterion\">No criterion matched.</p>");
    String ja = api.send("GET", "/targeting/assessments/" + id + "?lang=ja", analyst, null).body();
    assertThat(ja)
        .contains("<th>日付</th><td>2026-11-27 08:12 JST</td>")
        .contains("航空 (4)")
        .contains("該当した選定基準はありません。")
        .doesNotContain("air (4)");

    // with a criterion that matches, the page lists it and says nothing of none matching
    JsonNode saved =
        api.saveCriterion(
            analyst,
            "criterion \"Coffee\" when hs starts with \"0901\" then lane yellow weight 5 because"
                + " \"coffee under watch\"");
    api.ok(api.send("POST", WebApi.releasePath(saved), api.login("admin", PASSWORD), null));
    long hit =
        assessed(TargetingWebTest.declaration("D-PAGE-2", "IMP-P2", "TH", "800", "10"))
            .get("id")
            .asLong();
    String page = api.send("GET", "/targeting/assessments/" + hit, analyst, null).body();
    assertThat(page).contains("Coffee: coffee under watch").doesNotContain("no-criterion");

    // a postal item's category and a sub-mode of transport are said in words too
    String parcel =
        "{\"itemId\":\"EE123456785JP\",\"date\":\"2026-11-27\",\"office\":\"JPKWS-MAIL\","
            + "\"contents\":\"phone case\",\"originCountry\":\"CN\",\"category\":\"sample\"}";
    long item =
        api.ok(api.send("POST", "/api/assess?kind=postal-item", analyst, parcel))
            .get("id")
            .asLong();
    WebDriver driver = Chromium.start();
    try {
      WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(20));
      driver.get(base + "/targeting/assessments/" + item + "?lang=ja");
      wait.until(ExpectedConditions.presenceOfElementLocated(By.id("username")));
      driver.findElement(By.id("username")).sendKeys("analyst");
      driver.findElement(By.id("password")).sendKeys(PASSWORD);
      driver.findElement(By.id("login-submit")).click();
      wait.until(ExpectedConditions.presenceOfElementLocated(By.id("record-facts")));
      assertThat(
              driver
                  .findElement(By.cssSelector("#record-facts tr[data-field=category] td"))
                  .getText())
          .isEqualTo("商品見本 (sample)");
      assertThat(
              driver.findElement(By.cssSelector("#record-facts tr[data-field=date] td")).getText())
          .isEqualTo("2026-11-27");
      assertThat(driver.findElement(By.id("no-criterion")).getText()).isEqualTo("該当した選定基準はありません。");
    } finally {
      driver.quit();
    }
  }

  @Test
  void theWorklistAndSelectivityPagesFitANarrowWindowWithReasonsReadableOnTheirLines()
      throws Exception {
    JsonNode saved =
        api.saveCriterion(
            analyst,
            "criterion \"Vietnamese origin\" when origin = \"VN\" then lane yellow because"
                + " \"origin under watch this month, check the certificate of origin\"");
    api.ok(api.send("POST", WebApi.releasePath(saved), api.login("admin", PASSWORD), null));
    for (int i = 0; i < 3; i++) {
      assessed(TargetingWebTest.declaration("D-NARROW-" + i, "IMP-N" + i, "VN", "800", "10"));
    }
    WebDriver driver = Chromium.start();
    try {
      WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(20));
      driver.manage().window().setSize(new org.openqa.selenium.Dimension(500, 900));
      driver.get(base + "/targeting/worklist?office=");
      wait.until(ExpectedConditions.presenceOfElementLocated(By.id("username")));
      driver.findElement(By.id("username")).sendKeys("analyst");
      driver.findElement(By.id("password")).sendKeys(PASSWORD);
      driver.findElement(By.id("login-submit")).click();
      wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("ul.reasons")));
      var js = (org.openqa.selenium.JavascriptExecutor) driver;
      String overflow = "return document.documentElement.scrollWidth - window.innerWidth";
      assertThat(((Number) js.executeScript(overflow)).longValue())
          .as("worklist wider than the window")
          .isLessThanOrEqualTo(0);
      long innerWidth = ((Number) js.executeScript("return window.innerWidth")).longValue();
      assertThat(driver.findElement(By.cssSelector("ul.reasons")).getSize().getWidth())
          .as("reasons column")
          .isGreaterThan((int) (innerWidth / 2));
      driver.get(base + "/targeting/selectivity");
      wait.until(ExpectedConditions.presenceOfElementLocated(By.id("selectivity-table")));
      assertThat(((Number) js.executeScript(overflow)).longValue())
          .as("selectivity page wider than the window")
          .isLessThanOrEqualTo(0);
    } finally {
      driver.quit();
    }
  }

  @Test
  void anAmendedRecordsNewAssessmentShowsTheEarlierDecisionsAndOutcomeAsTheirsWithLinks()
      throws Exception {
    // sent alone, raised and inspected ...
    String sent = TargetingWebTest.declaration("D-AMEND-1", "IMP-AM", "TH", "800", "10");
    long first = assessed(sent).get("id").asLong();
    JsonNode before = api.ok(api.send("GET", "/api/targeting/assessments/" + first, analyst, null));
    api.ok(
        api.send(
            "POST",
            "/api/targeting/assessments/" + first + "/lane",
            analyst,
            "{\"lane\":\"red\",\"comment\":\"origin switched twice this month\",\"expectedVersion\":"
                + before.get("version").asInt()
                + "}"));
    api.ok(
        api.send(
            "POST",
            "/api/targeting/assessments/" + first + "/outcome",
            inspector,
            "{\"result\":\"infraction\",\"revenue\":\"1200\",\"note\":\"origin was VN, not TH\"}"));
    // ... then stored by the intelligence database as amended: assessed anew
    targeting
        .assessmentRequests()
        .assessAll(
            List.of(
                new AssessmentRequests.Request(
                    "declaration",
                    "D-AMEND-1",
                    TargetingWebTest.declaration("D-AMEND-1", "IMP-AM", "VN", "800", "10"))));
    JsonNode old = api.ok(api.send("GET", "/api/targeting/assessments/" + first, analyst, null));
    long second = old.get("supersededBy").asLong();
    assertThat(second).isGreaterThan(first);

    JsonNode now = api.ok(api.send("GET", "/api/targeting/assessments/" + second, inspector, null));
    // the outcome was the earlier content's: not this assessment's
    assertThat(now.has("outcome")).isFalse();
    assertThat(now.get("decisions")).isEmpty();
    assertThat(now.get("earlier")).hasSize(1);
    JsonNode earlier = now.get("earlier").get(0);
    assertThat(earlier.get("id").asLong()).isEqualTo(first);
    assertThat(earlier.get("item").asText()).isEqualTo("/api/targeting/assessments/" + first);
    assertThat(earlier.get("status").asText()).isEqualTo("superseded");
    assertThat(earlier.get("decisions").get(0).get("comment").asText())
        .isEqualTo("origin switched twice this month");
    assertThat(earlier.get("outcome").get("result").asText()).isEqualTo("infraction");
    assertThat(earlier.get("outcome").get("revenue").asText()).isEqualTo("1200.00");

    WebDriver driver = Chromium.start();
    try {
      WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(20));
      driver.get(base + "/targeting/assessments/" + second + "?lang=en");
      wait.until(ExpectedConditions.presenceOfElementLocated(By.id("username")));
      driver.findElement(By.id("username")).sendKeys("inspector");
      driver.findElement(By.id("password")).sendKeys(PASSWORD);
      driver.findElement(By.id("login-submit")).click();
      wait.until(ExpectedConditions.presenceOfElementLocated(By.id("earlier")));
      assertThat(driver.findElements(By.id("outcome"))).isEmpty();
      String history = driver.findElement(By.id("earlier")).getText();
      assertThat(history)
          .contains("Assessment " + first)
          .contains("origin switched twice this month")
          .contains("Outcome recorded on assessment " + first + ":")
          .contains("infraction", "1200.00", "origin was VN, not TH")
          .contains("not this assessment's");
      driver.findElement(By.cssSelector("#earlier a.earlier-link")).click();
      wait.until(ExpectedConditions.presenceOfElementLocated(By.id("superseded-by")));
      assertThat(driver.getCurrentUrl()).endsWith("/targeting/assessments/" + first);
      assertThat(driver.findElement(By.id("outcome")).getText()).contains("origin was VN, not TH");
    } finally {
      driver.quit();
    }
  }
}
