package org.sekisho.intel;

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
 * In Chromium, a liaison officer shares a seizure with the police from its page under the agreement
 * in force (a purpose too short is refused beside the form and kept), finds it on the desk among
 * what the police can read now, and revokes it there; the police can no longer read it.
 */
@ExtendWith(PostgresExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Timeout(value = 180, unit = TimeUnit.SECONDS)
class LiaisonDeskBrowserTest {
  private static final Clock CLOCK =
      Clock.fixed(Instant.parse("2026-11-27T03:00:00Z"), ZoneOffset.UTC);
  private static final String PASSWORD = "desk-" + System.nanoTime();

  private Database db;
  private WebServer web;
  private String base;
  private String police;
  private final HttpClient http = HttpClient.newHttpClient();

  @BeforeAll
  void start(Database db, @TempDir Path dir) throws Exception {
    this.db = db;
    db.migrate(List.of(Migrations.of("platform"), Migrations.of("intel")));
    AuditLog audit = new AuditLog(db.jdbi());
    Accounts accounts =
        new Accounts(db.jdbi(), CLOCK, new PasswordHasher(1024, 1, 1), Duration.ofHours(1));
    TestIngest.register(db, CLOCK, "police-jp");
    accounts.upsert("mei", "Mei", PASSWORD, Set.of(Role.LIAISON), "customs-jp", "HQ");
    accounts.upsert("kenji", "Kenji", PASSWORD, Set.of(Role.OFFICER), "customs-jp", "HQ");
    accounts.upsert("taro", "Taro", PASSWORD, Set.of(Role.PARTNER), "police-jp", "NPA");
    police = accounts.issueApiToken("taro", "test", Optional.empty());
    String officer = accounts.issueApiToken("kenji", "test", Optional.empty());
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
    TestIngest.agree(db, CLOCK, "police-jp", "seizures");
    HttpResponse<String> ingested =
        http.send(
            HttpRequest.newBuilder(URI.create(base + "/api/ingest/seizures"))
                .header("Authorization", "Bearer " + officer)
                .header("Content-Type", "application/json")
                .POST(
                    HttpRequest.BodyPublishers.ofString(
                        "{\"seizureId\":\"SZ-BROWSER-1\",\"date\":\"2026-11-26\","
                            + "\"commodity\":\"cocaine\"}\n"))
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

  private int policeReads(long id) throws Exception {
    return http.send(
            HttpRequest.newBuilder(URI.create(base + "/api/records/" + id))
                .header("Authorization", "Bearer " + police)
                .build(),
            HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8))
        .statusCode();
  }

  @Test
  void aLiaisonOfficerSharesFromTheRecordPageAndRevokesOnTheDesk() throws Exception {
    long id =
        db.jdbi()
            .withHandle(
                h ->
                    h.createQuery("select id from intel.record where source_id = 'SZ-BROWSER-1'")
                        .mapTo(Long.class)
                        .one());
    WebDriver d = Chromium.start("--window-size=1300,1600");
    try {
      WebDriverWait wait = new WebDriverWait(d, Duration.ofSeconds(20));
      wait.ignoring(StaleElementReferenceException.class);
      d.get(base + "/login?next=/records/" + id);
      wait.until(ExpectedConditions.presenceOfElementLocated(By.id("username")));
      d.findElement(By.id("username")).sendKeys("mei");
      d.findElement(By.id("password")).sendKeys(PASSWORD);
      d.findElement(By.id("login-submit")).click();
      wait.until(ExpectedConditions.presenceOfElementLocated(By.id("share-form")));

      // the browser would stop a short purpose; the server refuses it too, beside the form,
      // keeping what was typed
      ((JavascriptExecutor) d)
          .executeScript("document.getElementById('share-purpose').removeAttribute('minlength');");
      new Select(d.findElement(By.id("share-agency"))).selectByValue("police-jp");
      d.findElement(By.id("share-purpose")).sendKeys("tip");
      d.findElement(By.id("share-button")).click();
      wait.until(ExpectedConditions.presenceOfElementLocated(By.id("share-error")));
      assertThat(d.findElement(By.id("share-error")).getText())
          .contains("what police-jp needs the record for")
          .contains("at least 5 characters");
      assertThat(d.findElement(By.id("share-purpose")).getAttribute("value")).isEqualTo("tip");
      assertThat(d.findElement(By.id("share-purpose")).getAttribute("aria-invalid"))
          .isEqualTo("true");
      assertThat(policeReads(id)).isEqualTo(403);

      WebElement purpose = d.findElement(By.id("share-purpose"));
      purpose.clear();
      purpose.sendKeys("joint investigation of the Narita route");
      d.findElement(By.id("share-button")).click();
      wait.until(
          ExpectedConditions.presenceOfElementLocated(
              By.cssSelector("tr.share[data-agency='police-jp'][data-state='in-force']")));
      assertThat(policeReads(id)).isEqualTo(200);

      // the desk, from the top navigation: the record among what the police can read now
      d.findElement(By.cssSelector("nav a[href='/sharing']")).click();
      wait.until(ExpectedConditions.presenceOfElementLocated(By.id("readable-table")));
      assertThat(new Select(d.findElement(By.id("partner"))).getFirstSelectedOption().getText())
          .startsWith("police-jp");
      String row = d.findElement(By.cssSelector("tr.readable[data-record='" + id + "']")).getText();
      assertThat(row)
          .contains("SZ-BROWSER-1")
          .contains("joint investigation of the Narita route")
          .contains("mei")
          .contains("test agreement with police-jp");

      // revoke it there, with a reason
      d.findElement(By.cssSelector("tr.readable[data-record='" + id + "'] input.revoke-reason"))
          .sendKeys("investigation handed over");
      d.findElement(By.cssSelector("tr.readable[data-record='" + id + "'] button.revoke-button"))
          .click();
      wait.until(ExpectedConditions.presenceOfElementLocated(By.id("no-readable")));
      assertThat(
              d.findElement(
                      By.cssSelector("tr.event[data-event='revoked'][data-record='" + id + "']"))
                  .getText())
          .contains("investigation handed over")
          .contains("mei");
      assertThat(policeReads(id)).isEqualTo(403);

      // the record page says the same
      d.findElement(By.cssSelector("tr.event[data-event='revoked'] a")).click();
      wait.until(
          ExpectedConditions.presenceOfElementLocated(
              By.cssSelector("tr.share[data-agency='police-jp'][data-state='revoked']")));
    } finally {
      d.quit();
    }
  }
}
