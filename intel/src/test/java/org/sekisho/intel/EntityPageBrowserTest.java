package org.sekisho.intel;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.sekisho.intel.adapter.IntelContext;
import org.sekisho.platform.audit.AuditLog;
import org.sekisho.platform.auth.Accounts;
import org.sekisho.platform.auth.PasswordHasher;
import org.sekisho.platform.auth.Role;
import org.sekisho.platform.db.Database;
import org.sekisho.platform.db.Migrations;
import org.sekisho.platform.testing.Chromium;
import org.sekisho.platform.testing.PostgresExtension;
import org.sekisho.platform.web.WebServer;

/**
 * In Chromium, on a Japanese entity page: the link graph's status line, legend and button are in
 * Japanese; a merge refused for a reason too short comes back with the refusal in Japanese and the
 * reason as typed.
 */
@ExtendWith(PostgresExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Timeout(value = 180, unit = TimeUnit.SECONDS)
class EntityPageBrowserTest {
  private static final Clock CLOCK =
      Clock.fixed(Instant.parse("2026-11-27T03:00:00Z"), ZoneOffset.UTC);
  private static final String PASSWORD = "graph-" + System.nanoTime();

  private Database db;
  private WebServer web;
  private String base;
  private String token;

  @BeforeAll
  void start(Database db, @TempDir Path dir) throws Exception {
    this.db = db;
    db.migrate(List.of(Migrations.of("platform"), Migrations.of("intel")));
    AuditLog audit = new AuditLog(db.jdbi());
    Accounts accounts =
        new Accounts(db.jdbi(), CLOCK, new PasswordHasher(1024, 1, 1), Duration.ofHours(1));
    accounts.upsert("aiko", "Aiko", PASSWORD, Set.of(Role.ANALYST), "customs-jp", "HQ");
    token = accounts.issueApiToken("aiko", "test", Optional.empty());
    IntelContext intel = new IntelContext(db, audit, CLOCK, dir, TestIngest.JSON);
    web =
        WebServer.start(
            new WebServer.Config(
                "127.0.0.1", 0, false, List.of("i18n.platform", "i18n.intel"), intel.nav(), "test"),
            accounts,
            audit,
            CLOCK,
            new PrometheusMeterRegistry(PrometheusConfig.DEFAULT),
            () -> true,
            intel.webModules());
    base = "http://127.0.0.1:" + web.port();
    HttpResponse<String> ingested =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(URI.create(base + "/api/ingest/declarations"))
                    .header("Authorization", "Bearer " + token)
                    .POST(
                        HttpRequest.BodyPublishers.ofString(
                            "{\"declarationId\":\"GR-1\",\"date\":\"2026-11-20\",\"office\":"
                                + "\"JPTYO\",\"importer\":{\"name\":\"狐商事\",\"country\":\"JP\","
                                + "\"phone\":\"03-3094-7412\"},\"items\":[{\"hsCode\":\"090121\"}]}\n"
                                + "{\"declarationId\":\"GR-2\",\"date\":\"2026-11-21\",\"office\":"
                                + "\"JPTYO\",\"importer\":{\"name\":\"狐貿易\",\"country\":\"JP\","
                                + "\"phone\":\"03-3094-7412\"},\"items\":[{\"hsCode\":\"090121\"}]}\n",
                            StandardCharsets.UTF_8))
                    .build(),
                HttpResponse.BodyHandlers.ofString());
    assertThat(ingested.statusCode()).as(ingested.body()).isEqualTo(200);
  }

  @AfterAll
  void stop() {
    if (web != null) {
      web.close();
    }
  }

  private long company(String key) {
    Long id =
        db.jdbi()
            .withHandle(
                h ->
                    h.createQuery("select id from intel.entity where type = 'company' and key = ?")
                        .bind(0, key)
                        .mapTo(Long.class)
                        .one());
    return id;
  }

  @Test
  void theGraphSpeaksJapaneseAndARefusedMergeKeepsTheTypedReason() {
    long kitsune = company("狐商事|JP");
    long other = company("狐貿易|JP");
    WebDriver d = Chromium.start("--window-size=1300,1600");
    try {
      WebDriverWait wait = new WebDriverWait(d, Duration.ofSeconds(30));
      wait.ignoring(StaleElementReferenceException.class);
      d.get(base + "/login?lang=ja&next=/entities/" + kitsune);
      wait.until(ExpectedConditions.presenceOfElementLocated(By.id("username")));
      d.findElement(By.id("username")).sendKeys("aiko");
      d.findElement(By.id("password")).sendKeys(PASSWORD);
      d.findElement(By.id("login-submit")).click();
      wait.until(ExpectedConditions.presenceOfElementLocated(By.id("graph")));
      wait.until(
          ExpectedConditions.attributeToBeNotEmpty(d.findElement(By.id("graph")), "data-nodes"));
      String status = d.findElement(By.id("graph-status")).getText();
      assertThat(status).startsWith("ノード ").contains("リンク").doesNotContain("nodes");
      String legend = d.findElement(By.id("graph-legend")).getText();
      assertThat(legend).contains("法人").contains("記録").contains("電話");
      assertThat(d.findElement(By.id("graph-fit")).getText()).isEqualTo("全体を表示");
      // names only for the entity and what it links to directly (its record), not the phone or
      // the other company two links away: a large graph's labels overlapped into a blob
      int nodes = Integer.parseInt(d.findElement(By.id("graph")).getAttribute("data-nodes"));
      String labelled = d.findElement(By.id("graph")).getAttribute("data-labelled");
      assertThat(labelled).as("nodes whose name is shown").isNotNull();
      assertThat(Integer.parseInt(labelled)).isGreaterThanOrEqualTo(2).isLessThan(nodes);
      assertThat(status).contains("ポインターを合わせると名前が表示されます");
      // the script asks for the graph in the page's language, whose records' labels are Japanese
      String graphUrl =
          (String)
              ((JavascriptExecutor) d)
                  .executeScript(
                      "return performance.getEntriesByType('resource').map(e => e.name)"
                          + ".find(n => n.includes('/graph?'));");
      assertThat(graphUrl).contains("lang=ja");
      Object labels =
          ((JavascriptExecutor) d)
              .executeAsyncScript(
                  "const done = arguments[arguments.length - 1];"
                      + " fetch(arguments[0]).then(r => r.json()).then(g => done(g.nodes"
                      + ".filter(n => n.type === 'record').map(n => n.label).join('\\n')));",
                  graphUrl);
      assertThat((String) labels).contains("輸入申告 GR-1").doesNotContain("declaration");

      // the browser would stop a short reason; the server refuses it too and keeps it
      ((JavascriptExecutor) d)
          .executeScript("document.getElementById('merge-reason').removeAttribute('minlength');");
      d.findElement(By.id("merge-id")).sendKeys(Long.toString(other));
      d.findElement(By.id("merge-reason")).sendKeys("同じ");
      d.findElement(By.cssSelector("#merge-by-id button")).click();
      wait.until(ExpectedConditions.presenceOfElementLocated(By.id("merge-error")));
      assertThat(d.findElement(By.id("merge-error")).getText()).contains("5 文字以上");
      assertThat(d.findElement(By.id("merge-reason")).getAttribute("value")).isEqualTo("同じ");
      assertThat(d.findElement(By.id("merge-id")).getAttribute("value"))
          .isEqualTo(Long.toString(other));
      assertThat(d.findElement(By.id("merge-reason")).getAttribute("aria-invalid"))
          .isEqualTo("true");
    } finally {
      d.quit();
    }
  }

  @Test
  void theSearchPageSaysWhichOrderAppliesAndMarksTheExactMatchFirst() throws Exception {
    // a newer record naming a longer name that holds the searched one
    HttpResponse<String> ingested =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(URI.create(base + "/api/ingest/declarations"))
                    .header("Authorization", "Bearer " + token)
                    .POST(
                        HttpRequest.BodyPublishers.ofString(
                            "{\"declarationId\":\"GR-3\",\"date\":\"2026-11-25\",\"office\":"
                                + "\"JPTYO\",\"importer\":{\"name\":\"狐商事ホールディングス\","
                                + "\"country\":\"JP\"},\"items\":[{\"hsCode\":\"090121\"}]}\n",
                            StandardCharsets.UTF_8))
                    .build(),
                HttpResponse.BodyHandlers.ofString());
    assertThat(ingested.statusCode()).as(ingested.body()).isEqualTo(200);
    WebDriver d = Chromium.start("--window-size=1300,1600");
    try {
      WebDriverWait wait = new WebDriverWait(d, Duration.ofSeconds(30));
      wait.ignoring(StaleElementReferenceException.class);
      d.get(base + "/login?lang=ja&next=/search");
      wait.until(ExpectedConditions.presenceOfElementLocated(By.id("username")));
      d.findElement(By.id("username")).sendKeys("aiko");
      d.findElement(By.id("password")).sendKeys(PASSWORD);
      d.findElement(By.id("login-submit")).click();
      wait.until(ExpectedConditions.presenceOfElementLocated(By.id("q")));
      d.findElement(By.id("q")).sendKeys("狐商事");
      d.findElement(By.id("search-submit")).click();
      wait.until(ExpectedConditions.presenceOfElementLocated(By.id("result-order")));
      assertThat(d.findElement(By.id("result-order")).getAttribute("data-order"))
          .isEqualTo("relevance");
      assertThat(d.findElement(By.id("result-order")).getText()).startsWith("完全一致");
      List<WebElement> links = d.findElements(By.cssSelector("#results a.record-link"));
      assertThat(links).hasSize(2);
      assertThat(links.get(0).getAttribute("data-exact")).isEqualTo("true");
      assertThat(links.get(1).getAttribute("data-exact")).isEqualTo("false");
      assertThat(d.findElements(By.cssSelector("#results .exact-match")))
          .singleElement()
          .extracting(WebElement::getText)
          .isEqualTo("完全一致");
      // what each hit is (its kind and own id) and which of how many the page shows
      assertThat(d.findElements(By.cssSelector("#results td.source-id")))
          .extracting(WebElement::getText)
          .containsExactly("GR-1", "GR-3");
      assertThat(d.findElements(By.cssSelector("#results tr.hit")))
          .allSatisfy(row -> assertThat(row.getAttribute("data-kind")).isEqualTo("declaration"));
      assertThat(d.findElement(By.id("result-range")).getText()).isEqualTo("2 件中 1～2 件目");
      assertThat(d.findElement(By.id("page-number")).getText()).isEqualTo("1 ページ中 1 ページ目");

      // newest first, chosen on the page: the newer partial match first, nothing marked
      new Select(d.findElement(By.id("sort"))).selectByValue("newest");
      d.findElement(By.id("search-submit")).click();
      wait.until(ExpectedConditions.attributeToBe(By.id("result-order"), "data-order", "newest"));
      assertThat(d.findElement(By.id("result-order")).getText()).isEqualTo("新しい順に表示しています。");
      assertThat(d.findElements(By.cssSelector("#results .exact-match"))).isEmpty();
      assertThat(d.findElements(By.cssSelector("#results a.record-link")).get(0).getText())
          .contains("狐商事ホールディングス");
    } finally {
      d.quit();
    }
  }

  @Test
  void eachKindHasAColourOfItsOwnAndNoShownNameCoversAnother() throws Exception {
    // a hub: one company in 30 declarations, each with its own phone, seller and trader number
    StringBuilder lines = new StringBuilder();
    for (int i = 0; i < 30; i++) {
      lines.append(
          String.format(
              "{\"declarationId\":\"HUBG-%d\",\"date\":\"2026-11-%02d\",\"office\":\"JPTYO\","
                  + "\"importer\":{\"name\":\"狐ハブ物産\",\"country\":\"JP\","
                  + "\"id\":\"JP%013d\",\"phone\":\"03-3094-%04d\","
                  + "\"email\":\"hub%d@kitsune.example\"},"
                  + "\"exporter\":{\"kind\":\"person\",\"name\":\"Seller Number %d\","
                  + "\"country\":\"CN\"},\"items\":[{\"hsCode\":\"090121\"}]}%n",
              i, 1 + i % 25, 1_000_000 + i, 7000 + i, i, i));
    }
    HttpResponse<String> ingested =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(URI.create(base + "/api/ingest/declarations"))
                    .header("Authorization", "Bearer " + token)
                    .POST(HttpRequest.BodyPublishers.ofString(lines.toString(), UTF_8))
                    .build(),
                HttpResponse.BodyHandlers.ofString());
    assertThat(ingested.statusCode()).as(ingested.body()).isEqualTo(200);
    long hub = company("狐ハブ物産|JP");
    WebDriver d = Chromium.start("--window-size=1300,1600");
    try {
      WebDriverWait wait = new WebDriverWait(d, Duration.ofSeconds(30));
      wait.ignoring(StaleElementReferenceException.class);
      d.get(base + "/login?lang=en&next=/entities/" + hub);
      wait.until(ExpectedConditions.presenceOfElementLocated(By.id("username")));
      d.findElement(By.id("username")).sendKeys("aiko");
      d.findElement(By.id("password")).sendKeys(PASSWORD);
      d.findElement(By.id("login-submit")).click();
      wait.until(ExpectedConditions.presenceOfElementLocated(By.id("graph")));
      wait.until(
          ExpectedConditions.attributeToBeNotEmpty(d.findElement(By.id("graph")), "data-nodes"));
      // every kind in the legend, each in a colour far from every other's
      @SuppressWarnings("unchecked")
      List<List<Object>> swatches =
          (List<List<Object>>)
              ((JavascriptExecutor) d)
                  .executeScript(
                      "return [...document.querySelectorAll('#graph-legend li')].map(li => [li"
                          + ".dataset.kind, getComputedStyle(li.querySelector('.swatch'))"
                          + ".backgroundColor]);");
      assertThat(swatches)
          .extracting(s -> (String) s.get(0))
          .contains("record", "company", "person", "phone", "email", "trader");
      for (int a = 0; a < swatches.size(); a++) {
        for (int b = a + 1; b < swatches.size(); b++) {
          assertThat(distance((String) swatches.get(a).get(1), (String) swatches.get(b).get(1)))
              .as("%s and %s", swatches.get(a), swatches.get(b))
              .isGreaterThan(90);
        }
      }
      // the names shown cover no other name shown; the hub's own is among them
      Object overlaps =
          ((JavascriptExecutor) d)
              .executeScript(
                  "const cy = document.getElementById('graph').sekishoGraph;"
                      + " const boxes = cy.nodes('.labelled').map(n => n.boundingBox({includeNodes:"
                      + " false, includeEdges: false, includeLabels: true}));"
                      + " let n = 0; for (let i = 0; i < boxes.length; i++) for (let j = i + 1; j <"
                      + " boxes.length; j++) { const a = boxes[i], b = boxes[j]; if (a.x1 < b.x2 &&"
                      + " b.x1 < a.x2 && a.y1 < b.y2 && b.y1 < a.y2) n++; } return n;");
      assertThat(((Number) overlaps).intValue()).isZero();
      Object hubShown =
          ((JavascriptExecutor) d)
              .executeScript(
                  "return document.getElementById('graph').sekishoGraph"
                      + ".getElementById(arguments[0]).hasClass('labelled');",
                  "e" + hub);
      assertThat(hubShown).isEqualTo(true);
      int labelled = Integer.parseInt(d.findElement(By.id("graph")).getAttribute("data-labelled"));
      assertThat(labelled).isGreaterThanOrEqualTo(2);
    } finally {
      d.quit();
    }
  }

  /** The distance between two CSS colours rgb(r, g, b), in RGB space. */
  private static double distance(String a, String b) {
    int[] x = rgb(a);
    int[] y = rgb(b);
    return Math.sqrt(
        Math.pow(x[0] - y[0], 2) + Math.pow(x[1] - y[1], 2) + Math.pow(x[2] - y[2], 2));
  }

  private static int[] rgb(String css) {
    String[] parts = css.replaceAll("[^0-9,]", "").split(",");
    return new int[] {
      Integer.parseInt(parts[0]), Integer.parseInt(parts[1]), Integer.parseInt(parts[2])
    };
  }

  @Test
  void theLegendIsSeenWithTheGraphOnALaptopScreenAndThePageFitsAPhone() {
    long kitsune = company("狐商事|JP");
    for (int[] size : new int[][] {{1400, 900}, {500, 900}}) {
      WebDriver d = Chromium.start("--window-size=" + size[0] + "," + size[1]);
      try {
        WebDriverWait wait = new WebDriverWait(d, Duration.ofSeconds(30));
        wait.ignoring(StaleElementReferenceException.class);
        d.get(base + "/login?lang=en&next=/entities/" + kitsune);
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("username")));
        d.findElement(By.id("username")).sendKeys("aiko");
        d.findElement(By.id("password")).sendKeys(PASSWORD);
        d.findElement(By.id("login-submit")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("graph")));
        wait.until(
            ExpectedConditions.attributeToBeNotEmpty(d.findElement(By.id("graph")), "data-nodes"));
        assertThat(d.findElement(By.id("graph-legend")).getText()).contains("company");
        // where the legend and the graph stand in the window as the page opens, unscrolled
        @SuppressWarnings("unchecked")
        List<Number> at =
            (List<Number>)
                ((JavascriptExecutor) d)
                    .executeScript(
                        "const l = document.getElementById('graph-legend').getBoundingClientRect();"
                            + " const g = document.getElementById('graph').getBoundingClientRect();"
                            + " return [l.top, l.bottom, l.left, l.right, g.top, window.innerHeight,"
                            + " window.innerWidth, document.documentElement.scrollWidth];");
        double legendTop = at.get(0).doubleValue();
        double legendBottom = at.get(1).doubleValue();
        double graphTop = at.get(4).doubleValue();
        double height = at.get(5).doubleValue();
        double width = at.get(6).doubleValue();
        String where = size[0] + "x" + size[1] + ": " + at;
        assertThat(at.get(7).doubleValue())
            .as("page wider than the window, " + where)
            .isLessThanOrEqualTo(width);
        assertThat(at.get(2).doubleValue()).as(where).isGreaterThanOrEqualTo(0);
        assertThat(at.get(3).doubleValue()).as(where).isLessThanOrEqualTo(width);
        if (size[0] == 1400) {
          // the key is on screen as the graph is, without scrolling
          assertThat(legendTop).as(where).isGreaterThanOrEqualTo(0);
          assertThat(legendBottom).as(where).isLessThanOrEqualTo(height);
          assertThat(graphTop).as(where).isLessThan(height);
        }
      } finally {
        d.quit();
      }
    }
  }
}
