package org.sekisho.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
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
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.sekisho.core.audit.AuditEvent;
import org.sekisho.intel.application.Actor;
import org.sekisho.intel.domain.RecordKind;
import org.sekisho.platform.db.Database;
import org.sekisho.platform.testing.Chromium;
import org.sekisho.platform.testing.PostgresExtension;
import org.sekisho.platform.web.WebServer;

/**
 * The audit log viewer in the running Sekisho: who read a record, found through the API, and an
 * administrator filtering by actor, paging to older entries and checking the chain in Chromium.
 */
@ExtendWith(PostgresExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Timeout(value = 180, unit = TimeUnit.SECONDS)
class AuditViewerTest {
  private static final String PASSWORD = "audit-password-" + Long.toHexString(System.nanoTime());
  private static final ObjectMapper JSON = new ObjectMapper();

  private Sekisho sekisho;
  private WebServer web;
  private String base;
  private final HttpClient http = HttpClient.newHttpClient();
  private long record;

  @BeforeAll
  void start(Database db, @TempDir Path dir) throws Exception {
    sekisho = new Sekisho(db, dir, Clock.systemUTC());
    DemoAccounts.registerAgencies(sekisho.agencies());
    DemoAccounts.install(sekisho.accounts(), PASSWORD);
    String data =
        "{\"declarationId\":\"AV1\",\"date\":\"2026-11-27\",\"office\":\"JPTYO\","
            + "\"importer\":{\"kind\":\"company\",\"name\":\"Audit Trading KK\",\"country\":\"JP\"},"
            + "\"items\":[{\"hsCode\":\"090121\",\"description\":\"coffee\",\"origin\":\"BR\"}]}\n";
    sekisho
        .ingest()
        .ingest(
            RecordKind.DECLARATION,
            "json",
            "test",
            new ByteArrayInputStream(data.getBytes(StandardCharsets.UTF_8)),
            new Actor("system:test", "customs-jp", true))
        .orElseThrow();
    record =
        db.jdbi()
            .withHandle(
                h ->
                    h.createQuery("select id from intel.record where source_id = 'AV1'")
                        .mapTo(Long.class)
                        .one());
    web = sekisho.serve("127.0.0.1", 0);
    base = "http://127.0.0.1:" + web.port();
  }

  @AfterAll
  void stop() {
    // background work stops before the extension closes the database (Sekisho closes it first)
    if (sekisho != null) {
      sekisho.close();
    }
  }

  private String token(String user) throws Exception {
    return JSON.readTree(
            send(
                    "POST",
                    "/api/login",
                    null,
                    "{\"username\":\"" + user + "\",\"password\":\"" + PASSWORD + "\"}")
                .body())
        .get("token")
        .asText();
  }

  private HttpResponse<String> send(String method, String path, String token, String body)
      throws Exception {
    HttpRequest.Builder b =
        HttpRequest.newBuilder(URI.create(base + path))
            .timeout(Duration.ofSeconds(30))
            .header("Accept", "application/json");
    if (token != null) {
      b.header("Authorization", "Bearer " + token);
    }
    b.method(
        method,
        body == null
            ? HttpRequest.BodyPublishers.noBody()
            : HttpRequest.BodyPublishers.ofString(body));
    return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void anAdministratorFindsWhoReadARecordAndTheReadOfTheLogIsItselfLogged() throws Exception {
    assertThat(send("GET", "/api/records/" + record, token("officer"), null).statusCode())
        .isEqualTo(200);
    assertThat(send("GET", "/api/records/" + record, token("analyst"), null).statusCode())
        .isEqualTo(200);
    String admin = token("admin");
    JsonNode who =
        JSON.readTree(send("GET", "/api/audit?subject=record:" + record, admin, null).body());
    List<String> readers = who.get("entries").findValuesAsText("actor");
    assertThat(readers).containsExactly("analyst", "officer");
    assertThat(who.get("entries").get(0).get("action").asText()).isEqualTo("record.read");
    // everyone else is refused, the officer who read the record included
    assertThat(send("GET", "/api/audit", token("officer"), null).statusCode()).isEqualTo(403);
    assertThat(send("GET", "/api/audit", token("police"), null).statusCode()).isEqualTo(403);
    // the administrator's look at the log is in the log, with what was asked
    JsonNode reads =
        JSON.readTree(
            send("GET", "/api/audit?action=audit.read&actor=admin&limit=1", admin, null).body());
    JsonNode read = reads.get("entries").get(0);
    assertThat(read.get("subject").asText()).isEqualTo("audit-log");
    assertThat(read.get("details").get("subject").asText()).isEqualTo("record:" + record);
    assertThat(read.get("details").get("shown").asText()).isEqualTo("2");
  }

  @Test
  void anAdministratorFiltersByActorPagesToOlderEntriesAndVerifiesTheChainInChromium()
      throws Exception {
    // more of the analyst's entries than one page shows
    for (int i = 0; i < 60; i++) {
      sekisho
          .audit()
          .record(
              new AuditEvent(
                  sekisho.clock().instant(),
                  "analyst",
                  "customs-jp",
                  "targeting.worklist.read",
                  "office:JPTYO",
                  Map.of("n", Integer.toString(i))));
    }
    WebDriver driver = Chromium.start();
    try {
      WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(20));
      // a form's answer replaces the page: an element found just before is gone, look again
      wait.ignoring(StaleElementReferenceException.class);
      driver.get(base + "/admin/audit");
      wait.until(ExpectedConditions.presenceOfElementLocated(By.id("username")));
      driver.findElement(By.id("username")).sendKeys("admin");
      driver.findElement(By.id("password")).sendKeys(PASSWORD);
      driver.findElement(By.id("login-submit")).click();
      wait.until(ExpectedConditions.presenceOfElementLocated(By.id("audit-entries")));
      // offered in the administrator's navigation
      assertThat(driver.findElement(By.cssSelector("header nav a[href='/admin/audit']")).getText())
          .isEqualTo("Audit log");

      driver.findElement(By.id("filter-actor")).sendKeys("analyst");
      new Select(driver.findElement(By.id("filter-limit"))).selectByValue("50");
      driver.findElement(By.id("filter-submit")).click();
      wait.until(ExpectedConditions.urlContains("actor=analyst"));
      wait.until(ExpectedConditions.numberOfElementsToBe(By.cssSelector("tr.entry"), 50));
      Set<String> firstPage = seqsAllBy(driver, "analyst");
      assertThat(firstPage).hasSize(50);
      // times in the administration's zone
      assertThat(driver.findElement(By.cssSelector("tr.entry td:nth-child(2)")).getText())
          .endsWith("JST");

      driver.findElement(By.id("older")).click();
      wait.until(ExpectedConditions.urlContains("before="));
      wait.until(ExpectedConditions.presenceOfElementLocated(By.id("newest")));
      Set<String> older = seqsAllBy(driver, "analyst");
      // the 60 entries above, the analyst's sign-ins and reads of the other test: the rest, none
      // of the first page again
      assertThat(older).isNotEmpty().doesNotContainAnyElementsOf(firstPage);
      long firstOldest = firstPage.stream().mapToLong(Long::parseLong).min().orElseThrow();
      assertThat(older).allSatisfy(s -> assertThat(Long.parseLong(s)).isLessThan(firstOldest));
      assertThat(driver.findElement(By.id("filter-actor")).getAttribute("value"))
          .isEqualTo("analyst");

      driver.findElement(By.id("verify-button")).click();
      wait.until(ExpectedConditions.presenceOfElementLocated(By.id("verify-result")));
      WebElement result = driver.findElement(By.id("verify-result"));
      assertThat(result.getAttribute("data-state")).isEqualTo("ok");
      assertThat(result.getText()).startsWith("Hash chain intact:").endsWith("entries.");
      long counted = Long.parseLong(result.getText().replaceAll("\\D", ""));
      assertThat(counted).isGreaterThan(60);
      // still the analyst's entries after the check
      assertThat(seqsAllBy(driver, "analyst")).isNotEmpty();

      driver.get(base + "/admin/audit?actor=admin&action=audit.&lang=ja");
      wait.until(ExpectedConditions.presenceOfElementLocated(By.id("audit-entries")));
      assertThat(driver.findElement(By.tagName("h1")).getText()).isEqualTo("監査ログ");
      List<String> actions =
          driver.findElements(By.cssSelector("tr.entry")).stream()
              .map(e -> e.getAttribute("data-action"))
              .toList();
      assertThat(actions).contains("audit.verify", "audit.read");
    } finally {
      driver.quit();
    }
  }

  /** The seqs of the page's entries, checking each is by {@code actor}. */
  private static Set<String> seqsAllBy(WebDriver driver, String actor) {
    Set<String> seqs = new HashSet<>();
    for (WebElement row : driver.findElements(By.cssSelector("tr.entry"))) {
      assertThat(row.getAttribute("data-actor")).isEqualTo(actor);
      seqs.add(row.getAttribute("data-seq"));
    }
    return seqs;
  }
}
